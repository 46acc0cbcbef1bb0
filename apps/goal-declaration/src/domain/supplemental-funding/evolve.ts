import { SupplementalFundingEvent } from './events';
import { SupplementalFundingState } from './state';

export const evolve = (state: SupplementalFundingState, event: SupplementalFundingEvent): SupplementalFundingState => {
  switch (event.type) {
    case 'FundNoticeIssued':
      return { status: 'issued', notice: event.data, applications: {}, appliedAmount: 0 };
    case 'SupplementalFundsApplied': {
      if (state.status !== 'issued') return state;
      const { applicationId, projectId, unitId, amount } = event.data;
      return {
        ...state,
        applications: { ...state.applications, [applicationId]: { projectId, unitId, amount } },
        appliedAmount: state.appliedAmount + amount,
      };
    }
  }
};
