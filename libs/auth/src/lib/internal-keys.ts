import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isLocalMode } from '@bpm/config';

/**
 * Who may sign internal tokens. Each issuer has its own Ed25519 key pair; its key id is
 * `<issuer>:<anything>`, so a verifier knows from the key alone which issuer signed, and the
 * gateway's key can never vouch for a token that claims to come from the orchestrator.
 */
export const INTERNAL_ISSUERS = ['gateway', 'orchestrator'] as const;
export type InternalIssuer = (typeof INTERNAL_ISSUERS)[number];

export interface TrustedKey {
  kid: string;
  issuer: InternalIssuer;
  key: KeyObject;
}

/** A private key: the same shape as a trusted one. */
export type SigningKey = TrustedKey;

type Env = Record<string, string | undefined>;

/** Public in the repository, so usable in local mode only. */
export const DEFAULT_LOCAL_SECRET = 'bpm-local-dev-secret-change-me';

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function issuerOfKid(kid: string | undefined): InternalIssuer | undefined {
  const prefix = kid?.split(':')[0];
  return (INTERNAL_ISSUERS as readonly string[]).includes(prefix ?? '') ? (prefix as InternalIssuer) : undefined;
}

/** Local mode only: the issuer's key pair, derived from the local secret, the same in every process. */
export function localSigningKey(issuer: InternalIssuer, localSecret: string): SigningKey {
  const seed = createHash('sha256').update(`bpm-internal-token\0${issuer}\0${localSecret}`).digest();
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { kid: `${issuer}:local`, issuer, key };
}

function readJson(env: Env, name: string): unknown {
  const inline = env[name]?.trim();
  const file = env[`${name}_FILE`]?.trim();
  const text = inline || (file ? readFileSync(file, 'utf8') : undefined);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${inline ? name : `${name}_FILE`} is not valid JSON`);
  }
}

function ed25519Jwk(jwk: unknown, name: string): JsonWebKey & { kid: string } {
  const k = jwk as JsonWebKey & { kid?: unknown };
  if (k?.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.x !== 'string') throw new Error(`${name}: only Ed25519 keys (kty OKP, crv Ed25519)`);
  if (typeof k.kid !== 'string' || !issuerOfKid(k.kid)) {
    throw new Error(`${name}: kid must be "<issuer>:<id>" with issuer one of ${INTERNAL_ISSUERS.join(', ')}, got "${String(k.kid)}"`);
  }
  return k as JsonWebKey & { kid: string };
}

function localSecret(env: Env): string {
  return env['BPM_LOCAL_SECRET']?.trim() || DEFAULT_LOCAL_SECRET;
}

const notConfigured = (what: string, variable: string) =>
  new Error(
    `${what}: set ${variable} (or ${variable}_FILE); the keys derived from the local secret are used only with BPM_LOCAL_MODE=true`,
  );

/**
 * The public keys of the issuers this service trusts: `BPM_INTERNAL_JWKS` (a JWKS document,
 * inline or `_FILE`), else in local mode every issuer's derived key.
 */
export function loadTrustedKeys(env: Env = process.env): TrustedKey[] {
  const jwks = readJson(env, 'BPM_INTERNAL_JWKS') as { keys?: unknown[] } | undefined;
  if (jwks !== undefined) {
    if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('BPM_INTERNAL_JWKS must be {"keys":[...]} with at least one key');
    return jwks.keys.map((raw) => {
      const { kid, kty, crv, x } = ed25519Jwk(raw, 'BPM_INTERNAL_JWKS');
      const issuer = issuerOfKid(kid) as InternalIssuer; // ed25519Jwk checked it
      // Only the public part is ever read here, even if someone pasted a private key.
      return { kid, issuer, key: createPublicKey({ key: { kty, crv, x }, format: 'jwk' }) };
    });
  }
  if (!isLocalMode(env)) throw notConfigured('internal token verification', 'BPM_INTERNAL_JWKS');
  const secret = localSecret(env);
  return INTERNAL_ISSUERS.map((issuer) => {
    const { kid, key } = localSigningKey(issuer, secret);
    return { kid, issuer, key: createPublicKey(key) };
  });
}

/** The private key `issuer` signs with: `BPM_INTERNAL_SIGNING_KEY` (a private JWK), else in local mode the derived one. */
export function loadSigningKey(issuer: InternalIssuer, env: Env = process.env): SigningKey {
  const jwk = readJson(env, 'BPM_INTERNAL_SIGNING_KEY');
  if (jwk !== undefined) {
    const k = ed25519Jwk(jwk, 'BPM_INTERNAL_SIGNING_KEY');
    if (typeof k.d !== 'string') throw new Error('BPM_INTERNAL_SIGNING_KEY must be a private key (with "d")');
    if (issuerOfKid(k.kid) !== issuer) throw new Error(`BPM_INTERNAL_SIGNING_KEY: kid "${k.kid}" is not a key of ${issuer}`);
    return { kid: k.kid, issuer, key: createPrivateKey({ key: k, format: 'jwk' }) };
  }
  if (!isLocalMode(env)) throw notConfigured(`${issuer}'s internal token signing`, 'BPM_INTERNAL_SIGNING_KEY');
  return localSigningKey(issuer, localSecret(env));
}
