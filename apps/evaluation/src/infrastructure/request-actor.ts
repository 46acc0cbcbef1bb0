import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { identityOfRequest, internalAuthProblems } from '@bpm/auth';
import type { EventMetadata } from '@bpm/contracts';
import { currentRequestContext } from '@bpm/http';
import type { Actor } from '../domain';

/** Who is acting, as the verified internal token names it, and the ids to record. */
export interface RequestActor {
  actor: Actor;
  metadata: EventMetadata;
  at: string;
}

/**
 * The actor of the verified internal token (the global guard of `@bpm/auth` checked it), and
 * nothing else: no `x-actor-*` header and no `actor` in a body is ever read.
 */
export const Acting = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor => {
  const request = ctx.switchToHttp().getRequest();
  const identity = identityOfRequest(request);
  if (!identity) throw internalAuthProblems.missingToken();
  const { id, role, unit } = identity.actor;
  const headers = request.headers as Record<string, string | undefined>;
  const ids = currentRequestContext();
  return {
    actor: { userId: id, role: role as Actor['role'], ...(unit ? { unitId: unit } : {}) },
    metadata: {
      actor: { id, role, ...(unit ? { unit } : {}) },
      correlationId: ids?.correlationId ?? headers['x-correlation-id'] ?? 'none',
      requestId: ids?.requestId,
      causationId: headers['x-causation-id'] || undefined,
    },
    at: new Date().toISOString(),
  };
});
