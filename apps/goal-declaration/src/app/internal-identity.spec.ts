import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID, generateKeyPairSync } from 'node:crypto';
import { INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import request from 'supertest';
import { InternalTokenIssuer, localSigningKey, DEFAULT_LOCAL_SECRET } from '@bpm/auth';
import type { EventStore } from '@bpm/event-store';
import { performanceGoalStreamId } from '../domain';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AppModule } from './app.module';

/**
 * No caller is believed without a verified internal token (issue 7.4): every internal endpoint,
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
  sub: 'wang5', role: 'finance-reviewer', iss: 'gateway', aud: 'goal-declaration', act: { sub: 'gateway' }, iat: now(), exp: now() + 60, jti: randomUUID(), ...over,
});

/** Each forgery, as the Authorization header (or none) and extra headers and body. */
const forgeries: Record<string, () => Promise<{ token?: string; headers?: Record<string, string>; body?: object }>> = {
  'no token': async () => ({}),
  'forged x-actor-* headers': async () => ({ headers: forgedHeaders }),
  'a forged actor in the body': async () => ({ body: { actor: forgedActor, decision: 'approve', rating: 'excellent' } }),
  'a token signed by an unknown key': async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    return { token: await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA', kid: 'gateway:local' }).sign(privateKey) };
  },
  'an expired token': async () => ({
    token: await new SignJWT(claims({ iat: now() - 600, exp: now() - 300 })).setProtectedHeader({ alg: 'EdDSA', kid: gatewayKey.kid }).sign(gatewayKey.key),
  }),
  'a token for another service': async () => ({ token: await InternalTokenIssuer.fromEnv('gateway').sign(forgedActor as never, 'monitoring') }),
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

describe('goal-declaration believes no identity it has not verified', () => {
  it('finds every internal endpoint (the review decision and the goal list among them)', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(20);
    expect(endpoints).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/internal/goals' },
        { method: 'post', path: '/internal/goals/p-forged-1/review-decision' },
      ]),
    );
  });

  describe.each(Object.keys(forgeries))('with %s', (name) => {
    it.each(endpoints.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s answers 401 problem+json', async (_label, endpoint) => {
      const res = await send(endpoint, await forgeries[name]());
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });
  });

  it('health still answers without a token', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
  });

  it('the forged approval: even a valid gateway token may not record a review decision or a deadline; only the review workflow may', async () => {
    const unitToken = await InternalTokenIssuer.fromEnv('gateway').sign({ id: 'zhang3', role: 'unit', unit: 'U001' }, 'goal-declaration');
    const reviewerToken = await InternalTokenIssuer.fromEnv('gateway').sign({ id: 'wang5', role: 'finance-reviewer' }, 'goal-declaration');
    for (const token of [unitToken, reviewerToken]) {
      const decision = await send({ method: 'post', path: '/internal/goals/p-forged-1/review-decision' }, {
        token,
        body: { decision: 'approve', rating: 'excellent', actor: forgedActor },
      });
      expect(decision.status).toBe(403);
      expect(decision.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(decision.body).toMatchObject({ code: 'INTERNAL_CALLER_FORBIDDEN', detail: '此内部操作只能由流程服务（审核流程）发起' });
      const deadline = await send({ method: 'post', path: '/internal/goals/p-forged-1/review-events' }, { token, body: { kind: 'overdue', reviewRound: 1, dueAt: new Date().toISOString() } });
      expect(deadline.status).toBe(403);
    }
  });

  it('a verified token is let through, and the actor recorded is the token’s, never the body’s or a header’s', async () => {
    const token = await InternalTokenIssuer.fromEnv('gateway').sign({ id: 'zhang3', role: 'unit', unit: 'U-ID-1' }, 'goal-declaration');
    const listed = await send({ method: 'get', path: '/internal/goals' }, { token, headers: forgedHeaders });
    expect(listed.status).toBe(200);

    const res = await send({ method: 'post', path: '/internal/projects' }, {
      token,
      headers: forgedHeaders,
      body: {
        actor: forgedActor,
        project: { unitId: 'U-ID-1', name: `身份校验测试项目-${randomUUID().slice(0, 6)}`, fiscalYear: 2026, budget: 'general-public', projectType: 'ordinary', amount: 100_000, isNew: false },
      },
    });
    expect(res.status).toBe(201);
    const [registered] = await app.get<EventStore>(EVENT_STORE).readStream(performanceGoalStreamId(res.body.projectId));
    expect(registered.metadata.actor).toEqual({ id: 'zhang3', role: 'unit', unit: 'U-ID-1' });
  });
});
