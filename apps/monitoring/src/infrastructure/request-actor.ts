import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventMetadata, Role } from '@bpm/contracts';
import { currentRequestContext, ProblemException } from '@bpm/http';

const ROLES: Role[] = ['unit', 'finance-reviewer', 'finance-admin', 'evaluator', 'auditor', 'system'];

export interface Actor {
  userId: string;
  role: Role;
  unitId?: string;
}

/** Who is acting, as the gateway (or the orchestrator) vouches for it, and the ids to record. */
export interface RequestActor {
  actor: Actor;
  metadata: EventMetadata;
  at: string;
}

/**
 * The internal API trusts the caller's actor headers: only the gateway and the orchestrator
 * reach it, and the gateway has checked the token, role and unit scope first.
 */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor => {
  const headers = ctx.switchToHttp().getRequest().headers as Record<string, string | undefined>;
  const id = headers['x-actor-id'];
  const role = headers['x-actor-role'] as Role | undefined;
  if (!id || !role || !ROLES.includes(role)) {
    throw new ProblemException(401, 'ACTOR_MISSING', '内部接口缺少操作人信息（x-actor-id / x-actor-role）');
  }
  const unit = headers['x-actor-unit'] || undefined;
  const ids = currentRequestContext();
  // The workflow's clock (x-actor-at) counts for the system alone: deadlines are judged by the
  // time the workflow acted, so a retried activity or a time-skipping test sees the same moment.
  const workflowAt = role === 'system' ? headers['x-actor-at'] : undefined;
  if (workflowAt !== undefined && Number.isNaN(Date.parse(workflowAt))) {
    throw new ProblemException(400, 'ACTOR_TIME_INVALID', `内部接口的操作时间（x-actor-at）“${workflowAt}”不是有效的时间`);
  }
  return {
    actor: { userId: id, role, unitId: unit },
    metadata: {
      actor: { id, role, unit },
      correlationId: ids?.correlationId ?? headers['x-correlation-id'] ?? 'none',
      requestId: ids?.requestId,
      causationId: headers['x-causation-id'] || undefined,
    },
    at: workflowAt ? new Date(workflowAt).toISOString() : new Date().toISOString(),
  };
});
