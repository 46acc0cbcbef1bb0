/**
 * What the corrective follow-up itself checks before it accepts an answer (the update
 * validator): who may answer and whether the case is still open. Everything else (choice,
 * reasons) is the monitoring domain's to judge. Pure: part of the workflow bundle.
 */
import type { CorrectiveAnswer, CorrectiveFollowUp } from './types';

export type CorrectiveRefusalCode = 'CORRECTIVE_ROLE_FORBIDDEN' | 'CORRECTIVE_NOT_OWNING_UNIT' | 'CORRECTIVE_CASE_CLOSED' | 'CORRECTIVE_ANSWER_IN_PROGRESS';

export type CorrectiveRefusal = Readonly<{ code: CorrectiveRefusalCode; message: string }>;

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

export function refuseAnswer(followUp: CorrectiveFollowUp, answering: boolean, answer: CorrectiveAnswer): CorrectiveRefusal | undefined {
  if (answer?.actor?.role !== 'unit' || isBlank(answer.actor.id)) {
    return { code: 'CORRECTIVE_ROLE_FORBIDDEN', message: '只有预算单位可以答复纠偏事项' };
  }
  if (answer.actor.unit !== followUp.unitId) {
    return { code: 'CORRECTIVE_NOT_OWNING_UNIT', message: `只能答复本单位的纠偏事项：该事项属于单位“${followUp.unitId}”` };
  }
  if (followUp.status === 'answered') return { code: 'CORRECTIVE_CASE_CLOSED', message: '该纠偏事项已答复' };
  if (followUp.status === 'finance-decided') {
    return { code: 'CORRECTIVE_CASE_CLOSED', message: '该纠偏事项已由财政部门作出暂缓或停止拨款决定，请与财政部门联系' };
  }
  if (answering) return { code: 'CORRECTIVE_ANSWER_IN_PROGRESS', message: '该纠偏事项正在处理另一答复，请稍后再试' };
  return undefined;
}
