import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { KnownProject } from './known-project.entity';

/**
 * What monitoring reads of goal-declaration's events (a tolerant reader: only these fields,
 * anything else ignored). Replace with the published goal-declaration contract once it lands.
 */
interface ProjectRegistered {
  project: { projectId: string; unitId: string; region: string; fiscalYear: number; name: string; budget: string; projectType: string; amount: number };
}
interface GoalDeclared {
  projectId: string;
  version: number;
  declaration: unknown;
}
interface GoalApproved {
  projectId: string;
  version: number;
  at: string;
}

/** Yuan (a JSON number with at most two decimals) to fen, rounding away the float's noise. */
const yuanToFen = (yuan: number) => Math.round(yuan * 100);

/** Folds goal-declaration's events into `known_project`, inside the consumer's inbox transaction. */
export async function applyGoalEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const repo = manager.getRepository(KnownProject);
  const updatedAt = new Date(event.time);
  switch (event.type) {
    case 'ProjectRegistered': {
      const p = (event.data as ProjectRegistered).project;
      await repo.upsert(
        {
          projectId: p.projectId, unitId: p.unitId, region: p.region, fiscalYear: p.fiscalYear, name: p.name, budget: p.budget,
          projectType: p.projectType, budgetFen: yuanToFen(p.amount), status: 'registered', updatedAt,
        },
        ['projectId'],
      );
      return;
    }
    case 'GoalDeclared': {
      const d = event.data as GoalDeclared;
      await repo.update({ projectId: d.projectId }, { latestDeclaredVersion: d.version, latestDeclaration: d.declaration as object, updatedAt });
      return;
    }
    case 'GoalApproved': {
      const d = event.data as GoalApproved;
      const project = await repo.findOneBy({ projectId: d.projectId });
      if (!project) return;
      // The approved version is the one submitted, i.e. the latest declared.
      const approvedDeclaration = project.latestDeclaredVersion === d.version ? project.latestDeclaration : project.approvedDeclaration;
      await repo.update(
        { projectId: d.projectId },
        { status: 'approved', approvedVersion: d.version, approvedDeclaration: approvedDeclaration as object, approvedAt: new Date(d.at ?? event.time), updatedAt },
      );
      return;
    }
  }
}
