import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { InternalIssuer } from '../internal-keys';
import type { VerifiedIdentity } from '../internal-token';

/** The metadata key the health endpoints and the gateway's own guard use too. */
export const IS_PUBLIC_KEY = 'bpm:auth:public';
export const ACCEPT_FROM_KEY = 'bpm:auth:accept-from';

/** No token needed (health). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only tokens issued by these services are accepted here: e.g. a review decision is recorded
 * only from the review workflow, which has checked the reviewer, the open task and the round.
 */
export const AcceptFrom = (...issuers: InternalIssuer[]): MethodDecorator & ClassDecorator => SetMetadata(ACCEPT_FROM_KEY, issuers);

interface RequestWithIdentity {
  verifiedIdentity?: VerifiedIdentity;
}

export function identityOfRequest(request: unknown): VerifiedIdentity | undefined {
  return (request as RequestWithIdentity | undefined)?.verifiedIdentity;
}

export function setIdentityOnRequest(request: unknown, identity: VerifiedIdentity): void {
  (request as RequestWithIdentity).verifiedIdentity = identity;
}

/** The caller as the internal token proves it; set by the guard, never read from headers or body. */
export const Verified = createParamDecorator((_: unknown, ctx: ExecutionContext): VerifiedIdentity | undefined =>
  identityOfRequest(ctx.switchToHttp().getRequest()),
);
