import { GoalDeclaration } from './types';
import { GoalStatus, PerformanceGoalState } from './state';

/** What other deciders (e.g. supplemental funding) are shown of a goal stream. */
export type GoalSnapshot = Readonly<{
  projectId: string;
  unitId: string;
  fiscalYear: number;
  status: GoalStatus;
  /** The goal table in force, if approved. */
  approved?: Readonly<{ version: number; declaration: GoalDeclaration }>;
}>;

export const goalSnapshot = (state: PerformanceGoalState): GoalSnapshot | undefined =>
  state.status !== 'unregistered'
    ? {
        projectId: state.project.projectId,
        unitId: state.project.unitId,
        fiscalYear: state.project.fiscalYear,
        status: state.status,
        ...(state.approved ? { approved: { version: state.approved.version, declaration: state.approved.declaration } } : {}),
      }
    : undefined;
