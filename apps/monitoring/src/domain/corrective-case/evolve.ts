import { CorrectiveCaseEvent } from './events';
import { CorrectiveCaseState } from './state';

export const evolve = (state: CorrectiveCaseState, event: CorrectiveCaseEvent): CorrectiveCaseState => {
  if (event.type === 'CorrectiveCaseOpened') {
    const { by: _by, at, ...facts } = event.data;
    return { status: 'open', case: { ...facts, openedAt: at, reminderSent: false }, allocation: { status: 'allowed' } };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CorrectiveCaseAnswered':
      return { status: 'answered', case: state.case, allocation: state.allocation, answer: event.data };
    case 'CorrectiveCaseReminderSent':
      return { ...state, case: { ...state.case, reminderSent: true } };
    case 'CorrectiveCaseEscalated':
      return state.status === 'open' ? { ...state, status: 'escalated' } : state;
    case 'AllocationRestricted':
      return { ...state, allocation: { status: 'restricted', mode: event.data.mode, reason: event.data.reason, by: event.data.by, at: event.data.at } };
    case 'AllocationRestrictionLifted':
      return { ...state, allocation: { status: 'allowed' } };
  }
};
