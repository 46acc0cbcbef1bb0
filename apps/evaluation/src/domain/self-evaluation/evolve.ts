import { SelfEvaluationEvent } from './events';
import { SelfEvaluationState } from './state';

/** Folds one event; an event type it does not know leaves the state as it was. */
export const evolveSelfEvaluation = (state: SelfEvaluationState, event: SelfEvaluationEvent): SelfEvaluationState => {
  switch (event.type) {
    case 'SelfEvaluationOpened':
      return { status: 'open', opened: event.data, round: 1 };
    case 'SelfEvaluationFilled': {
      if (state.status !== 'open') return state;
      const { by: _by, at: _at, ...filled } = event.data;
      return { ...state, filled };
    }
    case 'SelfEvaluationSubmitted':
      if (state.status !== 'open') return state;
      return { status: 'submitted', opened: state.opened, filled: state.filled, round: event.data.round, total: event.data.total, grade: event.data.grade, flags: event.data.flags };
    case 'SelfEvaluationReturned':
      if (state.status !== 'submitted') return state;
      return { status: 'open', opened: state.opened, filled: state.filled, round: state.round + 1, lastComments: event.data.comments };
    case 'SelfEvaluationAccepted':
      if (state.status !== 'submitted') return state;
      return { status: 'accepted', opened: state.opened, filled: state.filled, round: state.round, total: event.data.total, grade: event.data.grade, derivation: event.data.derivation };
    default:
      return state;
  }
};
