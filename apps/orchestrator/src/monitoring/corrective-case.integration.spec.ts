jest.setTimeout(120_000);

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { InternalTokenIssuer } from '@bpm/auth';
import { infraUrls } from '@bpm/config';
import {
  answerCorrectiveCase,
  CorrectiveCaseError,
  correctiveFollowUpWorkflowId,
  describeCorrectiveCase,
  type CorrectiveFollowUp,
} from '@bpm/workflows';
// This test runs the real monitoring service in-process, as apps/platform-e2e does: the one place
// the orchestrator's code reaches into another app, and only in a test.
/* eslint-disable @nx/enforce-module-boundaries */
import { AppModule as MonitoringModule } from '../../../monitoring/src/app/app.module';
import { approvedProjectEvents, publishGoalEvents } from '../../../monitoring/src/testing/goal-events';
import { internalHeaders } from '../../../monitoring/src/testing/internal-auth';
/* eslint-enable @nx/enforce-module-boundaries */
import { AppModule as OrchestratorModule } from '../app/app.module';
import { createCorrectiveCaseActivities } from './activities';
import { loadMonitoringConfig } from './monitoring.config';

/**
 * The corrective-case follow-up on the real infrastructure: monitoring in this process opens a
 * case for a red warning, the orchestrator's bridge starts its workflow on the real Temporal
 * server from monitoring's topic, the unit's answer goes through the workflow's Update to
 * monitoring, finance's suspension signals the decision; the escalation activity, called
 * directly with the workflow's clock, is recorded on the case.
 */
const run = randomUUID().slice(0, 8);
const unit = `U-${run}`;
const ANSWERED = `P-${run}-a`;
const SUSPENDED = `P-${run}-s`;
const indicators = [{ name: '改造校舍面积', direction: '>=', unitOfMeasure: '平方米', annualTarget: 12000 }];
const system = () => internalHeaders({ id: 'orchestrator', role: 'system' }, { 'x-actor-at': '2026-07-01T01:00:00.000Z' });
const reviewer = () => internalHeaders({ id: 'wang', role: 'finance-reviewer' });
const figures = (projectId: string) =>
  [1, 2, 3, 4, 5, 6].map((m) => ({ projectId, month: `2026-0${m}`, allocated: '1200000', paid: String(50_000 * m), expectedCarryOver: '0' }));

let monitoring: INestApplication;
let orchestrator: INestApplication;
let connection: Connection;
let client: Client;
let monitoringUrl: string;
const api = () => request(monitoring.getHttpServer());
const cases: Record<string, string> = {};

