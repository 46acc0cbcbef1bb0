import { chinaDateOf } from '../calendar';
import { DomainError, precondition } from '../shared';
import { CorrectiveCaseState } from './state';
import { RESTRICTION_MODE_LABELS } from './types';

export type AllocationVerdict = Readonly<{ allowed: true }> | Readonly<{ allowed: false; caseId: string; error: DomainError }>;

/**
 * May the project receive an allocation (指标下达) or supplemental funds (追加资金)? Not while
 * any of its corrective cases has the allocation suspended or stopped; the refusal names the
 * case, since and why, so the clerk knows whom to ask.
 */
export const allocationAllowed = (projectId: string, cases: readonly CorrectiveCaseState[]): AllocationVerdict => {
  for (const c of cases) {
    if (c.status === 'none' || c.case.projectId !== projectId || c.allocation.status !== 'restricted') continue;
    const { mode, reason, at } = c.allocation;
    return {
      allowed: false,
      caseId: c.case.caseId,
      error: precondition(
        'ALLOCATION_RESTRICTED',
        `项目“${projectId}”因纠偏事项“${c.case.caseId}”自${chinaDateOf(at)}起被财政部门${RESTRICTION_MODE_LABELS[mode]}（原因：${reason}），在财政部门解除前不能下达指标或申请追加资金`,
        'projectId',
      ),
    };
  }
  return { allowed: true };
};

/** Throws the refusal of `allocationAllowed`, if any. */
export const requireAllocationAllowed = (projectId: string, cases: readonly CorrectiveCaseState[]): void => {
  const verdict = allocationAllowed(projectId, cases);
  if (!verdict.allowed) throw verdict.error;
};
