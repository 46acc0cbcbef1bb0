import { Command, Decider, Event, Timestamp, conflict, forbidden, invalid, notFound, unreachable } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { Actor } from '../shared/actor';

/** 第三方机构 or 专家. */
export type ThirdPartyKind = 'agency' | 'expert';
export type Violation = Readonly<{ date: string; major: boolean; description: string }>;
type By = { by: string; at: Timestamp };

export type ThirdPartyEvent =
  | Event<'ThirdPartyAdmitted', By & { id: string; kind: ThirdPartyKind; name: string; qualifications: readonly string[]; fields: readonly string[]; violations: readonly Violation[] }>
  | Event<'ThirdPartySuspended', By & { reason: string }>
  | Event<'ThirdPartyReinstated', By & { reason: string }>
  | Event<'ThirdPartyRemoved', By & { reason: string }>
  | Event<'ThirdPartyRelationDeclared', By & { unitId: string; relation: string }>
  | Event<'ThirdPartyJobRated', By & { evaluationId: string; score: number; comment: string }>;

type Acting = { actor: Actor; at: Timestamp };
export type ThirdPartyCommand =
  | Command<'AdmitThirdParty', Acting & { parameters: EvaluationParameters; id: string; kind: ThirdPartyKind; name: string; qualifications: readonly string[]; fields: readonly string[]; violations: readonly Violation[] }>
  | Command<'SuspendThirdParty', Acting & { reason: string }>
  | Command<'ReinstateThirdParty', Acting & { reason: string }>
  | Command<'RemoveThirdParty', Acting & { reason: string }>
  | Command<'DeclareThirdPartyRelation', Acting & { unitId: string; relation: string }>
  | Command<'RateThirdPartyJob', Acting & { evaluationId: string; score: number; comment: string }>;

type Known = Readonly<{ id: string; kind: ThirdPartyKind; name: string; linkedUnits: readonly string[]; ratings: readonly { evaluationId: string; score: number }[] }>;
/** A registry entry is in exactly one of these cases. */
export type ThirdPartyState =
  | Readonly<{ status: 'none' }>
  | (Known & Readonly<{ status: 'admitted' }>)
  | (Known & Readonly<{ status: 'suspended'; reason: string }>)
  | (Known & Readonly<{ status: 'removed'; reason: string }>);

export const THIRD_PARTY_STATUS_LABELS: Record<Exclude<ThirdPartyState['status'], 'none'>, string> = { admitted: '在库', suspended: '暂停', removed: '已清退' };

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const NOT_FOUND = () => notFound('THIRD_PARTY_NOT_FOUND', '未找到该第三方机构或专家');

/** Years between two ISO dates, by calendar date (a violation on the same day three years ago is within three years). */
const withinYears = (violationDate: string, at: string, years: number) => {
  const day = at.slice(0, 10);
  const limit = `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
  return violationDate.slice(0, 10) >= limit;
};

const requireAdmin = (actor: Actor) => {
  if (actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以维护第三方机构库和专家库');
};
const requireReason = (reason: string) => {
  if (blank(reason)) throw invalid('REASON_REQUIRED', '须填写理由', 'reason');
};

export const decideThirdParty = (command: ThirdPartyCommand, state: ThirdPartyState): ThirdPartyEvent[] => {
  const { actor, at } = command.data;
  const by = { by: actor.userId, at };
  switch (command.type) {
    case 'AdmitThirdParty': {
      requireAdmin(actor);
      if (state.status !== 'none') throw conflict('THIRD_PARTY_EXISTS', `“${state.name}”已在库中`);
      const { parameters, id, kind, name, qualifications, fields, violations } = command.data;
      if (blank(name)) throw invalid('NAME_REQUIRED', '名称不能为空', 'name');
      const years = parameters.violationLookbackYears;
      const major = violations.find((v) => v.major && withinYears(v.date, at, years));
      if (major) throw invalid('MAJOR_VIOLATION', `${years}年内有重大违规记录（${major.date}：${major.description}），不予入库`, 'violations');
      return [{ type: 'ThirdPartyAdmitted', data: { ...by, id, kind, name, qualifications, fields, violations } }];
    }
    case 'SuspendThirdParty':
      requireAdmin(actor);
      requireReason(command.data.reason);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'admitted') throw conflict('THIRD_PARTY_NOT_ADMITTED', `“${state.name}”当前为${THIRD_PARTY_STATUS_LABELS[state.status]}状态，不能暂停`);
      return [{ type: 'ThirdPartySuspended', data: { ...by, reason: command.data.reason } }];
    case 'ReinstateThirdParty':
      requireAdmin(actor);
      requireReason(command.data.reason);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'suspended') throw conflict('THIRD_PARTY_NOT_SUSPENDED', `“${state.name}”未被暂停，无需恢复`);
      return [{ type: 'ThirdPartyReinstated', data: { ...by, reason: command.data.reason } }];
    case 'RemoveThirdParty':
      requireAdmin(actor);
      requireReason(command.data.reason);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status === 'removed') throw conflict('THIRD_PARTY_REMOVED', `“${state.name}”已清退`);
      return [{ type: 'ThirdPartyRemoved', data: { ...by, reason: command.data.reason } }];
    case 'DeclareThirdPartyRelation':
      if (actor.role !== 'finance-admin' && actor.role !== 'evaluator') throw forbidden('ROLE_NOT_ALLOWED', '关联关系由财政管理员或第三方本人申报');
      if (state.status === 'none') throw NOT_FOUND();
      if (blank(command.data.unitId)) throw invalid('UNIT_REQUIRED', '须填写关联的预算单位', 'unitId');
      return [{ type: 'ThirdPartyRelationDeclared', data: { ...by, unitId: command.data.unitId, relation: command.data.relation } }];
    case 'RateThirdPartyJob': {
      requireAdmin(actor);
      if (state.status === 'none') throw NOT_FOUND();
      const { evaluationId, score, comment } = command.data;
      if (!Number.isInteger(score) || score < 0 || score > 100) throw invalid('RATING_INVALID', '履职评价得分应为0至100的整数', 'score');
      if (state.ratings.some((r) => r.evaluationId === evaluationId)) throw conflict('JOB_ALREADY_RATED', '该项评价任务已评价过履职情况');
      return [{ type: 'ThirdPartyJobRated', data: { ...by, evaluationId, score, comment } }];
    }
    default:
      return unreachable(command);
  }
};

export const evolveThirdParty = (state: ThirdPartyState, event: ThirdPartyEvent): ThirdPartyState => {
  if (event.type === 'ThirdPartyAdmitted') {
    const { id, kind, name } = event.data;
    return { status: 'admitted', id, kind, name, linkedUnits: [], ratings: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ThirdPartySuspended':
      return { ...state, status: 'suspended', reason: event.data.reason };
    case 'ThirdPartyReinstated':
      return { id: state.id, kind: state.kind, name: state.name, linkedUnits: state.linkedUnits, ratings: state.ratings, status: 'admitted' };
    case 'ThirdPartyRemoved':
      return { ...state, status: 'removed', reason: event.data.reason };
    case 'ThirdPartyRelationDeclared':
      return { ...state, linkedUnits: [...state.linkedUnits, event.data.unitId] };
    case 'ThirdPartyJobRated':
      return { ...state, ratings: [...state.ratings, { evaluationId: event.data.evaluationId, score: event.data.score }] };
    default:
      return state;
  }
};

export const thirdPartyDecider: Decider<ThirdPartyState, ThirdPartyCommand, ThirdPartyEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveThirdParty,
  decide: decideThirdParty,
};
