import { PerformanceGoalEvent } from './events';
import { PerformanceGoalState, isAdjusting, recordOf } from './state';

/**
 * Folds one event. An event that cannot apply to the case at hand (or a type this code does
 * not know, e.g. from a newer schema) leaves the state as it is: evolve never throws.
 */
export const evolve = (state: PerformanceGoalState, event: PerformanceGoalEvent): PerformanceGoalState => {
  if (event.type === 'ProjectRegistered') {
    return state.status === 'unregistered'
      ? { status: 'draft', project: event.data.project, version: 0, reviewRound: 0, submission: 0 }
      : state;
  }
  if (state.status === 'unregistered') return state;

  switch (event.type) {
    case 'GoalDeclared':
      return { ...state, version: event.data.version, declaration: event.data.declaration };

    case 'GoalSubmittedForReview':
      if (!state.declaration) return state;
      return {
        ...recordOf(state),
        status: 'submitted',
        declaration: state.declaration,
        reviewRound: event.data.reviewRound,
        submission: event.data.submission,
        adjusting: event.data.isAdjustment,
      };

    case 'GoalApproved': {
      if (!state.declaration) return state;
      return {
        ...recordOf(state),
        status: 'approved',
        declaration: state.declaration,
        approved: { version: event.data.version, declaration: state.declaration, rating: event.data.rating, reviewRound: event.data.reviewRound },
        ...(event.data.exAnteAssessment ?? state.exAnteAssessment ? { exAnteAssessment: event.data.exAnteAssessment ?? state.exAnteAssessment } : {}),
      };
    }

    case 'GoalReturned':
      if (!state.declaration) return state;
      return {
        ...recordOf(state),
        status: 'returned',
        declaration: state.declaration,
        mustReviseAfterVersion: event.data.version,
        lastReturnComments: event.data.indicatorComments,
        adjusting: isAdjusting(state),
      };

    case 'GoalRejected':
      return { ...recordOf(state), status: 'rejected' };

    case 'GoalAdjustmentRequested':
      if (!state.approved) return state;
      return {
        ...recordOf(state),
        status: 'adjustment-requested',
        approved: state.approved,
        reviewRound: event.data.reviewRound,
        submission: 0,
        mustReviseAfterVersion: state.version,
      };

    case 'GoalAdjustmentRejected':
      // The goal in force stays; the draft falls back to it.
      if (!state.approved) return state;
      return { ...recordOf(state), status: 'approved', approved: state.approved, declaration: state.approved.declaration };

    case 'GoalReviewReminderSent':
    case 'GoalReviewOverdue':
      // Facts for the record and the inbox; the goal itself does not change.
      return state;

    default:
      return state;
  }
};
