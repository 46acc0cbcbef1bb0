import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setActorOnRequest } from './actor';
import { authProblems } from './auth-problems';
import { IS_PUBLIC_KEY } from './decorators';
import { TokenRejectedError, TokenVerifier } from './token-verifier';

/** `Bearer <token>` → the token; anything else → undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = typeof value === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(value) : null;
  return match?.[1];
}

/** Global: every route needs a valid bearer token unless marked `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const header = request.headers['authorization'];
    if (header === undefined || header === '') throw authProblems.missingToken();
    const token = bearerToken(header);
    if (!token) throw authProblems.invalidToken();

    try {
      setActorOnRequest(request, await this.verifier.verify(token));
      return true;
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      switch (error.reason) {
        case 'expired':
          throw authProblems.expiredToken();
        case 'claims':
          throw authProblems.badClaims();
        case 'keys-unavailable':
          this.logger.error(`JWKS unavailable: ${error.message}`);
          throw authProblems.keysUnavailable();
        default:
          this.logger.debug?.(`token refused: ${error.message}`);
          throw authProblems.invalidToken();
      }
    }
  }
}
