import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { InternalIssuer } from '../internal-keys';
import { InternalTokenRejectedError, InternalTokenVerifier } from '../internal-token';
import { ACCEPT_FROM_KEY, IS_PUBLIC_KEY, setIdentityOnRequest } from './decorators';
import { internalAuthProblems } from './problems';

export const INTERNAL_TOKEN_VERIFIER = Symbol('INTERNAL_TOKEN_VERIFIER');

/** `Bearer <token>` → the token. */
function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(value)?.[1] : undefined;
}

/**
 * Global on every service behind the gateway: each route needs a valid internal token
 * (unless `@PublicRoute()`), and the actor is taken from it alone.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  private readonly logger = new Logger('InternalAuth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_TOKEN_VERIFIER) private readonly verifier: InternalTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const header = request.headers['authorization'];
    if (header === undefined || header === '') throw internalAuthProblems.missingToken();
    const token = bearer(header);
    if (!token) throw internalAuthProblems.invalidToken();

    let identity;
    try {
      identity = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InternalTokenRejectedError)) throw error;
      this.logger.warn(`internal token refused (${error.reason}): ${error.message}`);
      throw error.reason === 'expired' ? internalAuthProblems.expiredToken() : internalAuthProblems.invalidToken();
    }
    const allowed = this.reflector.getAllAndOverride<InternalIssuer[] | undefined>(ACCEPT_FROM_KEY, targets);
    if (allowed && !allowed.includes(identity.issuer)) throw internalAuthProblems.issuerForbidden(allowed);
    setIdentityOnRequest(request, identity);
    return true;
  }
}
