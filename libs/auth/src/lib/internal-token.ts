import { randomUUID } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { Actor, Role } from '@bpm/contracts';
import { loadSigningKey, loadTrustedKeys, type InternalIssuer, type SigningKey, type TrustedKey } from './internal-keys';
import { tokenTimeFault, type TokenTimePolicy } from './token-times';

/** The services an internal token may be addressed to (its `aud`). */
export type InternalAudience = 'goal-declaration' | 'monitoring' | 'evaluation' | 'result-application' | 'orchestrator';

/** What a service knows about its caller after the token checked out. */
export interface VerifiedIdentity {
  /** The person (or, for `system`, the issuing service) the call is made for. */
  actor: Actor;
  /** The service that signed the token and makes the call (RFC 8693 `act`). */
  issuer: InternalIssuer;
  jti: string;
}

/** Internal tokens live for a minute; a verifier accepts at most five (a slow clock, a retry). */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
export const INTERNAL_TOKEN_POLICY: TokenTimePolicy = { maxLifetimeSeconds: 300, clockSkewSeconds: 5 };

const ROLES: readonly Role[] = ['unit', 'finance-reviewer', 'finance-admin', 'evaluator', 'auditor', 'system'];

/**
 * Signs short-lived internal tokens naming the actor: `sub`, `role`, `unit`, `aud` = the target
 * service, `iss` = this service, `act: { sub: <this service> }`, a one-minute `exp`, a `jti`.
 */
export class InternalTokenIssuer {
  constructor(private readonly signing: SigningKey) {}

  static fromEnv(issuer: InternalIssuer, env: Record<string, string | undefined> = process.env): InternalTokenIssuer {
    return new InternalTokenIssuer(loadSigningKey(issuer, env));
  }

  get issuer(): InternalIssuer {
    return this.signing.issuer;
  }

  async sign(actor: Actor, audience: InternalAudience, options: { ttlSeconds?: number; issuedAt?: number } = {}): Promise<string> {
    const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { role: actor.role, act: { sub: this.signing.issuer } };
    if (actor.unit) claims['unit'] = actor.unit;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: this.signing.kid })
      .setSubject(actor.id)
      .setIssuer(this.signing.issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.ttlSeconds ?? INTERNAL_TOKEN_TTL_SECONDS))
      .setJti(randomUUID())
      .sign(this.signing.key);
  }
}

export type InternalTokenRejection = 'invalid' | 'expired' | 'claims';

export class InternalTokenRejectedError extends Error {
  constructor(
    readonly reason: InternalTokenRejection,
    message: string,
  ) {
    super(message);
    this.name = 'InternalTokenRejectedError';
  }
}

/**
 * Checks an internal token for one service: an Ed25519 signature by a trusted issuer's key,
 * `iss` equal to that key's issuer, `aud` this service, times within the policy, and the
 * actor's claims complete. Nothing else about the caller is believed.
 */
export class InternalTokenVerifier {
  private readonly keys: Map<string, TrustedKey>;

  constructor(
    private readonly audience: InternalAudience,
    keys: TrustedKey[],
    private readonly policy: TokenTimePolicy = INTERNAL_TOKEN_POLICY,
  ) {
    this.keys = new Map(keys.map((k) => [k.kid, k]));
  }

  static fromEnv(audience: InternalAudience, env: Record<string, string | undefined> = process.env): InternalTokenVerifier {
    return new InternalTokenVerifier(audience, loadTrustedKeys(env));
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new InternalTokenRejectedError('invalid', 'not a JWT');
    }
    const trusted = kid ? this.keys.get(kid) : undefined;
    if (!trusted) throw new InternalTokenRejectedError('invalid', `unknown key ${String(kid)}`);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.key, {
        algorithms: ['EdDSA', 'Ed25519'],
        issuer: trusted.issuer,
        audience: this.audience,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        clockTolerance: this.policy.clockSkewSeconds,
      }));
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      throw new InternalTokenRejectedError(code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid', String((error as Error)?.message ?? error));
    }
    const fault = tokenTimeFault(payload, this.policy);
    if (fault) throw new InternalTokenRejectedError(fault === 'expired' ? 'expired' : 'invalid', fault);
    return { actor: actorOf(payload, trusted.issuer), issuer: trusted.issuer, jti: payload.jti as string };
  }
}

function actorOf(payload: JWTPayload, issuer: InternalIssuer): Actor {
  const { sub, role, unit, act } = payload as JWTPayload & { role?: unknown; unit?: unknown; act?: { sub?: unknown } };
  const refuse = (why: string) => new InternalTokenRejectedError('claims', why);
  if (typeof sub !== 'string' || sub.trim() === '') throw refuse('sub missing');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw refuse('role missing or unknown');
  if (unit !== undefined && (typeof unit !== 'string' || unit.trim() === '')) throw refuse('unit not a string');
  if (role === 'unit' && unit === undefined) throw refuse('unit missing for role unit');
  if (act?.sub !== issuer) throw refuse('act.sub must name the issuer');
  // `system` is a service acting as itself, never a person a service speaks for.
  if (role === 'system' && sub !== issuer) throw refuse('role system only for the issuer itself');
  return { id: sub, role: role as Role, ...(typeof unit === 'string' ? { unit } : {}) };
}
