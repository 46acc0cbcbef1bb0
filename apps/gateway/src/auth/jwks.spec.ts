jest.mock('jose', () => require('./testing/native-jose').nativeJose());

import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Controller, Get, INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HttpPlatformModule } from '@bpm/http';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { AuthenticatedActor } from './actor';
import { AuthModule } from './auth.module';
import { CurrentActor } from './decorators';
import { signToken } from './sign-token';

@Controller()
class MeController {
  @Get('me')
  me(@CurrentActor() actor: AuthenticatedActor): AuthenticatedActor {
    return actor;
  }
}

interface KeyPair {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function keyPair(kid: string, alg: 'RS256' | 'ES256'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sign(key: KeyPair, claims: Record<string, unknown>, opts: { issuer?: string; exp?: number | string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(String(claims['sub'] ?? 'idp-user'))
    .setIssuer(opts.issuer ?? 'bpm-local')
    .setAudience('bpm')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '1h')
    .sign(key.privateKey);
}

async function buildApp(imports: unknown[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [HttpPlatformModule, ...(imports as never[])],
    controllers: [MeController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  Logger.overrideLogger(false);
  await app.init();
  return app;
}

describe('gateway auth (remote JWKS)', () => {
  let server: Server;
  let jwksUrl: string;
  let rsa: KeyPair;
  let ec: KeyPair;
  let stranger: KeyPair;
  let jwksRequests = 0;
  let app: INestApplication;

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([keyPair('rsa-1', 'RS256'), keyPair('ec-1', 'ES256'), keyPair('rsa-x', 'RS256')]);
    server = createServer((req, res) => {
      if (req.url === '/.well-known/jwks.json') {
        jwksRequests += 1;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ keys: [rsa.jwk, ec.jwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    app = await buildApp([AuthModule.forRoot({ jwksUrl })]);
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const me = (token?: string) => {
    const req = request(app.getHttpServer()).get('/me');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('accepts an RS256 token whose key the JWKS publishes', async () => {
    const res = await me(await sign(rsa, { sub: 'zhang3', role: 'unit', unit: 'U001', name: '张三' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'zhang3', role: 'unit', unit: 'U001', name: '张三' });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('accepts an ES256 token from the same key set, and caches the set', async () => {
    const before = jwksRequests;
    const res = await me(await sign(ec, { sub: 'audit1', role: 'auditor' }));
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('auditor');
    expect(jwksRequests).toBe(before);
  });

  it('refuses a token signed by a key the JWKS does not publish', async () => {
    const res = await me(await sign(stranger, { sub: 'x', role: 'finance-admin' }));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses an HS256 token (no algorithm confusion in JWKS mode)', async () => {
    const res = await me(await signToken({ sub: 'x', role: 'finance-admin' }));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses an expired token and a foreign issuer', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await me(await sign(rsa, { sub: 'x', role: 'auditor' }, { exp: past }));
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    const foreign = await me(await sign(rsa, { sub: 'x', role: 'auditor' }, { issuer: 'https://elsewhere' }));
    expect(foreign.status).toBe(401);
    expect(foreign.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a unit token without unit', async () => {
    const res = await me(await sign(rsa, { sub: 'x', role: 'unit' }));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_CLAIMS_INVALID');
  });

  it('reads JWT_JWKS_URL from the environment', async () => {
    const saved = { ...process.env };
    process.env['JWT_JWKS_URL'] = jwksUrl;
    process.env['JWT_SECRET'] = 'ignored-when-jwks-is-set';
    const envApp = await buildApp([AuthModule]);
    try {
      const ok = await request(envApp.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${await sign(rsa, { sub: 'li4', role: 'finance-reviewer' })}`);
      expect(ok.status).toBe(200);
      expect(ok.body.id).toBe('li4');
    } finally {
      await envApp.close();
      process.env = saved;
    }
  });

  it('answers 503 (not 401) when the key set cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const deadApp = await buildApp([AuthModule.forRoot({ jwksUrl: deadUrl })]);
    try {
      const res = await request(deadApp.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${await sign(rsa, { sub: 'x', role: 'auditor' })}`);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('AUTH_KEYS_UNAVAILABLE');
      expect(res.body.detail).toBe('身份认证服务暂不可用，请稍后重试');
    } finally {
      await deadApp.close();
    }
  });
});