async function eventually<T>(probe: () => Promise<T>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The follow-up once the bridge has started it. */
const followUp = (caseId: string): Promise<CorrectiveFollowUp> => eventually(() => describeCorrectiveCase(client, caseId));

beforeAll(async () => {
  monitoring = (await Test.createTestingModule({ imports: [MonitoringModule] }).compile()).createNestApplication({ logger: ['error', 'warn'] });
  await monitoring.listen(0, '127.0.0.1');
  monitoringUrl = `http://127.0.0.1:${(monitoring.getHttpServer().address() as AddressInfo).port}`;
  process.env['MONITORING_URL'] = monitoringUrl;
  orchestrator = (await Test.createTestingModule({ imports: [OrchestratorModule] }).compile()).createNestApplication({ logger: ['error', 'warn'] });
  await orchestrator.listen(0, '127.0.0.1');
  connection = await Connection.connect({ address: infraUrls().temporalAddress });
  client = new Client({ connection, namespace: infraUrls().temporalNamespace });

  await publishGoalEvents([ANSWERED, SUSPENDED].flatMap((projectId) => approvedProjectEvents({ projectId, unitId: unit, fiscalYear: 2026, amountYuan: 1_200_000, indicators })));
  await eventually(async () => {
    for (const p of [ANSWERED, SUSPENDED]) expect((await api().get(`/internal/monitoring/projects/${p}`).set(await reviewer())).body.project?.status).toBe('approved');
  });
  await api().post('/internal/monitoring/execution-feed').set(await reviewer()).send({ records: [...figures(ANSWERED), ...figures(SUSPENDED)] }).expect(200);
  for (const projectId of [ANSWERED, SUSPENDED]) {
    await api().post('/internal/monitoring/reports').set(await system()).send({ projectId, month: 6 }).expect(201);
    // 25 % paid by June is red: monitoring opens a corrective case for it
    cases[projectId] = await eventually(async () => {
      const res = await api().get(`/internal/monitoring/projects/${projectId}`).set(await reviewer());
      expect(res.body.cases).toHaveLength(1);
      return res.body.cases[0].caseId as string;
    });
  }
}, 180_000);

afterAll(async () => {
  await orchestrator?.close();
  await monitoring?.close();
  await connection?.close();
});

describe('corrective case follow-up through the orchestrator', () => {
  it('starts the follow-up from monitoring’s CorrectiveCaseOpened, with the deadline monitoring computed', async () => {
    const caseId = cases[ANSWERED];
    const opened = (await api().get(`/internal/monitoring/cases/${caseId}`).set(await reviewer())).body;
    const f = await followUp(caseId);
    expect(f).toMatchObject({ caseId, projectId: ANSWERED, unitId: unit, fiscalYear: 2026, status: 'awaiting-answer', dueAt: opened.dueAt, reminderSent: false });
    expect((await client.workflow.getHandle(correctiveFollowUpWorkflowId(caseId)).describe()).status.name).toBe('RUNNING');
  });

  it('takes the owning unit’s answer through the Update, records it in monitoring and closes the follow-up', async () => {
    const caseId = cases[ANSWERED];
    await followUp(caseId);
    const answer = { choice: 'reallocate' as const, reasons: '结余资金调剂至急需项目', correlationId: `corr-${run}` };
    const other = await answerCorrectiveCase(client, caseId, { ...answer, actor: { id: 'li4', role: 'unit', unit: 'U-OTHER' } }).catch((e) => e);
    expect(other).toBeInstanceOf(CorrectiveCaseError);
    expect(other).toMatchObject({ code: 'CORRECTIVE_NOT_OWNING_UNIT', status: 403 });
    const blank = await answerCorrectiveCase(client, caseId, { ...answer, reasons: ' ', actor: { id: 'zhang3', role: 'unit', unit } }).catch((e) => e);
    // monitoring's own refusal, with its Chinese detail, and the case stays open for a corrected answer
    expect(blank).toMatchObject({ code: 'REASONS_REQUIRED', status: 422 });
    expect(blank.message).toContain('须说明理由');
    const result = await answerCorrectiveCase(client, caseId, { ...answer, actor: { id: 'zhang3', role: 'unit', unit } });
    expect(result.followUp).toMatchObject({ status: 'answered', answer: { choice: 'reallocate', answeredBy: 'zhang3', late: false } });
    const recorded = (await api().get(`/internal/monitoring/cases/${caseId}`).set(await reviewer())).body;
    expect(recorded).toMatchObject({ status: 'answered', version: result.caseVersion, answer: { choice: 'reallocate', by: 'zhang3' } });
    expect(await client.workflow.getHandle(correctiveFollowUpWorkflowId(caseId)).result()).toMatchObject({ status: 'answered' });
  });

  it('records the escalation the workflow asks for at its clock: refused before the deadline, an event after it', async () => {
    const caseId = cases[SUSPENDED];
    const { dueAt } = (await api().get(`/internal/monitoring/cases/${caseId}`).set(await reviewer())).body;
    const activities = createCorrectiveCaseActivities(loadMonitoringConfig({ MONITORING_URL: monitoringUrl }), InternalTokenIssuer.fromEnv('orchestrator'));
    const notice = { caseId, projectId: SUSPENDED, unitId: unit, dueAt };
    const early = await activities.escalateCorrectiveCase({ ...notice, at: new Date(Date.parse(dueAt) - 60_000).toISOString() }).catch((e) => e);
    expect(early).toBeInstanceOf(ApplicationFailure);
    expect(early).toMatchObject({ type: 'CASE_NOT_YET_DUE', nonRetryable: true });
    const at = new Date(Date.parse(dueAt) + 1000).toISOString();
    await activities.escalateCorrectiveCase({ ...notice, at });
    await activities.escalateCorrectiveCase({ ...notice, at }); // a retry after a lost answer records nothing more
    const escalated = (await api().get(`/internal/monitoring/cases/${caseId}`).set(await reviewer())).body;
    expect(escalated).toMatchObject({ status: 'escalated' });
    const timeline = await eventually(async () => {
      const res = await api().get(`/internal/monitoring/projects/${SUSPENDED}`).set(await reviewer());
      expect(res.body.cases[0]).toMatchObject({ caseId, status: 'escalated' });
      return res.body;
    });
    expect(timeline.cases).toHaveLength(1);
  });

  it('closes the follow-up when finance suspends the allocation (AllocationRestricted → signal)', async () => {
    const caseId = cases[SUSPENDED];
    await followUp(caseId);
    await api().post(`/internal/monitoring/cases/${caseId}/allocation-restriction`).set(await reviewer()).send({ mode: 'suspend', reason: '执行进度严重滞后' }).expect(200);
    const done = await client.workflow.getHandle(correctiveFollowUpWorkflowId(caseId)).result();
    expect(done).toMatchObject({ status: 'finance-decided', financeDecision: { mode: 'suspend', decidedBy: 'wang' } });
  });
});
