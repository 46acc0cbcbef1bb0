import { invalid } from '@bpm/decider';
import type { Evidence, Level1, OpenSelfEvaluation, PrefilledIndicator } from '../../domain';
import type { ExecutionFact, IndicatorActualFact, ProjectFacts } from '../../projections/entities';

/** The indicator as the approved goal declares it (goal-declaration's shape, read tolerantly). */
type DeclaredIndicator = { name: string; level1: Level1; direction: PrefilledIndicator['direction']; annualTarget?: number | string; weight?: number };

/**
 * The form as the system already knows it (DOMAIN.md §5): the approved goal's indicators with
 * their targets and weights, each one's last monitored actual, the budget and paid to date; every
 * figure with the event that supplied it.
 */
export function prefill(facts: ProjectFacts, execution: ExecutionFact | null, actuals: readonly IndicatorActualFact[]): Omit<OpenSelfEvaluation['data'], 'actor' | 'at'> {
  if (facts.goalStatus !== 'approved' || !facts.approvedDeclaration) {
    throw invalid('GOAL_NOT_APPROVED', `项目“${facts.name}”的绩效目标尚未批复，不能开展单位自评`, 'projectId');
  }
  const declared = ((facts.approvedDeclaration as { indicators?: DeclaredIndicator[] }).indicators ?? []);
  const goalEvidence: Evidence[] = facts.approvedEvidence ?? [];
  const indicators: PrefilledIndicator[] = declared.map((i) => {
    const monitored = actuals.find((a) => a.indicatorName === i.name);
    return {
      name: i.name,
      level1: i.level1,
      direction: i.direction,
      ...(i.weight !== undefined ? { weight: i.weight } : {}),
      ...(i.direction !== 'qualitative' && typeof i.annualTarget === 'number' ? { target: i.annualTarget } : {}),
      ...(monitored ? { monitoredActual: monitored.actual } : {}),
      evidence: monitored ? [...goalEvidence, monitored.evidence] : goalEvidence,
    };
  });
  return {
    projectId: facts.projectId,
    unitId: facts.unitId,
    fiscalYear: facts.fiscalYear,
    kind: facts.projectType === 'department-wide' ? 'department' : 'project',
    // The budget as adjusted, from the execution data when there is some; else the registered amount.
    budgetFen: execution?.budgetFen || facts.amountFen,
    executedFen: execution?.paidFen ?? 0,
    executionEvidence: execution ? [facts.projectEvidence, execution.evidence] : [facts.projectEvidence],
    indicators,
  };
}
