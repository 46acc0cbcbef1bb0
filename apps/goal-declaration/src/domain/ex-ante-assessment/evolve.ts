import { ExAnteAssessmentEvent } from './events';
import { ExAnteAssessmentState } from './state';

export const evolve = (state: ExAnteAssessmentState, event: ExAnteAssessmentEvent): ExAnteAssessmentState => {
  switch (event.type) {
    case 'ExAnteAssessmentStarted':
      // Once started, an assessment is never restarted.
      return state.status === 'not-started' ? { status: 'in-progress', started: event.data } : state;
    case 'ExAnteAssessmentCompleted':
      if (state.status === 'not-started') return state;
      return {
        status: 'completed',
        started: state.started,
        outcome: {
          assessmentId: event.data.assessmentId,
          projectId: event.data.projectId,
          conclusion: event.data.conclusion,
          totalScore: event.data.normalisedScore,
        },
      };
    default:
      // A type this code does not know (e.g. from a newer schema): the state stays.
      return state;
  }
};
