jest.setTimeout(90_000);

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../app/app.module';
import { approvedProjectEvents, publishGoalEvents } from '../../testing/goal-events';
import { internalHeaders } from '../../testing/internal-auth';

/**
 * Reports, warnings and corrective cases on the real PostgreSQL and Kafka: June's figures reach
 * the June report, 25 % execution turns red with its numbers, a case opens, is answered, and
 * finance's suspension stops money for the project until lifted.
 */
const run = randomUUID().slice(0, 8);
const unit = `U-${run}`;
const LATE = `P-${run}-late`; // 25 % paid by June
const FINE = `P-${run}-fine`; // 50 % paid by June
/** The monthly cycle opens June's report on 1 July (its workflow's clock). */
const system = () => internalHeaders({ id: 'orchestrator', role: 'system' }, { 'x-actor-at': '2026-07-01T01:00:00.000Z' });
const unitUser = (unitId = unit) => internalHeaders({ id: 'zhang', role: 'unit', unit: unitId });
const reviewer = () => internalHeaders({ id: 'wang', role: 'finance-reviewer' });
const indicators = [{ name: '改造校舍面积', direction: '>=', unitOfMeasure: '平方米', annualTarget: 12000 }];
let app: INestApplication;
const api = () => request(app.getHttpServer());

async function eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const figures = (projectId: string, paidPerMonth: number) =>
  [1, 2, 3, 4, 5, 6].map((m) => ({ projectId, month: `2026-0${m}`, allocated: '1200000', paid: String(paidPerMonth * m), expectedCarryOver: '0' }));

const report = (projectId: string) => `/internal/monitoring/reports/${projectId}/2026/6`;

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = ref.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  await publishGoalEvents([
    ...approvedProjectEvents({ projectId: LATE, unitId: unit, fiscalYear: 2026, amountYuan: 1_200_000, indicators }),
    ...approvedProjectEvents({ projectId: FINE, unitId: unit, fiscalYear: 2026, amountYuan: 1_200_000, indicators }),
  ]);
  await eventually(async () => expect((await api().get(`/internal/monitoring/projects/${FINE}`).set(await reviewer())).body.project?.status).toBe('approved'));
}, 90_000);

afterAll(async () => {
  await app?.close();
});

