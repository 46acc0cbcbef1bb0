import type { EntityManager } from 'typeorm';
import { categoryOf, type RecordedEvent } from '@bpm/contracts';
import { defineProjection } from '@bpm/messaging';
import type { Decider } from '@bpm/decider';
import { disclosureDecider, overlapDecider, proposalDecider, publicView, rectificationDecider, type DisclosureState, type OverlapState, type ProposalState, type RectificationState } from '../domain';
import { ResultRecord } from './result-record.entity';

type Columns = Pick<ResultRecord, 'recordId' | 'unitId' | 'fiscalYear' | 'status' | 'dueAt' | 'publicView'>;
type Folding<S> = { decider: Decider<S, never, { type: string; data: unknown }>; columns: (state: S) => Columns | undefined };

const earliest = (dates: string[]) => (dates.length ? new Date(dates.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b))) : null);

const rectification: Folding<RectificationState> = {
  decider: rectificationDecider as never,
  columns: (s) =>
    s.status === 'none'
      ? undefined
      : {
          recordId: s.caseId,
          unitId: s.source.unitId,
          fiscalYear: s.source.fiscalYear,
          status: s.status,
          dueAt: s.status === 'open' ? earliest(s.requirements.filter((r) => r.status === 'awaiting-answer').map((r) => r.dueAt)) : null,
          publicView: null,
        },
};
const budgetProposal: Folding<ProposalState> = {
  decider: proposalDecider as never,
  columns: (s) => (s.status === 'none' ? undefined : { recordId: s.proposal.projectId, unitId: s.proposal.unitId, fiscalYear: s.proposal.fiscalYear, status: s.status, dueAt: null, publicView: null }),
};
const overlap: Folding<OverlapState> = {
  decider: overlapDecider as never,
  columns: (s) => (s.status === 'none' ? undefined : { recordId: s.candidate.candidateId, unitId: '', fiscalYear: s.candidate.fiscalYear, status: s.status, dueAt: null, publicView: null }),
};
const disclosure: Folding<DisclosureState> = {
  decider: disclosureDecider as never,
  columns: (s) =>
    s.status === 'none' ? undefined : { recordId: s.disclosureId, unitId: s.record.unitId, fiscalYear: s.record.fiscalYear, status: s.status, dueAt: null, publicView: (publicView(s) as object | undefined) ?? null },
};
const FOLDINGS: Record<string, Folding<never>> = { rectification, budgetProposal, overlap, disclosure } as never;

async function apply(event: RecordedEvent, manager: EntityManager) {
  const category = categoryOf(event.subject);
  const folding = FOLDINGS[category] as unknown as Folding<object> | undefined;
  if (!folding) return;
  const repo = manager.getRepository(ResultRecord);
  const row = await repo.findOneBy({ stream: event.subject });
  const before = row ? row.state : folding.decider.initialState();
  const state = folding.decider.evolve(before, { type: event.type, data: event.data });
  const columns = folding.columns(state);
  if (!columns) return;
  await repo.upsert({ stream: event.subject, category, state, updatedAt: new Date(event.time), ...columns }, ['stream']);
}

/** Cases by state, unit and deadline; proposals; overlap candidates; disclosures and the public view. */
export const resultReadModel = defineProjection({
  name: 'result-application.records',
  categories: ['rectification', 'budgetProposal', 'overlap', 'disclosure'],
  tables: [ResultRecord],
  apply,
});
