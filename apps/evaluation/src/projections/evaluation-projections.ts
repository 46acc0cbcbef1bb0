import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { categoryOf } from '@bpm/contracts';
import { defineProjection } from '@bpm/messaging';
import type { KeyEvaluationEvent, SelfEvaluationEvent, ThirdPartyEvent } from '../domain';
import { KeyEvaluationSummary, SelfEvaluationSummary, ThirdPartyEntry } from './entities';

const idOf = (stream: string) => stream.slice(stream.indexOf('-') + 1);

async function applySelf(e: SelfEvaluationEvent, event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(SelfEvaluationSummary);
  const projectId = idOf(event.subject);
  const base = { version: event.version, updatedAt: new Date(event.time) };
  switch (e.type) {
    case 'SelfEvaluationOpened':
      await repo.upsert({ projectId, unitId: e.data.unitId, fiscalYear: e.data.fiscalYear, status: 'open', round: 1, total: null, grade: null, flags: [], ...base }, ['projectId']);
      return;
    case 'SelfEvaluationFilled':
      await repo.update({ projectId }, base);
      return;
    case 'SelfEvaluationSubmitted':
      await repo.update({ projectId }, { status: 'submitted', round: e.data.round, total: e.data.total, grade: e.data.grade, flags: e.data.flags as object[], ...base });
      return;
    case 'SelfEvaluationReturned':
      await repo.update({ projectId }, { status: 'returned', round: e.data.round + 1, ...base });
      return;
    case 'SelfEvaluationAccepted':
      await repo.update({ projectId }, { status: 'accepted', total: e.data.total, grade: e.data.grade, ...base });
      return;
  }
}

async function applyKey(e: KeyEvaluationEvent, event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(KeyEvaluationSummary);
  const projectId = idOf(event.subject);
  const base = { version: event.version, updatedAt: new Date(event.time) };
  switch (e.type) {
    case 'KeyEvaluationSelected': {
      const p = e.data.project;
      await repo.upsert({ projectId, unitId: p.unitId, fiscalYear: p.fiscalYear, name: p.name, amountFen: p.amountFen, status: 'selected', stage: null, agencyId: null, expertIds: [], total: null, grade: null, ...base }, ['projectId']);
      return;
    }
    case 'KeyEvaluationAssigned':
      await repo.update({ projectId }, { status: 'in-progress', stage: 'work-plan', agencyId: e.data.agencyId, expertIds: [...e.data.expertIds], ...base });
      return;
    case 'KeyEvaluationMilestoneReached':
      await repo.update({ projectId }, { stage: e.data.milestone === 'work-plan' ? 'fieldwork' : 'draft-report', ...base });
      return;
    case 'KeyEvaluationDraftSubmitted':
      await repo.update({ projectId }, { status: 'in-review', stage: 'finance-review', total: e.data.result.total, grade: e.data.result.grade, ...base });
      return;
    case 'KeyEvaluationDraftReturned':
      await repo.update({ projectId }, { status: 'in-progress', stage: 'draft-report', ...base });
      return;
    case 'KeyEvaluationDraftAccepted':
      await repo.update({ projectId }, { status: 'awaiting-final', stage: 'final-report', ...base });
      return;
    case 'KeyEvaluationCompleted':
      await repo.update({ projectId }, { status: 'completed', stage: null, total: e.data.result.total, grade: e.data.result.grade, ...base });
      return;
  }
}

async function applyThirdParty(e: ThirdPartyEvent, event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(ThirdPartyEntry);
  const id = idOf(event.subject);
  const base = { version: event.version, updatedAt: new Date(event.time) };
  if (e.type === 'ThirdPartyAdmitted') {
    const d = e.data;
    await repo.upsert({ id, kind: d.kind, name: d.name, status: 'admitted', qualifications: [...d.qualifications], fields: [...d.fields], linkedUnits: [], ratings: [], ...base }, ['id']);
    return;
  }
  const entry = await repo.findOneBy({ id });
  if (!entry) return;
  switch (e.type) {
    case 'ThirdPartySuspended':
      return void (await repo.update({ id }, { status: 'suspended', ...base }));
    case 'ThirdPartyReinstated':
      return void (await repo.update({ id }, { status: 'admitted', ...base }));
    case 'ThirdPartyRemoved':
      return void (await repo.update({ id }, { status: 'removed', ...base }));
    case 'ThirdPartyRelationDeclared':
      return void (await repo.update({ id }, { linkedUnits: [...entry.linkedUnits, e.data.unitId], ...base }));
    case 'ThirdPartyJobRated':
      return void (await repo.update({ id }, { ratings: [...entry.ratings, { evaluationId: e.data.evaluationId, score: e.data.score, comment: e.data.comment, at: e.data.at }], ...base }));
  }
}

/** Self-evaluation status, key evaluations and the registry, folded from this service's own streams. */
export const evaluationReadModel = defineProjection({
  name: 'evaluation.read-models',
  categories: ['selfEvaluation', 'keyEvaluation', 'thirdParty'],
  tables: [SelfEvaluationSummary, KeyEvaluationSummary, ThirdPartyEntry],
  async apply(event, manager) {
    const e = { type: event.type, data: event.data };
    switch (categoryOf(event.subject)) {
      case 'selfEvaluation':
        return applySelf(e as SelfEvaluationEvent, event, manager);
      case 'keyEvaluation':
        return applyKey(e as KeyEvaluationEvent, event, manager);
      case 'thirdParty':
        return applyThirdParty(e as ThirdPartyEvent, event, manager);
    }
  },
});
