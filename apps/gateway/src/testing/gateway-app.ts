import { INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { setupOpenApi } from '@bpm/http';
import { expect } from '@jest/globals';
import request from 'supertest';
import { AppModule } from '../app/app.module';
import { AUDIT_EVENT_STORE, AuditEventStore } from '../audit/audit-store';
import { TokenClaims, signToken } from '../auth';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { RectificationVerifications } from '../result-application/rectification-verifications';
import { RESULT_APPLICATION_URL } from '../result-application/result-application.client';
import { EVALUATION_UPSTREAM } from '../evaluation';
import { CorrectiveAnswers } from '../monitoring/corrective-answers';
import { ReviewDecisions } from '../tasks/review-decisions';

export interface GatewayAppOptions {
  goalDeclarationUrl: string;
  /** Defaults to the goal-declaration stub, which echoes monitoring's paths too. */
  monitoringUrl?: string;
  /** Defaults to the goal-declaration stub, which stands in for evaluation's paths too. */
  evaluationUrl?: string;
  upstreamTimeoutMs?: number;
  reviewDecisions?: ReviewDecisions;
  /** Stands in for the corrective-case follow-up; by default it takes every answer. */
  correctiveAnswers?: CorrectiveAnswers;
  auditStore?: AuditEventStore;
  /** result-application's URL: the same stub unless given. */
  resultApplicationUrl?: string;
  rectificationVerifications?: RectificationVerifications;
}

const unusedStore: AuditEventStore = {
  readStream: () => Promise.reject(new Error('no audit store in this test')),
  verify: () => Promise.reject(new Error('no audit store in this test')),
};

const unusedDecisions: ReviewDecisions = {
  decide: () => Promise.reject(new Error('no review decisions in this test')),
};

const unusedVerifications: RectificationVerifications = {
  verify: () => Promise.reject(new Error('no rectification verifications in this test')),
};

const acceptingAnswers: CorrectiveAnswers = {
  answer: async () => ({ followUp: {} as never, caseVersion: 2 }),
};

/** The real AppModule, with goal-declaration at the stub's URL and the Temporal and store edges replaced. */
export async function createGatewayApp(options: GatewayAppOptions): Promise<INestApplication> {
  const config: GatewayConfig = {
    goalDeclarationUrl: options.goalDeclarationUrl,
    monitoringUrl: options.monitoringUrl ?? options.goalDeclarationUrl,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? 5000,
    eventStoreSchema: 'event_store',
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(GATEWAY_CONFIG)
    .useValue(config)
    .overrideProvider(EVALUATION_UPSTREAM)
    .useValue({ url: options.evaluationUrl ?? options.goalDeclarationUrl, timeoutMs: config.upstreamTimeoutMs })
    .overrideProvider(ReviewDecisions)
    .useValue(options.reviewDecisions ?? unusedDecisions)
    .overrideProvider(CorrectiveAnswers)
    .useValue(options.correctiveAnswers ?? acceptingAnswers)
    .overrideProvider(AUDIT_EVENT_STORE)
    .useValue(options.auditStore ?? unusedStore)
    .overrideProvider(RESULT_APPLICATION_URL)
    .useValue(options.resultApplicationUrl ?? options.goalDeclarationUrl)
    .overrideProvider(RectificationVerifications)
    .useValue(options.rectificationVerifications ?? unusedVerifications)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  Logger.overrideLogger(false);
  setupOpenApi(app, { title: 'gateway', path: 'docs' });
  await app.init();
  return app;
}

/** Signed tokens of the usual people. */
export const people = {
  unitU001: { sub: 'zhang3', role: 'unit', unit: 'U001' },
  unitU002: { sub: 'li4', role: 'unit', unit: 'U002' },
  reviewer: { sub: 'wang5', role: 'finance-reviewer' },
  admin: { sub: 'zhao6', role: 'finance-admin' },
  auditor: { sub: 'qian7', role: 'auditor' },
  // An evaluator's `unit` claim is its agency (or expert) id: AG001 is assigned to OWN_PROJECT's key evaluation in the stub.
  evaluator: { sub: 'sun8', role: 'evaluator', unit: 'AG001' },
} satisfies Record<string, TokenClaims>;

export type Person = keyof typeof people;

export async function tokensFor(): Promise<Record<Person, string>> {
  const entries = await Promise.all(Object.entries(people).map(async ([k, claims]) => [k, await signToken(claims)] as const));
  return Object.fromEntries(entries) as Record<Person, string>;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request as `who` (or anonymous), with a JSON body when given. */
export function call(app: INestApplication, token: string | undefined, method: Method, url: string, body?: unknown): request.Test {
  let req = request(app.getHttpServer())[method](url);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (Buffer.isBuffer(body)) req = req.attach('file', body, 'execution.xlsx');
  else if (body !== undefined) req = req.send(body as object);
  return req;
}

/** A problem+json answer with a Chinese detail. */
export function expectProblem(res: request.Response, status: number, code?: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status, ...(code ? { code } : {}) } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
}
