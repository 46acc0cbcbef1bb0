import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { localSigningKey, loadSigningKey, loadTrustedKeys, type SigningKey } from './internal-keys';
import { InternalTokenIssuer, InternalTokenVerifier } from './internal-token';

const LOCAL = { BPM_LOCAL_MODE: 'true' };
const reviewer = { id: 'wang5', role: 'finance-reviewer' as const };
const now = () => Math.floor(Date.now() / 1000);

const verifier = (audience: 'goal-declaration' | 'monitoring' = 'goal-declaration') => InternalTokenVerifier.fromEnv(audience, LOCAL);
const refusal = (token: Promise<string> | string, v = verifier()) =>
  Promise.resolve(token).then((t) => v.verify(t).then(() => 'accepted', (e: { reason?: string }) => e.reason ?? String(e)));

/** A token signed with `key`, with exactly these claims: for forging. */
function raw(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key.key);
}
const gatewayKey = () => localSigningKey('gateway', 'bpm-local-dev-secret-change-me');
const base = () => ({ sub: 'zhang3', role: 'unit', unit: 'U001', iss: 'gateway', aud: 'goal-declaration', act: { sub: 'gateway' }, iat: now(), exp: now() + 60, jti: 'j1' });

describe('internal tokens', () => {
  it('carry the actor from the issuer to the service, and nothing else is believed', async () => {
    const token = await InternalTokenIssuer.fromEnv('orchestrator', LOCAL).sign(reviewer, 'goal-declaration');
    const identity = await verifier().verify(token);
    expect(identity).toEqual({ actor: reviewer, issuer: 'orchestrator', jti: expect.any(String) });
  });

  it('are refused by another service (audience)', async () => {
    const token = InternalTokenIssuer.fromEnv('gateway', LOCAL).sign({ id: 'a', role: 'auditor' }, 'goal-declaration');
    expect(await refusal(token, verifier('monitoring'))).toBe('invalid');
  });

  it('are refused when signed by a key nobody configured', async () => {
    const stranger = { ...localSigningKey('gateway', 'some other secret') };
    expect(await refusal(raw(stranger, base()))).toBe('invalid');
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(await refusal(raw({ kid: 'gateway:local', issuer: 'gateway', key: privateKey }, base()))).toBe('invalid');
  });

  it('are refused when the gateway key claims to be the orchestrator', async () => {
    expect(await refusal(raw(gatewayKey(), { ...base(), iss: 'orchestrator', act: { sub: 'orchestrator' } }))).toBe('invalid');
  });

  it('are refused expired, too long-lived, or issued in the future', async () => {
    expect(await refusal(raw(gatewayKey(), { ...base(), iat: now() - 120, exp: now() - 60 }))).toBe('expired');
    expect(await refusal(raw(gatewayKey(), { ...base(), exp: now() + 3600 }))).toBe('invalid');
    expect(await refusal(raw(gatewayKey(), { ...base(), iat: now() + 600, exp: now() + 660 }))).toBe('invalid');
  });

  it('are refused without jti, iat, an actor that makes sense, or the act claim', async () => {
    const noJti: Record<string, unknown> = { ...base(), jti: undefined };
    const noIat: Record<string, unknown> = { ...base(), iat: undefined };
    expect(await refusal(raw(gatewayKey(), noJti))).toBe('invalid');
    expect(await refusal(raw(gatewayKey(), noIat))).toBe('invalid');
    expect(await refusal(raw(gatewayKey(), { ...base(), role: 'root' }))).toBe('claims');
    expect(await refusal(raw(gatewayKey(), { ...base(), unit: undefined }))).toBe('claims');
    expect(await refusal(raw(gatewayKey(), { ...base(), act: undefined }))).toBe('claims');
    // The gateway speaks for people; only a service itself is `system`.
    expect(await refusal(raw(gatewayKey(), { ...base(), sub: 'orchestrator', role: 'system', unit: undefined }))).toBe('claims');
  });

  it('are refused when the algorithm is not EdDSA (no HS256 with the public key, no "none")', async () => {
    const hs = await new SignJWT(base()).setProtectedHeader({ alg: 'HS256', kid: 'gateway:local' }).sign(new TextEncoder().encode('bpm-local-dev-secret-change-me'));
    expect(await refusal(hs)).toBe('invalid');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'gateway:local' })).toString('base64url')}.${Buffer.from(JSON.stringify(base())).toString('base64url')}.`;
    expect(await refusal(none)).toBe('invalid');
  });
});

describe('internal keys', () => {
  it('are refused outside an explicit local mode when not configured', () => {
    expect(() => loadTrustedKeys({})).toThrow(/BPM_INTERNAL_JWKS/);
    expect(() => loadTrustedKeys({ NODE_ENV: 'development' })).toThrow(/BPM_LOCAL_MODE=true/);
    expect(() => loadSigningKey('gateway', {})).toThrow(/BPM_INTERNAL_SIGNING_KEY/);
    expect(() => loadSigningKey('gateway', { BPM_LOCAL_MODE: 'true', NODE_ENV: 'production' })).toThrow(/production/);
  });

  it('come from a JWKS and a private JWK in production, bound to their issuer by kid', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const priv = { ...privateKey.export({ format: 'jwk' }), kid: 'orchestrator:2026-01' };
    const pub = { ...publicKey.export({ format: 'jwk' }), kid: 'orchestrator:2026-01' };
    const env = { NODE_ENV: 'production', BPM_INTERNAL_SIGNING_KEY: JSON.stringify(priv), BPM_INTERNAL_JWKS: JSON.stringify({ keys: [pub] }) };
    const token = await InternalTokenIssuer.fromEnv('orchestrator', env).sign(reviewer, 'goal-declaration');
    expect((await InternalTokenVerifier.fromEnv('goal-declaration', env).verify(token)).actor).toEqual(reviewer);
    // The local keys are not among the trusted ones there.
    const local = await InternalTokenIssuer.fromEnv('orchestrator', LOCAL).sign(reviewer, 'goal-declaration');
    expect(await refusal(local, InternalTokenVerifier.fromEnv('goal-declaration', env))).toBe('invalid');
    expect(() => loadSigningKey('gateway', env)).toThrow(/not a key of gateway/);
    expect(() => loadTrustedKeys({ BPM_INTERNAL_JWKS: JSON.stringify({ keys: [{ ...pub, kid: 'mallory:1' }] }) })).toThrow(/kid/);
  });
});
