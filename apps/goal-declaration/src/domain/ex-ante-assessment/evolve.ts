import { ExAnteAssessmentEvent } from './events';
import { ExAnteAssessmentState } from './state';

export const evolve = (state: ExAnteAssessmentState, event: ExAnteAssessmentEvent): ExAnteAssessmentState => {
  switch (event.type) {
    case 'ExAnteAssessmentStarted':
      return { status: 'in-progress', started: event.data };
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
  }
};
