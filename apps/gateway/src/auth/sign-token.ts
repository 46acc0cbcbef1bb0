import { SignJWT } from 'jose';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEFAULT_JWT_SECRET, TokenRole, isTokenRole } from './auth.config';

/** What a token says about its holder. `unit` is required for role `unit`. */
export interface TokenClaims {
  sub: string;
  role: TokenRole;
  unit?: string;
  name?: string;
}

export interface SignTokenOptions {
  /** HS256 secret; default `JWT_SECRET`, then the local default. */
  secret?: string;
  issuer?: string;
  audience?: string;
  /** Lifetime: seconds, or a span like `8h`, `30m`, `7d`. Default `8h`. */
  ttl?: string | number;
  /** Issue time (seconds since epoch); for tests of expiry. Default now. */
  issuedAt?: number;
  env?: Record<string, string | undefined>;
}

/**
 * Signs a local HS256 token as the gateway expects it (same secret, issuer and audience
 * defaults). For local use, the token tool and tests; production tokens come from the
 * identity provider.
 */
export async function signToken(claims: TokenClaims, options: SignTokenOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  if (!claims.sub || typeof claims.sub !== 'string') throw new Error('sub is required');
  if (!isTokenRole(claims.role)) throw new Error(`role must be one of unit, finance-reviewer, finance-admin, evaluator, auditor`);
  if (claims.role === 'unit' && !claims.unit) throw new Error('unit is required for role unit');

  const secret = options.secret ?? env['JWT_SECRET'] ?? DEFAULT_JWT_SECRET;
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const ttl = options.ttl ?? '8h';
  const payload: Record<string, string> = { role: claims.role };
  if (claims.unit) payload['unit'] = claims.unit;
  if (claims.name) payload['name'] = claims.name;

  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? env['JWT_ISSUER'] ?? DEFAULT_JWT_ISSUER)
    .setAudience(options.audience ?? env['JWT_AUDIENCE'] ?? DEFAULT_JWT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(typeof ttl === 'number' ? issuedAt + ttl : expiryOf(issuedAt, ttl))
    .sign(new TextEncoder().encode(secret));
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `8h` → issuedAt + 28800. */
export function expiryOf(issuedAt: number, ttl: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (!match) throw new Error(`ttl must look like 3600, 90s, 30m, 8h or 7d, got "${ttl}"`);
  return issuedAt + Number(match[1]) * UNITS[match[2] || 's'];
}
