import { PerformanceGoalEvent } from './events';
import { PerformanceGoalState } from './state';

export const evolve = (state: PerformanceGoalState, event: PerformanceGoalEvent): PerformanceGoalState => {
  switch (event.type) {
    case 'ProjectRegistered':
      return { ...state, status: 'draft', project: event.data.project };

    case 'GoalDeclared':
      return { ...state, version: event.data.version, declaration: event.data.declaration };

    case 'GoalSubmittedForReview':
      return { ...state, status: 'submitted', reviewRound: event.data.reviewRound, submission: event.data.submission };

    case 'GoalApproved':
      return {
        ...state,
        status: 'approved',
        adjusting: false,
        approved: {
          version: event.data.version,
          declaration: state.declaration ?? { overallGoal: '', indicators: [] },
          rating: event.data.rating,
          reviewRound: event.data.reviewRound,
        },
        exAnteAssessment: event.data.exAnteAssessment ?? state.exAnteAssessment,
      };

    case 'GoalReturned':
      return {
        ...state,
        status: 'returned',
        mustReviseAfterVersion: event.data.version,
        lastReturnComments: event.data.indicatorComments,
      };

    case 'GoalRejected':
      return { ...state, status: 'rejected' };

    case 'GoalAdjustmentRequested':
      return {
        ...state,
        status: 'adjustment-requested',
        adjusting: true,
        reviewRound: event.data.reviewRound,
        submission: 0,
        mustReviseAfterVersion: state.version,
      };

    case 'GoalReviewReminderSent':
    case 'GoalReviewOverdue':
      // Facts for the record and the inbox; the goal itself does not change.
      return state;

    case 'GoalAdjustmentRejected':
      // The goal in force stays; the draft falls back to it.
      return {
        ...state,
        status: 'approved',
        adjusting: false,
        declaration: state.approved?.declaration ?? state.declaration,
      };
  }
};
