import { Decider, conflict, forbidden, invalid, notFound, precondition, unreachable } from '@bpm/decider';
import { Actor, blank } from '../shared/actor';
import { deadlineAfter } from '../shared/calendar';
import { RectificationCommand } from './commands';
import { RectificationEvent } from './events';
import { evolveRectification } from './evolve';
import { RectificationState, RequirementState, initialRectificationState, overdueCount } from './state';

const NOT_FOUND = () => notFound('RECTIFICATION_NOT_FOUND', '未找到该整改事项');

const finance = (actor: Actor, what: string) => {
  if (actor.role !== 'finance-reviewer') throw forbidden('ROLE_NOT_ALLOWED', `只有财政绩效审核人员可以${what}`);
};
/** Another unit's case answers exactly as a missing one does. */
const ownUnit = (actor: Actor, unitId: string) => {
  if (actor.role !== 'unit') throw forbidden('ROLE_NOT_ALLOWED', '只有预算单位经办人可以答复整改要求');
  if (actor.unitId !== unitId) throw NOT_FOUND();
};
const requirementOf = (requirements: readonly RequirementState[], requirementId: string) => {
  const r = requirements.find((x) => x.requirementId === requirementId);
  if (!r) throw notFound('REQUIREMENT_NOT_FOUND', '该整改事项中没有这项整改要求', 'requirementId');
  return r;
};

export const decideRectification = (command: RectificationCommand, state: RectificationState): RectificationEvent[] => {
  switch (command.type) {
    case 'IssueRectification': {
      const { actor, at, caseId, source, requirements, parameters, calendar } = command.data;
      finance(actor, '下达评价结果和整改要求');
      if (state.status !== 'none') throw conflict('RECTIFICATION_ALREADY_ISSUED', '该整改事项已下达');
      if (requirements.length === 0) throw invalid('REQUIREMENTS_REQUIRED', '整改通知至少应包含一项整改要求', 'requirements');
      requirements.forEach((r, i) => {
        if (blank(r.text)) throw invalid('REQUIREMENT_TEXT_REQUIRED', `第${i + 1}项整改要求内容不能为空`, `requirements[${i}].text`);
      });
      if (new Set(requirements.map((r) => r.requirementId)).size !== requirements.length) {
        throw invalid('REQUIREMENT_ID_DUPLICATE', '整改要求编号不能重复', 'requirements');
      }
      if (Date.parse(at) < Date.parse(source.finalAt)) throw precondition('RESULT_NOT_FINAL', '评价结果尚未确定，不能下达整改通知', 'source.finalAt');
      const noticeDueAt = deadlineAfter(source.finalAt, parameters.noticeDays, parameters.dayBasis, calendar);
      const answerDueAt = deadlineAfter(at, parameters.answerDays, parameters.dayBasis, calendar);
      return [
        {
          type: 'RectificationIssued',
          data: { by: actor.userId, at, caseId, source, requirements, noticeDueAt, noticeLate: Date.parse(at) > Date.parse(noticeDueAt), answerDueAt },
        },
      ];
    }
    case 'AnswerRequirement': {
      const { actor, at, requirementId, measures } = command.data;
      if (state.status === 'none') throw NOT_FOUND();
      ownUnit(actor, state.source.unitId);
      if (state.status !== 'open') throw conflict('RECTIFICATION_CLOSED', '整改事项已办结，不能再答复');
      const r = requirementOf(state.requirements, requirementId);
      if (r.status !== 'awaiting-answer') throw conflict('REQUIREMENT_NOT_AWAITING_ANSWER', '该整改要求已答复，正在核实或已核实');
      if (measures.length === 0 || measures.some(blank)) throw invalid('MEASURES_REQUIRED', '请逐条填写整改措施，不能为空', 'measures');
      return [{ type: 'MeasuresAnswered', data: { by: actor.userId, at, requirementId, measures, late: Date.parse(at) > Date.parse(r.dueAt) } }];
    }
    case 'VerifyMeasure': {
      const { actor, at, requirementId, decision, comments, parameters, calendar } = command.data;
      finance(actor, '核实整改措施');
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'open') throw conflict('RECTIFICATION_CLOSED', '整改事项已办结');
      const r = requirementOf(state.requirements, requirementId);
      if (r.status !== 'awaiting-verification') throw conflict('REQUIREMENT_NOT_AWAITING_VERIFICATION', '该整改要求尚未答复或已核实，当前不能核实');
      if (decision === 'send-back') {
        if (blank(comments)) throw invalid('COMMENTS_REQUIRED', '退回整改措施须填写意见', 'comments');
        const answerDueAt = deadlineAfter(at, parameters.answerDays, parameters.dayBasis, calendar);
        return [{ type: 'MeasureSentBack', data: { by: actor.userId, at, requirementId, comments: comments as string, answerDueAt } }];
      }
      const accepted: RectificationEvent = { type: 'MeasureAccepted', data: { by: actor.userId, at, requirementId } };
      // The case closes with the last verification: nobody has to remember to close it.
      const allVerified = state.requirements.every((x) => x.requirementId === requirementId || x.status === 'verified');
      return allVerified ? [accepted, { type: 'RectificationClosed', data: { at, overdueCount: overdueCount(state.requirements) } }] : [accepted];
    }
    case 'MarkRequirementOverdue': {
      const { actor, at, requirementId } = command.data;
      if (actor.role !== 'system') throw forbidden('ROLE_NOT_ALLOWED', '逾期由整改流程按期限自动记录');
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'open') return [];
      const r = requirementOf(state.requirements, requirementId);
      // Answered in time, or already counted: nothing to record (the timer may fire twice).
      if (r.status !== 'awaiting-answer' || r.overdue) return [];
      if (Date.parse(at) <= Date.parse(r.dueAt)) throw precondition('NOT_YET_DUE', '整改答复期限未到，不能记为逾期');
      return [{ type: 'RequirementOverdue', data: { requirementId, unitId: state.source.unitId, dueAt: r.dueAt, at } }];
    }
    case 'RecordRectificationNotice': {
      const { actor, at, kind, requirementId, dueAt } = command.data;
      if (actor.role !== 'system') throw forbidden('ROLE_NOT_ALLOWED', '提醒和督办由整改流程按期限自动记录');
      if (state.status === 'none') throw NOT_FOUND();
      if (kind !== 'notice-reminder') requirementOf(state.requirements, requirementId ?? '');
      return [{ type: 'RectificationNoticeSent', data: { kind, ...(requirementId ? { requirementId } : {}), dueAt, at } }];
    }
    default:
      return unreachable(command);
  }
};

export const rectificationDecider: Decider<RectificationState, RectificationCommand, RectificationEvent> = {
  initialState: initialRectificationState,
  evolve: evolveRectification,
  decide: decideRectification,
};
