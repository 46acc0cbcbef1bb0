import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { identityOfRequest, internalAuthProblems } from '@bpm/auth';
import type { EventMetadata, Role } from '@bpm/contracts';
import { currentRequestContext, ProblemException } from '@bpm/http';

export interface Actor {
  userId: string;
  role: Role;
  unitId?: string;
}

/** Who is acting, as the verified internal token names it, and the ids to record. */
export interface RequestActor {
  actor: Actor;
  metadata: EventMetadata;
  at: string;
}

/**
 * The actor of the verified internal token (the global guard of `@bpm/auth` checked it), and
 * nothing else: no `x-actor-*` header and no actor in a body is ever read.
 *
 * One exception to "the time is now": a call the orchestrator makes as `system` may carry the
 * workflow's clock in `x-actor-at`, since deadlines are judged by the time the workflow acted (a
 * retried activity, a time-skipping test). Nobody else can move the clock.
 */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor => {
  const request = ctx.switchToHttp().getRequest();
  const identity = identityOfRequest(request);
  if (!identity) throw internalAuthProblems.missingToken();
  const { id, role, unit } = identity.actor;
  const headers = request.headers as Record<string, string | undefined>;
  const workflowAt = identity.issuer === 'orchestrator' && role === 'system' ? headers['x-actor-at'] : undefined;
  if (workflowAt !== undefined && Number.isNaN(Date.parse(workflowAt))) {
    throw new ProblemException(400, 'ACTOR_TIME_INVALID', `内部接口的操作时间（x-actor-at）“${workflowAt}”不是有效的时间`);
  }
  const ids = currentRequestContext();
  return {
    actor: { userId: id, role, unitId: unit },
    metadata: {
      actor: { id, role, ...(unit ? { unit } : {}) },
      correlationId: ids?.correlationId ?? headers['x-correlation-id'] ?? 'none',
      requestId: ids?.requestId,
      causationId: headers['x-causation-id'] || undefined,
    },
    at: workflowAt ? new Date(workflowAt).toISOString() : new Date().toISOString(),
  };
});
