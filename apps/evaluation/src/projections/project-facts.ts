import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import type { Evidence } from '../domain';
import { ExecutionFact, IndicatorActualFact, ProjectFacts } from './entities';

/**
 * What evaluation reads of other contexts' events (a tolerant reader: only these fields).
 * goal-declaration: the project, its declared goal versions and the approval; monitoring: the
 * execution ledger's figures and each submitted monthly report's actuals. Replace the shapes
 * below with the published contract libraries once they land.
 */
interface ProjectRegistered {
  project: { projectId: string; unitId: string; region: string; fiscalYear: number; name: string; budget: string; projectType: string; amount: number };
}
interface GoalDeclared { projectId: string; version: number; declaration: unknown }
interface GoalApproved { projectId: string; version: number }
interface ExecutionFiguresReceived { projectId: string; fiscalYear: number; month: number; budget: number; paid: number; revision: number }
interface MonitoringReportSubmitted { content: { indicators: readonly { indicatorName: string; actual: number | string }[] } }

export const evidenceOf = (event: RecordedEvent): Evidence => ({ stream: event.subject, version: event.version, hash: event.hash });

/** Yuan (a JSON number with at most two decimals) to fen, rounding away the float's noise. */
const yuanToFen = (yuan: number) => Math.round(yuan * 100);

/** `monitoringReport-<projectId>-<year>-<MM>` → its project, year and month (the project id may hold dashes). */
export function reportStreamParts(stream: string): { projectId: string; fiscalYear: number; month: number } | undefined {
  const m = /^monitoringReport-(.+)-(\d{4})-(\d{2})$/.exec(stream);
  return m ? { projectId: m[1], fiscalYear: Number(m[2]), month: Number(m[3]) } : undefined;
}

/** Folds one fact into evaluation's own tables, inside the consumer's inbox transaction; the order across topics does not matter. */
export async function applyFact(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const repo = manager.getRepository(ProjectFacts);
  const updatedAt = new Date(event.time);
  switch (event.type) {
    case 'ProjectRegistered': {
      const p = (event.data as ProjectRegistered).project;
      await repo.upsert(
        {
          projectId: p.projectId, unitId: p.unitId, region: p.region, fiscalYear: p.fiscalYear, name: p.name, budget: p.budget,
          projectType: p.projectType, amountFen: yuanToFen(p.amount), projectEvidence: evidenceOf(event), goalStatus: 'registered',
          updatedAt,
        },
        ['projectId'],
      );
      return;
    }
    case 'GoalDeclared': {
      const d = event.data as GoalDeclared;
      await repo.update({ projectId: d.projectId }, { latestDeclaredVersion: d.version, latestDeclaration: d.declaration as object, latestDeclarationEvidence: evidenceOf(event), updatedAt });
      return;
    }
    case 'GoalApproved': {
      const d = event.data as GoalApproved;
      const facts = await repo.findOneBy({ projectId: d.projectId });
      if (!facts) return;
      // The approved version is the one submitted, the latest declared; an approval of an older version keeps the earlier table.
      if (facts.latestDeclaredVersion !== d.version) return;
      await repo.update(
        { projectId: d.projectId },
        {
          goalStatus: 'approved', approvedVersion: d.version, approvedDeclaration: facts.latestDeclaration as object,
          approvedEvidence: [facts.latestDeclarationEvidence as Evidence, evidenceOf(event)], updatedAt,
        },
      );
      return;
    }
    case 'ExecutionFiguresReceived': {
      const d = event.data as ExecutionFiguresReceived;
      const facts = manager.getRepository(ExecutionFact);
      const current = await facts.findOneBy({ projectId: d.projectId, fiscalYear: d.fiscalYear });
      // Paid to date: the latest month in force (a correction of that month supersedes it).
      if (current && (d.month < current.month || (d.month === current.month && d.revision < current.revision))) return;
      await facts.upsert({ projectId: d.projectId, fiscalYear: d.fiscalYear, month: d.month, revision: d.revision, budgetFen: d.budget, paidFen: d.paid, evidence: evidenceOf(event) }, ['projectId', 'fiscalYear']);
      return;
    }
    case 'MonitoringReportSubmitted': {
      const parts = reportStreamParts(event.subject);
      if (!parts) return;
      const facts = manager.getRepository(IndicatorActualFact);
      for (const line of (event.data as MonitoringReportSubmitted).content?.indicators ?? []) {
        if (typeof line.actual !== 'number' || !Number.isFinite(line.actual)) continue; // qualitative lines are described, not measured
        const key = { projectId: parts.projectId, fiscalYear: parts.fiscalYear, indicatorName: line.indicatorName };
        const known = await facts.findOneBy(key);
        if (known && known.month > parts.month) continue;
        await facts.upsert({ ...key, month: parts.month, actual: line.actual, evidence: evidenceOf(event) }, ['projectId', 'fiscalYear', 'indicatorName']);
      }
      return;
    }
  }
}
