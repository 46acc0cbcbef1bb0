import { Command, Decider, Event, Timestamp, conflict, forbidden, invalid, notFound, precondition, unreachable } from '@bpm/decider';
import { Actor, blank } from '../shared/actor';

/** What may be disclosed: an approved goal table or a final evaluation result. */
export type DisclosedRecord = Readonly<{
  kind: 'performance-goal' | 'evaluation-result';
  recordId: string;
  unitId: string;
  fiscalYear: number;
  /** The record's own status as its service says: only approved goals and final results qualify. */
  recordStatus: string;
  title: string;
  /** The fields as they would be shown; redactions remove some. */
  content: Readonly<Record<string, unknown>>;
}>;
export type Redaction = Readonly<{ field: string; legalBasis: string }>;

type Acting = { actor: Actor; at: Timestamp };
export type DisclosureCommand =
  | Command<'ProposeDisclosure', Acting & { disclosureId: string; record: DisclosedRecord }>
  | Command<'ApproveDisclosure', Acting & { redactions: readonly Redaction[] }>
  | Command<'RejectDisclosure', Acting & { reason: string }>
  | Command<'PublishDisclosure', Acting>;

type By = { by: string; at: Timestamp };
export type DisclosureEvent =
  | Event<'DisclosureProposed', By & { disclosureId: string; record: DisclosedRecord }>
  | Event<'DisclosureApproved', By & { redactions: readonly Redaction[] }>
  | Event<'DisclosureRejected', By & { reason: string }>
  | Event<'DisclosurePublished', By>;

type Common = Readonly<{ disclosureId: string; record: DisclosedRecord }>;
export type DisclosureState =
  | Readonly<{ status: 'none' }>
  | (Common & Readonly<{ status: 'proposed' }>)
  | (Common & Readonly<{ status: 'rejected'; reason: string }>)
  | (Common & Readonly<{ status: 'approved'; redactions: readonly Redaction[] }>)
  | (Common & Readonly<{ status: 'published'; redactions: readonly Redaction[]; publishedAt: Timestamp }>);

const DISCLOSABLE: Record<DisclosedRecord['kind'], string> = { 'performance-goal': 'approved', 'evaluation-result': 'final' };
const NOT_FOUND = () => notFound('DISCLOSURE_NOT_FOUND', '未找到该公开申请');
const finance = (actor: Actor) => {
  if (actor.role !== 'finance-reviewer' && actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政部门可以审核和发布公开信息');
};

export const decideDisclosure = (command: DisclosureCommand, state: DisclosureState): DisclosureEvent[] => {
  const { actor, at } = command.data;
  switch (command.type) {
    case 'ProposeDisclosure': {
      const { disclosureId, record } = command.data;
      if (actor.role !== 'unit') throw forbidden('ROLE_NOT_ALLOWED', '公开申请由预算单位提出');
      // Another unit's record answers as a missing one does.
      if (actor.unitId !== record.unitId) throw notFound('RECORD_NOT_FOUND', '未找到该绩效目标或评价结果');
      if (state.status !== 'none' && state.status !== 'rejected') throw conflict('DISCLOSURE_ALREADY_PROPOSED', '该记录已提出公开申请');
      if (record.recordStatus !== DISCLOSABLE[record.kind]) {
        throw precondition('RECORD_NOT_DISCLOSABLE', record.kind === 'performance-goal' ? '只有已批复的绩效目标可以公开' : '只有已确定的评价结果可以公开');
      }
      return [{ type: 'DisclosureProposed', data: { by: actor.userId, at, disclosureId, record } }];
    }
    case 'ApproveDisclosure': {
      finance(actor);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'proposed') throw conflict('DISCLOSURE_NOT_PROPOSED', '该公开申请不在待审核状态');
      const fields = Object.keys(state.record.content);
      command.data.redactions.forEach((r, i) => {
        if (!fields.includes(r.field)) throw invalid('REDACTION_FIELD_UNKNOWN', `待删除的字段“${r.field}”不在公开内容中`, `redactions[${i}].field`);
        if (blank(r.legalBasis)) throw invalid('LEGAL_BASIS_REQUIRED', `删除字段“${r.field}”须注明法律依据`, `redactions[${i}].legalBasis`);
      });
      return [{ type: 'DisclosureApproved', data: { by: actor.userId, at, redactions: command.data.redactions } }];
    }
    case 'RejectDisclosure': {
      finance(actor);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status !== 'proposed') throw conflict('DISCLOSURE_NOT_PROPOSED', '该公开申请不在待审核状态');
      if (blank(command.data.reason)) throw invalid('REASON_REQUIRED', '不予公开须说明理由', 'reason');
      return [{ type: 'DisclosureRejected', data: { by: actor.userId, at, reason: command.data.reason } }];
    }
    case 'PublishDisclosure': {
      finance(actor);
      if (state.status === 'none') throw NOT_FOUND();
      if (state.status === 'published') return [];
      if (state.status !== 'approved') throw precondition('DISCLOSURE_NOT_APPROVED', '公开申请尚未审核通过，不能发布');
      return [{ type: 'DisclosurePublished', data: { by: actor.userId, at } }];
    }
    default:
      return unreachable(command);
  }
};

export const evolveDisclosure = (state: DisclosureState, event: DisclosureEvent): DisclosureState => {
  switch (event.type) {
    case 'DisclosureProposed':
      return { status: 'proposed', disclosureId: event.data.disclosureId, record: event.data.record };
    case 'DisclosureApproved':
      return state.status === 'proposed' ? { status: 'approved', disclosureId: state.disclosureId, record: state.record, redactions: event.data.redactions } : state;
    case 'DisclosureRejected':
      return state.status === 'proposed' ? { status: 'rejected', disclosureId: state.disclosureId, record: state.record, reason: event.data.reason } : state;
    case 'DisclosurePublished':
      return state.status === 'approved' ? { ...state, status: 'published', publishedAt: event.data.at } : state;
    default:
      return state;
  }
};

export const disclosureDecider: Decider<DisclosureState, DisclosureCommand, DisclosureEvent> = { initialState: () => ({ status: 'none' }), evolve: evolveDisclosure, decide: decideDisclosure };

export type PublicView = Readonly<{
  disclosureId: string;
  kind: DisclosedRecord['kind'];
  unitId: string;
  fiscalYear: number;
  title: string;
  content: Readonly<Record<string, unknown>>;
  /** Which fields were withheld and why: the public is told that, not what. */
  withheld: readonly Redaction[];
  publishedAt: Timestamp;
}>;

/** The one rule for the public: only a published disclosure is shown, and only its unredacted fields. */
export const publicView = (state: DisclosureState): PublicView | undefined => {
  if (state.status !== 'published') return undefined;
  const removed = new Set(state.redactions.map((r) => r.field));
  const content = Object.fromEntries(Object.entries(state.record.content).filter(([field]) => !removed.has(field)));
  const { kind, unitId, fiscalYear, title } = state.record;
  return { disclosureId: state.disclosureId, kind, unitId, fiscalYear, title, content, withheld: state.redactions, publishedAt: state.publishedAt };
};
