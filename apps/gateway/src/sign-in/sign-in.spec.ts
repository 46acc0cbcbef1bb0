import type { INestApplication } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { TokenVerifier } from '../auth';
import { createGatewayApp } from '../testing/gateway-app';

/** The console's sign-in: a sample identity's token in local mode only, refused everywhere else. */
describe('local sign-in (本地登录)', () => {
  const saved = { ...process.env };
  let app: INestApplication;
  afterEach(async () => {
    await app?.close();
    process.env = { ...saved };
  });
  const boot = async (env: Record<string, string | undefined>) => {
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    app = await createGatewayApp({ goalDeclarationUrl: 'http://127.0.0.1:9' });
  };

  it('in local mode gives a token the gateway accepts, carrying the picked role and unit', async () => {
    await boot({ BPM_LOCAL_MODE: 'true', JWT_SECRET: undefined, JWT_JWKS_URL: undefined });
    expect((await request(app.getHttpServer()).get('/sign-in/options')).body).toEqual({ local: true });
    const res = await request(app.getHttpServer()).post('/sign-in/local').send({ role: 'unit', unit: 'U001', sub: 'zhang3', name: '张三' });
    expect(res.status).toBe(200);
    const actor = await app.get(TokenVerifier).verify(res.body.token);
    expect(actor).toMatchObject({ id: 'zhang3', role: 'unit', unit: 'U001', name: '张三' });
  });

  it('asks a unit user for the unit, in Chinese, naming the field', async () => {
    await boot({ BPM_LOCAL_MODE: 'true', JWT_SECRET: undefined, JWT_JWKS_URL: undefined });
    const res = await request(app.getHttpServer()).post('/sign-in/local').send({ role: 'unit', sub: 'zhang3' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'unit', message: '请选择所属单位' }]);
    const system = await request(app.getHttpServer()).post('/sign-in/local').send({ role: 'system', sub: 'x' });
    expect(system.status).toBe(400);
  });

  it('is refused outside local mode (403, problem+json), and the console is offered the identity provider instead', async () => {
    await boot({
      BPM_LOCAL_MODE: undefined,
      JWT_SECRET: 'a-real-secret-of-this-installation',
      BPM_INTERNAL_SIGNING_KEY: JSON.stringify({ ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: 'gateway:test' }),
      OIDC_AUTHORIZE_URL: 'https://idp.example.gov.cn/authorize',
      OIDC_CLIENT_ID: 'bpm-console',
    });
    const res = await request(app.getHttpServer()).post('/sign-in/local').send({ role: 'finance-reviewer', sub: 'wang5' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'LOCAL_SIGN_IN_DISABLED', detail: '本地登录仅在本地模式下可用，请通过统一身份认证登录' });
    expect(res.body.token).toBeUndefined();
    expect((await request(app.getHttpServer()).get('/sign-in/options')).body).toEqual({
      local: false,
      oidc: { authorizeUrl: 'https://idp.example.gov.cn/authorize', clientId: 'bpm-console' },
    });
  });
});
