import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID, generateKeyPairSync } from 'node:crypto';
import { INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import request from 'supertest';
import { InternalTokenIssuer, localSigningKey, DEFAULT_LOCAL_SECRET } from '@bpm/auth';
import type { EventStore } from '@bpm/event-store';
import { thirdPartyStreamId } from '../infrastructure/tokens';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AppModule } from './app.module';

/**
 * Evaluation believes no caller without a verified internal token: every internal endpoint,
 * found from the controllers themselves so a new one cannot be forgotten, refuses each forgery.
 */
jest.setTimeout(60_000);

type Endpoint = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string };

function endpointsOf(module: Type<unknown>): Endpoint[] {
  const controllers: Type<unknown>[] = Reflect.getMetadata('controllers', module) ?? [];
  const out: Endpoint[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase() as Endpoint['method'];
      const path = `/${[base, String(sub).replace(/^\/|\/$/g, '')].filter(Boolean).join('/')}`.replace(/:(\w+)/g, 'p-forged-1');
      out.push({ method, path });
    }
  }
  return out;
}

const endpoints = endpointsOf(AppModule);
const now = () => Math.floor(Date.now() / 1000);
const forgedActor = { id: 'mallory', role: 'finance-reviewer', unit: 'U-ANY' };
const forgedHeaders = { 'x-actor-id': 'mallory', 'x-actor-role': 'finance-admin', 'x-actor-unit': 'U-ANY' };
const gatewayKey = localSigningKey('gateway', DEFAULT_LOCAL_SECRET);
const claims = (over: Record<string, unknown> = {}) => ({
  sub: 'wang5', role: 'finance-reviewer', iss: 'gateway', aud: 'evaluation', act: { sub: 'gateway' }, iat: now(), exp: now() + 60, jti: randomUUID(), ...over,
});

/** Each forgery, as the Authorization header (or none) and extra headers and body. */
const forgeries: Record<string, () => Promise<{ token?: string; headers?: Record<string, string>; body?: object }>> = {
  'no token': async () => ({}),
  'forged x-actor-* headers': async () => ({ headers: forgedHeaders }),
  'a forged actor in the body': async () => ({ body: { actor: forgedActor, decision: 'accept' } }),
  'a token signed by an unknown key': async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    return { token: await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA', kid: 'gateway:local' }).sign(privateKey) };
  },
  'an expired token': async () => ({
    token: await new SignJWT(claims({ iat: now() - 600, exp: now() - 300 })).setProtectedHeader({ alg: 'EdDSA', kid: gatewayKey.kid }).sign(gatewayKey.key),
  }),
  'a token for another service': async () => ({ token: await InternalTokenIssuer.fromEnv('gateway').sign(forgedActor as never, 'goal-declaration') }),
  "a user's own token (HS256, the gateway's audience)": async () => ({
    token: await new SignJWT({ role: 'finance-admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer('bpm-local').setAudience('bpm').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(DEFAULT_LOCAL_SECRET)),
  }),
};

let app: INestApplication;

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = ref.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
});

function send(endpoint: Endpoint, forgery: { token?: string; headers?: Record<string, string>; body?: object }) {
  let req = request(app.getHttpServer())[endpoint.method](endpoint.path).set(forgery.headers ?? {});
  if (forgery.token) req = req.set('Authorization', `Bearer ${forgery.token}`);
  return endpoint.method === 'get' ? req : req.send(forgery.body ?? { actor: forgedActor });
}

describe('evaluation believes no identity it has not verified', () => {
  it('finds every internal endpoint', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(25);
    expect(endpoints).toEqual(expect.arrayContaining([{ method: 'post', path: '/internal/self-evaluations/p-forged-1/review' }, { method: 'post', path: '/internal/key-evaluations/p-forged-1/assignment' }]));
  });

  describe.each(Object.keys(forgeries))('with %s', (name) => {
    it.each(endpoints.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s answers 401 problem+json', async (_label, endpoint) => {
      const res = await send(endpoint, await forgeries[name]());
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('a verified token is let through, and the actor recorded is the token’s, never the body’s or a header’s', async () => {
    const token = await InternalTokenIssuer.fromEnv('gateway').sign({ id: 'chen', role: 'finance-admin' }, 'evaluation');
    const res = await send({ method: 'post', path: '/internal/third-parties' }, {
      token,
      headers: forgedHeaders,
      body: { actor: forgedActor, kind: 'expert', name: `身份校验专家-${randomUUID().slice(0, 6)}` },
    });
    expect(res.status).toBe(201);
    const [admitted] = await app.get<EventStore>(EVENT_STORE).readStream(thirdPartyStreamId(res.body.id));
    expect(admitted.metadata.actor).toEqual({ id: 'chen', role: 'finance-admin' });
  });
});
