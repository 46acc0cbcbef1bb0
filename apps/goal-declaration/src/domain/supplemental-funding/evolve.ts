import { SupplementalFundingEvent } from './events';
import { SupplementalFundingState } from './state';

export const evolve = (state: SupplementalFundingState, event: SupplementalFundingEvent): SupplementalFundingState => {
  switch (event.type) {
    case 'FundNoticeIssued':
      // Issued once; a second notice on the stream would wipe the applications.
      return state.status === 'none' ? { status: 'issued', notice: event.data, applications: {}, appliedAmount: 0 } : state;
    case 'SupplementalFundsApplied': {
      if (state.status !== 'issued') return state;
      const { applicationId, projectId, unitId, amount } = event.data;
      return {
        ...state,
        applications: { ...state.applications, [applicationId]: { projectId, unitId, amount } },
        appliedAmount: state.appliedAmount + amount,
      };
    }
    default:
      // A type this code does not know (e.g. from a newer schema): the state stays.
      return state;
  }
};
