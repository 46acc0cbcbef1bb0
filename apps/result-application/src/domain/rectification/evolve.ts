import { RectificationEvent } from './events';
import { RectificationState, RequirementState } from './state';

const change = (state: RectificationState, requirementId: string, next: (r: RequirementState) => RequirementState): RectificationState => {
  if (state.status !== 'open') return state;
  return { ...state, requirements: state.requirements.map((r) => (r.requirementId === requirementId ? next(r) : r)) };
};
const base = (r: RequirementState) => ({ requirementId: r.requirementId, text: r.text, dueAt: r.dueAt, overdue: r.overdue, ...(r.escalated ? { escalated: true } : {}) });

/** Folds one event; an event type it does not know leaves the state as it was. */
export const evolveRectification = (state: RectificationState, event: RectificationEvent): RectificationState => {
  switch (event.type) {
    case 'RectificationIssued': {
      const d = event.data;
      const requirements = d.requirements.map((r): RequirementState => ({ ...r, dueAt: d.answerDueAt, overdue: false, status: 'awaiting-answer' }));
      return { status: 'open', caseId: d.caseId, source: d.source, issuedAt: d.at, noticeLate: d.noticeLate, requirements };
    }
    case 'MeasuresAnswered':
      return change(state, event.data.requirementId, (r) => ({ ...base(r), status: 'awaiting-verification', measures: event.data.measures, answeredAt: event.data.at, late: event.data.late }));
    case 'MeasureAccepted':
      return change(state, event.data.requirementId, (r) =>
        r.status === 'awaiting-verification' ? { ...base(r), status: 'verified', measures: r.measures, verifiedAt: event.data.at, verifiedBy: event.data.by } : r,
      );
    case 'MeasureSentBack':
      return change(state, event.data.requirementId, (r) => ({ ...base(r), dueAt: event.data.answerDueAt, status: 'awaiting-answer', lastComments: event.data.comments }));
    case 'RequirementOverdue':
      return change(state, event.data.requirementId, (r) => ({ ...r, overdue: true }));
    case 'RectificationNoticeSent':
      return event.data.kind === 'escalated' && event.data.requirementId ? change(state, event.data.requirementId, (r) => ({ ...r, escalated: true })) : state;
    case 'RectificationClosed':
      if (state.status !== 'open') return state;
      return { ...state, status: 'closed', closedAt: event.data.at };
    default:
      return state;
  }
};
