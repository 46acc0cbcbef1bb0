import { isLocalMode } from '@bpm/config';
import type { Role } from '@bpm/contracts';

/** The roles a person can sign in with (`system` is the platform itself, never a token). */
export type TokenRole = Exclude<Role, 'system'>;
export const TOKEN_ROLES: readonly TokenRole[] = ['unit', 'finance-reviewer', 'finance-admin', 'evaluator', 'auditor'];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}

/** Chinese names of the roles, for messages a clerk reads. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  unit: '预算单位用户',
  'finance-reviewer': '财政绩效审核人员',
  'finance-admin': '财政绩效管理人员',
  evaluator: '第三方评价人员',
  auditor: '审计监督人员',
  system: '系统',
};

export const DEFAULT_JWT_SECRET = 'bpm-local-dev-secret-change-me';
export const DEFAULT_JWT_ISSUER = 'bpm-local';
export const DEFAULT_JWT_AUDIENCE = 'bpm';
/** A working day and then some; a token meant to live longer is refused (JWT_MAX_LIFETIME_SECONDS). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/**
 * How tokens are checked. `secret`: HS256 with a shared secret (local, tests, small installs).
 * `jwks`: asymmetric signatures checked against the identity provider's published keys.
 */
interface CommonAuthConfig {
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /** Longest accepted `exp - iat`; `iat` is required and may not lie in the future. */
  maxLifetimeSeconds: number;
}
export type AuthConfig = ({ mode: 'secret'; secret: string } | { mode: 'jwks'; jwksUrl: string }) & CommonAuthConfig;

type Env = Record<string, string | undefined>;

/** Explicit settings that win over the environment (tests, embedding). `jwksUrl` or `secret` picks the mode. */
export interface AuthConfigOverrides {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  clockToleranceSeconds?: number;
  maxLifetimeSeconds?: number;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/**
 * Reads `JWT_JWKS_URL` (wins when set), else `JWT_SECRET`, `JWT_ISSUER`, `JWT_AUDIENCE`,
 * `JWT_CLOCK_TOLERANCE_SECONDS`, `JWT_MAX_LIFETIME_SECONDS`, with local defaults. The
 * well-known local secret is accepted only in an explicit local mode (`BPM_LOCAL_MODE=true`).
 */
export function loadAuthConfig(env: Env = process.env, overrides: AuthConfigOverrides = {}): AuthConfig {
  const issuer = overrides.issuer ?? nonEmpty(env['JWT_ISSUER']) ?? DEFAULT_JWT_ISSUER;
  const audience = overrides.audience ?? nonEmpty(env['JWT_AUDIENCE']) ?? DEFAULT_JWT_AUDIENCE;
  const tolerance = Number(nonEmpty(env['JWT_CLOCK_TOLERANCE_SECONDS']) ?? 5);
  const clockToleranceSeconds = overrides.clockToleranceSeconds ?? (Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : 5);

  const lifetime = Number(nonEmpty(env['JWT_MAX_LIFETIME_SECONDS']) ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
  if (!Number.isInteger(lifetime) || lifetime <= 0) {
    throw new Error(`JWT_MAX_LIFETIME_SECONDS must be a positive whole number of seconds, got "${env['JWT_MAX_LIFETIME_SECONDS']}"`);
  }
  const common = { issuer, audience, clockToleranceSeconds, maxLifetimeSeconds: overrides.maxLifetimeSeconds ?? lifetime };

  const o = overrides;
  // An explicit override decides the mode; otherwise JWT_JWKS_URL wins over JWT_SECRET.
  const jwksUrl = o.jwksUrl ?? (o.secret !== undefined ? undefined : nonEmpty(env['JWT_JWKS_URL']));
  if (jwksUrl) {
    new URL(jwksUrl); // fail at start-up, not on the first request
    return { mode: 'jwks', jwksUrl, ...common };
  }
  const secret = o.secret ?? nonEmpty(env['JWT_SECRET']) ?? DEFAULT_JWT_SECRET;
  if (secret === DEFAULT_JWT_SECRET && !isLocalMode(env)) {
    throw new Error('JWT_SECRET or JWT_JWKS_URL must be set: the local default secret is public and accepted only with BPM_LOCAL_MODE=true');
  }
  return { mode: 'secret', secret, ...common };
}
