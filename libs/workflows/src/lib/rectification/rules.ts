import type { MeasureVerification, RectificationCase } from './types';

export type VerificationRefusalCode = 'RECTIFICATION_ROLE_FORBIDDEN' | 'RECTIFICATION_NOT_OPEN' | 'REQUIREMENT_NOT_FOUND' | 'REQUIREMENT_NOT_AWAITING_VERIFICATION' | 'VERIFICATION_IN_PROGRESS';

/**
 * The update validator: only what the workflow owns (role, case open, requirement awaiting
 * verification). Comments and the rest are the domain's rules, applied by the activity.
 */
export const refuseVerification = (c: RectificationCase, inFlight: ReadonlySet<string>, v: MeasureVerification): { code: VerificationRefusalCode; message: string } | undefined => {
  if (v.actor.role !== 'finance-reviewer') return { code: 'RECTIFICATION_ROLE_FORBIDDEN', message: '只有财政绩效审核人员可以核实整改措施' };
  if (c.status !== 'open') return { code: 'RECTIFICATION_NOT_OPEN', message: c.status === 'closed' ? '整改事项已办结' : '整改通知尚未下达' };
  const r = c.requirements.find((x) => x.requirementId === v.requirementId);
  if (!r) return { code: 'REQUIREMENT_NOT_FOUND', message: '该整改事项中没有这项整改要求' };
  if (inFlight.has(v.requirementId)) return { code: 'VERIFICATION_IN_PROGRESS', message: '该整改要求正在核实中，请稍后刷新' };
  if (r.status !== 'awaiting-verification') return { code: 'REQUIREMENT_NOT_AWAITING_VERIFICATION', message: '该整改要求尚未答复或已核实，当前不能核实' };
  return undefined;
};
