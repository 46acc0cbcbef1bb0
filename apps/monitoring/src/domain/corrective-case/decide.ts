import { validateCalendar } from '../calendar';
import { validateMonitoringParameters } from '../parameters';
import { DomainError, conflict, invalid, isBlank, precondition, requireOwningUnit, requireRole, throwFirst } from '../shared';
import {
  AnswerCorrectiveCase,
  CorrectiveCaseCommand,
  EscalateCorrectiveCase,
  LiftAllocationRestriction,
  OpenCorrectiveCase,
  RemindCorrectiveCase,
  RestrictAllocation,
} from './commands';
import { CorrectiveCaseEvent } from './events';
import { correctiveSchedule } from './schedule';
import { CorrectiveCaseState, OpenedCaseState } from './state';
import { CORRECTIVE_CHOICES, CORRECTIVE_CHOICE_LABELS, RESTRICTION_MODES, RESTRICTION_MODE_LABELS } from './types';

const opened = (state: CorrectiveCaseState): OpenedCaseState => {
  if (state.status === 'none') throw new DomainError('CASE_NOT_FOUND', 'not-found', '未找到该纠偏事项');
  return state;
};

const open = ({ data }: OpenCorrectiveCase, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  requireRole(data.actor, 'system', 'finance-reviewer');
  if (state.status !== 'none') throw conflict('CASE_ALREADY_OPEN', `纠偏事项“${data.caseId}”已开启`, 'caseId');
  if (data.warning?.level !== 'red') {
    throw precondition('WARNING_NOT_RED', `只有红色预警才开启纠偏事项，该预警为${data.warning?.level === 'yellow' ? '黄色' : '非红色'}`, 'warning');
  }
  const blank = (['caseId', 'projectId', 'unitId'] as const).find((f) => isBlank(data[f]));
  if (blank) throw invalid('CASE_FIELD_REQUIRED', `开启纠偏事项须提供${{ caseId: '事项编号', projectId: '项目编号', unitId: '预算单位' }[blank]}`, blank);
  throwFirst([...validateMonitoringParameters(data.parameters), ...validateCalendar(data.calendar)]);
  const { actor, at, parameters, calendar: _calendar, ...facts } = data;
  const schedule = correctiveSchedule(at, parameters, data.calendar);
  return [{ type: 'CorrectiveCaseOpened', data: { ...facts, answerWorkingDays: parameters.correctiveAnswerWorkingDays, ...schedule, by: actor.id, at } }];
};

const answer = ({ data }: AnswerCorrectiveCase, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  const s = opened(state);
  requireOwningUnit(data.actor, s.case.unitId);
  if (s.status === 'answered') {
    throw conflict('CASE_ALREADY_ANSWERED', `纠偏事项“${s.case.caseId}”已答复（${CORRECTIVE_CHOICE_LABELS[s.answer.choice]}）`);
  }
  if (!(CORRECTIVE_CHOICES as readonly string[]).includes(data.choice)) {
    throw invalid('CHOICE_INVALID', `纠偏意见“${String(data.choice)}”无效，应为继续、调剂或取消`, 'choice');
  }
  if (isBlank(data.reasons)) throw invalid('REASONS_REQUIRED', `选择“${CORRECTIVE_CHOICE_LABELS[data.choice]}”须说明理由`, 'reasons');
  const late = Date.parse(data.at) > Date.parse(s.case.dueAt);
  return [{ type: 'CorrectiveCaseAnswered', data: { choice: data.choice, reasons: data.reasons, late, by: data.actor.id, at: data.at } }];
};

const remind = ({ data }: RemindCorrectiveCase, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  requireRole(data.actor, 'system');
  const s = opened(state);
  if (s.status !== 'open' || s.case.reminderSent) return [];
  return [{ type: 'CorrectiveCaseReminderSent', data: { dueAt: s.case.dueAt, by: data.actor.id, at: data.at } }];
};

const escalate = ({ data }: EscalateCorrectiveCase, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  requireRole(data.actor, 'system');
  const s = opened(state);
  if (s.status !== 'open') return [];
  if (Date.parse(data.at) <= Date.parse(s.case.dueAt)) {
    throw precondition('CASE_NOT_YET_DUE', `纠偏事项“${s.case.caseId}”的答复期限为${s.case.dueAt}，尚未逾期`, 'at');
  }
  return [{ type: 'CorrectiveCaseEscalated', data: { dueAt: s.case.dueAt, by: data.actor.id, at: data.at } }];
};

const restrict = ({ data }: RestrictAllocation, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  requireRole(data.actor, 'finance-reviewer', 'finance-admin');
  const s = opened(state);
  if (!(RESTRICTION_MODES as readonly string[]).includes(data.mode)) {
    throw invalid('RESTRICTION_MODE_INVALID', `处理方式“${String(data.mode)}”无效，应为暂缓拨款或停止拨款`, 'mode');
  }
  if (isBlank(data.reason)) throw invalid('REASON_REQUIRED', `${RESTRICTION_MODE_LABELS[data.mode]}须说明原因`, 'reason');
  if (s.allocation.status === 'restricted' && s.allocation.mode === data.mode) {
    throw conflict('ALLOCATION_ALREADY_RESTRICTED', `项目“${s.case.projectId}”已因纠偏事项“${s.case.caseId}”${RESTRICTION_MODE_LABELS[data.mode]}`);
  }
  return [{ type: 'AllocationRestricted', data: { projectId: s.case.projectId, mode: data.mode, reason: data.reason, by: data.actor.id, at: data.at } }];
};

const lift = ({ data }: LiftAllocationRestriction, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  requireRole(data.actor, 'finance-reviewer', 'finance-admin');
  const s = opened(state);
  if (s.allocation.status !== 'restricted') {
    throw precondition('ALLOCATION_NOT_RESTRICTED', `项目“${s.case.projectId}”未因纠偏事项“${s.case.caseId}”暂缓或停止拨款，无需解除`);
  }
  if (isBlank(data.reason)) throw invalid('REASON_REQUIRED', '解除暂缓或停止拨款须说明原因', 'reason');
  return [{ type: 'AllocationRestrictionLifted', data: { projectId: s.case.projectId, reason: data.reason, by: data.actor.id, at: data.at } }];
};

export const decide = (command: CorrectiveCaseCommand, state: CorrectiveCaseState): CorrectiveCaseEvent[] => {
  switch (command.type) {
    case 'OpenCorrectiveCase':
      return open(command, state);
    case 'AnswerCorrectiveCase':
      return answer(command, state);
    case 'RemindCorrectiveCase':
      return remind(command, state);
    case 'EscalateCorrectiveCase':
      return escalate(command, state);
    case 'RestrictAllocation':
      return restrict(command, state);
    case 'LiftAllocationRestriction':
      return lift(command, state);
  }
};
