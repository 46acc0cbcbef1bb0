import { Command, Decider, Event, Timestamp, conflict, forbidden, invalid, notFound, unreachable } from '@bpm/decider';
import { Actor, blank } from '../shared/actor';
import { isFen, yuan } from '../shared/money';
import { BudgetProposal } from './proposals';

type Acting = { actor: Actor; at: Timestamp };
export type RecordProposal = Command<'RecordProposal', Acting & { proposal: BudgetProposal }>;
export type AcceptProposal = Command<'AcceptProposal', Acting>;
export type ChangeProposal = Command<'ChangeProposal', Acting & { amountFen: number; reason: string }>;
export type RejectProposal = Command<'RejectProposal', Acting & { reason: string }>;
export type ProposalCommand = RecordProposal | AcceptProposal | ChangeProposal | RejectProposal;

type By = { by: string; at: Timestamp };
export type ProposalRecorded = Event<'ProposalRecorded', { proposal: BudgetProposal; at: Timestamp }>;
export type ProposalAccepted = Event<'ProposalAccepted', By & { amountFen: number }>;
export type ProposalChanged = Event<'ProposalChanged', By & { amountFen: number; fromFen: number; reason: string }>;
export type ProposalRejected = Event<'ProposalRejected', By & { reason: string }>;
export type ProposalEvent = ProposalRecorded | ProposalAccepted | ProposalChanged | ProposalRejected;

/** A proposal is in exactly one of these cases; changed counts as accepted at the new amount. */
export type ProposalState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'proposed'; proposal: BudgetProposal }>
  | Readonly<{ status: 'accepted'; proposal: BudgetProposal; amountFen: number; reason?: string; by: string }>
  | Readonly<{ status: 'rejected'; proposal: BudgetProposal; reason: string; by: string }>;

const NOT_FOUND = () => notFound('PROPOSAL_NOT_FOUND', '未找到该项目的预算安排建议');
const admin = (actor: Actor) => {
  if (actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以审定预算安排建议');
};
const pending = (state: ProposalState) => {
  if (state.status === 'none') throw NOT_FOUND();
  if (state.status !== 'proposed') throw conflict('PROPOSAL_ALREADY_DECIDED', '该预算安排建议已审定');
  return state;
};

export const decideProposal = (command: ProposalCommand, state: ProposalState): ProposalEvent[] => {
  switch (command.type) {
    case 'RecordProposal': {
      const { actor, at, proposal } = command.data;
      if (actor.role !== 'system' && actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '预算安排建议由系统或财政管理员生成');
      // Regenerated before anyone decided: the newer data wins. After a decision: kept.
      if (state.status !== 'none' && state.status !== 'proposed') throw conflict('PROPOSAL_ALREADY_DECIDED', '该预算安排建议已审定，不能重新生成');
      return [{ type: 'ProposalRecorded', data: { proposal, at } }];
    }
    case 'AcceptProposal': {
      admin(command.data.actor);
      const s = pending(state);
      return [{ type: 'ProposalAccepted', data: { by: command.data.actor.userId, at: command.data.at, amountFen: s.proposal.proposedFen } }];
    }
    case 'ChangeProposal': {
      const { actor, at, amountFen, reason } = command.data;
      admin(actor);
      const s = pending(state);
      if (!isFen(amountFen)) throw invalid('AMOUNT_INVALID', '调整后的金额应为不小于0的整数（单位：分）', 'amountFen');
      if (blank(reason)) throw invalid('REASON_REQUIRED', '调整预算安排建议须说明理由', 'reason');
      if (amountFen > s.proposal.requestedFen) {
        throw invalid('AMOUNT_ABOVE_REQUEST', `调整后的金额不能超过申请金额${yuan(s.proposal.requestedFen)}`, 'amountFen');
      }
      return [{ type: 'ProposalChanged', data: { by: actor.userId, at, amountFen, fromFen: s.proposal.proposedFen, reason } }];
    }
    case 'RejectProposal': {
      const { actor, at, reason } = command.data;
      admin(actor);
      pending(state);
      if (blank(reason)) throw invalid('REASON_REQUIRED', '不采纳预算安排建议须说明理由', 'reason');
      return [{ type: 'ProposalRejected', data: { by: actor.userId, at, reason } }];
    }
    default:
      return unreachable(command);
  }
};

export const evolveProposal = (state: ProposalState, event: ProposalEvent): ProposalState => {
  switch (event.type) {
    case 'ProposalRecorded':
      return state.status === 'none' || state.status === 'proposed' ? { status: 'proposed', proposal: event.data.proposal } : state;
    case 'ProposalAccepted':
      return state.status === 'proposed' ? { status: 'accepted', proposal: state.proposal, amountFen: event.data.amountFen, by: event.data.by } : state;
    case 'ProposalChanged':
      return state.status === 'proposed' ? { status: 'accepted', proposal: state.proposal, amountFen: event.data.amountFen, reason: event.data.reason, by: event.data.by } : state;
    case 'ProposalRejected':
      return state.status === 'proposed' ? { status: 'rejected', proposal: state.proposal, reason: event.data.reason, by: event.data.by } : state;
    default:
      return state;
  }
};

export const proposalDecider: Decider<ProposalState, ProposalCommand, ProposalEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveProposal,
  decide: decideProposal,
};