describe('monthly monitoring: reports, warnings, corrective cases', () => {
  let caseId: string;

  it('opens June’s report with the figures imported before it, and turns 25 % execution red with its numbers', async () => {
    const feed = await api().post('/internal/monitoring/execution-feed').set(await reviewer()).send({ records: [...figures(LATE, 50_000), ...figures(FINE, 100_000)] });
    expect(feed.body).toMatchObject({ status: 'imported', recordedCount: 12 });
    for (const projectId of [LATE, FINE]) {
      const opened = await api().post('/internal/monitoring/reports').set(await system()).send({ projectId, month: 6 });
      expect(opened.status).toBe(201);
    }
    const red = await eventually(async () => {
      const res = await api().get(report(LATE)).set(await reviewer());
      expect(res.body.execution?.figures).toMatchObject({ paid: 30_000_000, budget: 120_000_000 });
      expect(res.body.warnings).toHaveLength(1);
      return res.body.warnings[0];
    });
    expect(red).toMatchObject({ rule: 'execution-ratio', level: 'red', subject: { kind: 'execution' } });
    expect(red.explanation).toContain('25.0%');
    const fine = await api().get(report(FINE)).set(await reviewer());
    expect(fine.body.warnings).toEqual([]);
  });

  it('opens a corrective case for the red warning and shows it on the board, the timeline and the scorecard', async () => {
    const board = await eventually(async () => {
      const res = await api().get(`/internal/monitoring/warning-board?fiscalYear=2026&unitId=${unit}`).set(await reviewer());
      expect(res.body.byLevel).toMatchObject({ red: 1, green: 1 });
      return res.body;
    });
    expect(board.projects.find((p: { projectId: string }) => p.projectId === LATE)).toMatchObject({ month: 6, level: 'red' });
    const timeline = await eventually(async () => {
      const res = await api().get(`/internal/monitoring/projects/${LATE}`).set(await reviewer());
      expect(res.body.cases).toHaveLength(1);
      return res.body;
    });
    caseId = timeline.cases[0].caseId;
    expect(timeline.cases[0]).toMatchObject({ month: 6, status: 'open', allocation: 'allowed' });
    expect(timeline.reports[0]).toMatchObject({ month: 6, level: 'red', status: 'open' });
    const scorecard = await api().get(`/internal/monitoring/scorecard?fiscalYear=2026&unitId=${unit}`).set(await reviewer());
    expect(scorecard.body.units).toEqual([expect.objectContaining({ unitId: unit, red: 1, projects: 2, openCases: 1 })]);
  });

  it('files, submits and reviews the report: a deviation needs its cause and measure', async () => {
    const line = { indicatorName: '改造校舍面积', actual: 6000, likelihood: 'certain' };
    await api().put(`${report(LATE)}/draft`).set(await unitUser()).send({ content: { indicators: [line] } }).expect(200);
    const refused = await api().post(`${report(LATE)}/submission`).set(await unitUser());
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('预算执行存在偏差');
    const executionDeviation = { cause: 'institutional', explanation: '招标延期', measure: '加快合同签订与支付' };
    await api().put(`${report(LATE)}/draft`).set(await unitUser()).send({ content: { indicators: [line], executionDeviation } }).expect(200);
    await api().post(`${report(LATE)}/submission`).set(await unitUser()).expect(200);
    const accepted = await api().post(`${report(LATE)}/review`).set(await reviewer()).send({ decision: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'accepted' });
  });

  it('refuses another unit’s answer, takes the owning unit’s 调剂 in time', async () => {
    const other = await api().post(`/internal/monitoring/cases/${caseId}/answer`).set(await unitUser('U-OTHER')).send({ choice: 'reallocate', reasons: '调剂' });
    expect(other.status).toBe(403);
    const answered = await api().post(`/internal/monitoring/cases/${caseId}/answer`).set(await unitUser()).send({ choice: 'reallocate', reasons: '结余资金调剂至急需项目' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: { choice: 'reallocate', late: false } });
  });

  it('stops money while finance suspends the allocation, naming the case, until lifted', async () => {
    expect((await api().get(`/internal/monitoring/projects/${LATE}/allocation`).set(await reviewer())).body).toEqual({ projectId: LATE, allowed: true });
    const refusedByRole = await api().post(`/internal/monitoring/cases/${caseId}/allocation-restriction`).set(await unitUser()).send({ mode: 'suspend', reason: 'x' });
    expect(refusedByRole.status).toBe(403);
    await api().post(`/internal/monitoring/cases/${caseId}/allocation-restriction`).set(await reviewer()).send({ mode: 'suspend', reason: '执行进度严重滞后' }).expect(200);
    const blocked = await api().get(`/internal/monitoring/projects/${LATE}/allocation`).set(await reviewer());
    expect(blocked.body).toMatchObject({ allowed: false, caseId, code: 'ALLOCATION_RESTRICTED' });
    expect(blocked.body.detail).toContain(caseId);
    expect(blocked.body.detail).toContain('暂缓拨款');
    await api().post(`/internal/monitoring/cases/${caseId}/allocation-restriction/lifting`).set(await reviewer()).send({ reason: '已整改' }).expect(200);
    expect((await api().get(`/internal/monitoring/projects/${LATE}/allocation`).set(await reviewer())).body.allowed).toBe(true);
  });

  it('takes the workflow clock (x-actor-at) from the orchestrator’s system token only', async () => {
    const asGateway = await internalHeaders({ id: 'wang', role: 'finance-reviewer' }, { 'x-actor-at': '2020-01-01T00:00:00.000Z' });
    const answeredAt = await api().post(`/internal/monitoring/reports`).set(asGateway).send({ projectId: FINE, month: 7 });
    // a reviewer's opening is judged now, whatever the header says: July's report is then already past due
    expect(answeredAt.status).toBe(422);
    expect(answeredAt.body.code).toBe('DUE_DATE_INVALID');
  });

  it('recomputes warnings as new events when corrected figures arrive', async () => {
    const corrected = figures(LATE, 100_000).slice(5);
    await api().post('/internal/monitoring/execution-feed').set(await reviewer()).send({ records: corrected }).expect(200);
    await eventually(async () => {
      const res = await api().get(report(LATE)).set(await reviewer());
      expect(res.body.execution.figures.paid).toBe(60_000_000);
      expect(res.body.warnings).toEqual([]);
    });
  });
});
