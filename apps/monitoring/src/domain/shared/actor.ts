import type { Actor, Role } from '@bpm/contracts';
import { forbidden } from './domain-error';

export type { Actor, Role };

export const ROLE_LABELS: Record<Role, string> = {
  unit: '预算单位',
  'finance-reviewer': '财政绩效审核人员',
  'finance-admin': '财政绩效管理人员',
  evaluator: '第三方评价人员',
  auditor: '审计监督人员',
  system: '系统',
};

export const requireRole = (actor: Actor, ...roles: Role[]): void => {
  if (!roles.includes(actor.role)) {
    throw forbidden(
      'FORBIDDEN',
      `无权操作：此操作仅限${roles.map((r) => ROLE_LABELS[r]).join('或')}，当前角色为${ROLE_LABELS[actor.role] ?? actor.role}`,
      'actor.role',
    );
  }
};

/** Only a `unit` user of the owning unit. */
export const requireOwningUnit = (actor: Actor, unitId: string): void => {
  requireRole(actor, 'unit');
  if (actor.unit !== unitId) {
    throw forbidden('NOT_OWNING_UNIT', `无权操作：只能办理本单位（${unitId}）的事项，当前用户所属单位为“${actor.unit ?? '未知'}”`, 'actor.unit');
  }
};
