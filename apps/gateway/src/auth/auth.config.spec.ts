jest.mock('jose', () => require('./testing/native-jose').nativeJose());

import { decodeJwt, decodeProtectedHeader } from 'jose';
import { DEFAULT_JWT_SECRET, loadAuthConfig } from './auth.config';
import { expiryOf, signToken } from './sign-token';

describe('loadAuthConfig', () => {
  it('has working local defaults in local mode', () => {
    expect(loadAuthConfig({ BPM_LOCAL_MODE: 'true' })).toEqual({
      mode: 'secret',
      secret: DEFAULT_JWT_SECRET,
      issuer: 'bpm-local',
      audience: 'bpm',
      clockToleranceSeconds: 5,
      maxLifetimeSeconds: 12 * 3600,
    });
  });

  it('refuses the public local secret outside an explicit local mode, whatever NODE_ENV says', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { BPM_LOCAL_MODE: 'yes' }]) {
      expect(() => loadAuthConfig(env)).toThrow(/BPM_LOCAL_MODE=true/);
    }
    expect(() => loadAuthConfig({ JWT_SECRET: DEFAULT_JWT_SECRET })).toThrow(/BPM_LOCAL_MODE=true/);
    expect(() => loadAuthConfig({ BPM_LOCAL_MODE: 'true', NODE_ENV: 'production' })).toThrow(/production/);
    expect(loadAuthConfig({ JWT_SECRET: 'a real one' }).mode).toBe('secret');
  });

  it('caps token lifetime, configurably', () => {
    expect(loadAuthConfig({ JWT_SECRET: 's', JWT_MAX_LIFETIME_SECONDS: '3600' }).maxLifetimeSeconds).toBe(3600);
    expect(() => loadAuthConfig({ JWT_SECRET: 's', JWT_MAX_LIFETIME_SECONDS: 'forever' })).toThrow(/JWT_MAX_LIFETIME_SECONDS/);
    expect(() => loadAuthConfig({ JWT_SECRET: 's', JWT_MAX_LIFETIME_SECONDS: '0' })).toThrow(/JWT_MAX_LIFETIME_SECONDS/);
  });

  it('reads the environment', () => {
    expect(loadAuthConfig({ JWT_SECRET: 's3cret', JWT_ISSUER: 'https://idp', JWT_AUDIENCE: 'bpm-prod' })).toMatchObject({
      mode: 'secret',
      secret: 's3cret',
      issuer: 'https://idp',
      audience: 'bpm-prod',
    });
  });

  it('prefers JWT_JWKS_URL over JWT_SECRET', () => {
    expect(loadAuthConfig({ JWT_SECRET: 's', JWT_JWKS_URL: 'https://idp/jwks.json' })).toMatchObject({
      mode: 'jwks',
      jwksUrl: 'https://idp/jwks.json',
    });
  });

  it('lets explicit settings win over the environment', () => {
    expect(loadAuthConfig({ JWT_JWKS_URL: 'https://idp/jwks.json' }, { secret: 'x' })).toMatchObject({ mode: 'secret', secret: 'x' });
  });

  it('fails fast on a malformed JWKS URL', () => {
    expect(() => loadAuthConfig({ JWT_JWKS_URL: 'not a url' })).toThrow();
  });

  it('refuses the public local secret in production', () => {
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET or JWT_JWKS_URL/);
    expect(() => loadAuthConfig({ NODE_ENV: 'production', BPM_LOCAL_MODE: 'true' })).toThrow();
    expect(loadAuthConfig({ NODE_ENV: 'production', JWT_SECRET: 'real' }).mode).toBe('secret');
  });
});

describe('signToken', () => {
  it('signs HS256 with the local defaults and the given claims', async () => {
    const token = await signToken({ sub: 'zhang3', role: 'unit', unit: 'U001', name: '张三' }, { env: {}, issuedAt: 1_000_000 });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      sub: 'zhang3',
      role: 'unit',
      unit: 'U001',
      name: '张三',
      iss: 'bpm-local',
      aud: 'bpm',
      iat: 1_000_000,
      exp: 1_000_000 + 8 * 3600,
    });
  });

  it('uses JWT_ISSUER and JWT_AUDIENCE from the environment', async () => {
    const token = await signToken({ sub: 'a', role: 'auditor' }, { env: { JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' } });
    expect(decodeJwt(token)).toMatchObject({ iss: 'i', aud: 'a' });
  });

  it('refuses a unit token without unit, and unknown roles', async () => {
    await expect(signToken({ sub: 'a', role: 'unit' })).rejects.toThrow(/unit is required/);
    await expect(signToken({ sub: 'a', role: 'root' as never })).rejects.toThrow(/role must be/);
    await expect(signToken({ sub: '', role: 'auditor' })).rejects.toThrow(/sub/);
  });

  it('parses lifetimes', () => {
    expect(expiryOf(0, '8h')).toBe(28_800);
    expect(expiryOf(0, '30m')).toBe(1_800);
    expect(expiryOf(0, '7d')).toBe(604_800);
    expect(expiryOf(0, '90')).toBe(90);
    expect(() => expiryOf(0, 'forever')).toThrow(/ttl/);
  });
});
