jest.setTimeout(90_000);

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../app/app.module';
import { approvedProjectEvents, publishGoalEvents } from '../../testing/goal-events';
import { internalHeaders } from '../../testing/internal-auth';

/**
 * The import path on the real PostgreSQL and Kafka: projects learnt from goal-declaration's
 * topic, a file imported once, recognised the second time, corrected, refused with every error.
 */
const run = randomUUID().slice(0, 8);
const P1 = `P-${run}-1`;
const P2 = `P-${run}-2`;
const unit = `U-${run}`;
/** A finance clerk, through the gateway's internal token (signed per call: they live a minute). */
const as = () => internalHeaders({ id: 'clerk', role: 'finance-admin' });
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

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('预算执行数据');
  sheet.addRow(['项目编号', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = async (bytes: Buffer) =>
  api().post('/internal/monitoring/execution-imports').set(await as()).set('content-type', 'application/octet-stream').set('x-file-name', encodeURIComponent('执行数据.xlsx')).send(bytes);

const timeline = async (projectId: string) => api().get(`/internal/monitoring/projects/${projectId}`).set(await as());

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = ref.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  await publishGoalEvents([
    ...approvedProjectEvents({ projectId: P1, unitId: unit, fiscalYear: 2026, amountYuan: 1_200_000 }),
    ...approvedProjectEvents({ projectId: P2, unitId: unit, fiscalYear: 2026, amountYuan: 100_000.5 }),
  ]);
  await eventually(async () => expect((await timeline(P2)).body.project?.status).toBe('approved'));
}, 90_000);

afterAll(async () => {
  await app?.close();
});

describe('importing execution data (预算执行数据导入)', () => {
  const months = [1, 2, 3, 4, 5, 6].map((m) => [P1, `2026-0${m}`, '1200000', String(50_000 * m), '0']);

  it('learns projects and their budget in fen from goal-declaration’s events', async () => {
    const res = await timeline(P2);
    expect(res.body.project).toMatchObject({ projectId: P2, unitId: unit, fiscalYear: 2026, budgetFen: 10_000_050, status: 'approved', approvedVersion: 1 });
  });

  it('imports a file, reports unknown projects, and recognises the same file the second time', async () => {
    const file = await xlsx([...months, ['P-NOBODY', '2026-06', '10', '5', '0']]);
    const first = await upload(file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'imported', rowCount: 7, projectCount: 1, recordedCount: 6, unknownProjects: [{ projectId: 'P-NOBODY', rows: [8] }] });
    expect(first.body.message).toContain('P-NOBODY');

    const again = await upload(file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'already-imported', importId: first.body.importId, importedBy: 'clerk' });
    expect(again.body.message).toContain('未重复入账');

    const res = await eventually(async () => {
      const r = await timeline(P1);
      expect(r.body.months).toHaveLength(6);
      return r;
    });
    expect(res.body.months[5]).toMatchObject({ month: 6, paidFen: 30_000_000, revision: 1, executionRatePerMille: 250, timeProgressPerMille: 500 });
  });

  it('supersedes a corrected month with a new revision, leaving unchanged months alone', async () => {
    const corrected = await upload(await xlsx([...months.slice(0, 5), [P1, '2026-06', '1200000', '360000.5', '0']]));
    expect(corrected.body).toMatchObject({ status: 'imported', recordedCount: 1, unchangedCount: 5 });
    await eventually(async () => expect((await timeline(P1)).body.months[5]).toMatchObject({ paidFen: 36_000_050, revision: 2 }));
  });

  it('refuses a file with errors whole, naming each row, column and reason in Chinese', async () => {
    const res = await upload(await xlsx([[P2, '2026-07', '1000', '10', '0'], [P2, '2026-08', '1000', '2000', '0'], [P2, '2025-09', 'abc', '1', '0']]));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe('导入文件有2处错误，未导入任何数据，请更正后重新提交');
    expect(res.body.errors).toEqual([
      { field: '第3行 支付金额（元）', row: 3, column: '支付金额（元）', message: '支付金额2000.00元超过已下达指标1000.00元' },
      { field: '第4行 指标下达金额（元）', row: 4, column: '指标下达金额（元）', message: '指标下达金额（元）“abc”不是有效的金额（元，最多两位小数）' },
    ]);
    expect((await timeline(P2)).body.months).toEqual([]);
  });

  it('refuses a month outside the project’s fiscal year', async () => {
    const res = await upload(await xlsx([[P2, '2025-09', '1000', '1', '0']]));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ row: 2, column: '月份', message: `月份2025年9月不在项目${P2}的预算年度2026年内` });
  });

  it('takes the machine feed through the same validation, naming JSON paths', async () => {
    const bad = await api().post('/internal/monitoring/execution-feed').set(await as()).send({ records: [{ projectId: P2, month: '2026-07', allocated: 1000, paid: '1.001', expectedCarryOver: 0 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'records[0].paid', row: 1, column: '支付金额（元）', message: '支付金额（元）“1.001”不是有效的金额（元，最多两位小数）' }]);
    const records = [{ projectId: P2, month: '2026-07', allocated: '100000.50', paid: 20000, expectedCarryOver: '0' }];
    const ok = await api().post('/internal/monitoring/execution-feed').set(await as()).send({ records });
    expect(ok.body).toMatchObject({ status: 'imported', recordedCount: 1 });
    expect((await api().post('/internal/monitoring/execution-feed').set(await as()).send({ records })).body.status).toBe('already-imported');
  });

  it('takes a manual entry, and refuses a unit user entering another unit’s project', async () => {
    const entry = { allocated: '100000.50', paid: '30000', expectedCarryOver: '0' };
    const ok = await api().put(`/internal/monitoring/projects/${P2}/execution/2026-08`).set(await internalHeaders({ id: 'zhang', role: 'unit', unit })).send(entry);
    expect(ok.body).toMatchObject({ status: 'imported', recordedCount: 1 });
    const other = await api().put(`/internal/monitoring/projects/${P2}/execution/2026-09`).set(await internalHeaders({ id: 'li', role: 'unit', unit: 'U-OTHER' })).send(entry);
    expect(other.status).toBe(422);
    expect(other.body.errors[0].message).toBe(`项目${P2}不属于本单位，无权录入其执行数据`);
    await eventually(async () => expect((await timeline(P2)).body.months.map((m: { month: number }) => m.month)).toEqual([7, 8]));
  });

  it('refuses a call without an internal token', async () => {
    const res = await api().get(`/internal/monitoring/projects/${P1}`);
    expect(res.status).toBe(401);
  });

  it('offers the .xlsx template', async () => {
    const res = await api().get('/internal/monitoring/execution-template').set(await as()).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '项目编号', '项目名称', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）']);
  });
});
