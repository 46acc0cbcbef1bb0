import { Inject, Injectable } from '@nestjs/common';
import { JWTPayload, JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import { tokenTimeFault } from '@bpm/auth';
import { AuthConfig, isTokenRole } from './auth.config';
import { AuthenticatedActor } from './actor';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export type TokenRejection = 'invalid' | 'expired' | 'claims' | 'keys-unavailable';

/** Why a token was refused; the guard turns it into a problem. Never shown as is. */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: TokenRejection,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejectedError';
  }
}

const ASYMMETRIC_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** jose error codes that mean "the keys could not be had", a fault on our side, not the caller's. */
const KEY_FETCH_FAILURES = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

/**
 * Checks a bearer token (signature, algorithm, issuer, audience, expiry, issue time, lifetime) and reads the actor
 * from its claims. jose errors are told apart by `code`, never by class: a class check breaks
 * across module realms.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    if (config.mode === 'jwks') {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl));
      this.algorithms = ASYMMETRIC_ALGS;
    } else {
      this.key = new TextEncoder().encode(config.secret);
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      };
      // Two calls, so each matches one of jose's overloads (key bytes, or a key-set function).
      const result =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      payload = result.payload;
    } catch (error) {
      throw rejectionOf(error);
    }
    // Beyond jose's checks: issued in the future, or meant to live too long (an expiry in the year 33,000).
    const fault = tokenTimeFault(payload, { maxLifetimeSeconds: this.config.maxLifetimeSeconds, clockSkewSeconds: this.config.clockToleranceSeconds });
    if (fault) throw new TokenRejectedError(fault === 'expired' ? 'expired' : 'invalid', `token times: ${fault}`);
    return actorOf(payload);
  }
}

function rejectionOf(error: unknown): TokenRejectedError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
  if (code === 'ERR_JWT_EXPIRED') return new TokenRejectedError('expired', message);
  if (typeof code === 'string' && KEY_FETCH_FAILURES.has(code)) return new TokenRejectedError('keys-unavailable', message);
  if (typeof code === 'string' && code.startsWith('ERR_J')) return new TokenRejectedError('invalid', message);
  // No jose code: the key set could not be fetched (network), or something odd; not the caller's fault
  // only when it is a network failure.
  if ((error as { name?: unknown })?.name === 'TypeError' && /fetch/i.test(message)) {
    return new TokenRejectedError('keys-unavailable', message);
  }
  return new TokenRejectedError('invalid', message);
}

function actorOf(payload: JWTPayload): AuthenticatedActor {
  const { sub, role, unit, name } = payload as JWTPayload & { role?: unknown; unit?: unknown; name?: unknown };
  if (typeof sub !== 'string' || sub.trim() === '') throw new TokenRejectedError('claims', 'sub missing');
  if (!isTokenRole(role)) throw new TokenRejectedError('claims', 'role missing or unknown');
  if (unit !== undefined && typeof unit !== 'string') throw new TokenRejectedError('claims', 'unit not a string');
  if (role === 'unit' && (typeof unit !== 'string' || unit.trim() === '')) {
    throw new TokenRejectedError('claims', 'unit missing for role unit');
  }
  return {
    id: sub,
    role,
    ...(typeof unit === 'string' && unit !== '' ? { unit } : {}),
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
  };
}
