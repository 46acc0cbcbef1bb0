import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { infraUrls } from '@bpm/config';
import { AppModule as GatewayModule } from '../../../apps/gateway/src/app/app.module';
import { signToken } from '../../../apps/gateway/src/auth/sign-token';
import { readExecutionSpreadsheet } from '../../../apps/monitoring/src/application/import-execution-data/read-spreadsheet';
import { validateExecutionRows } from '../../../apps/monitoring/src/application/import-execution-data/execution-rows';
import { AppModule as MonitoringModule } from '../../../apps/monitoring/src/app/app.module';
import { approvedProjectEvents, publishGoalEvents } from '../../../apps/monitoring/src/testing/goal-events';
import { fmt, loadAverage, markdownTable, now, quantile, sleep } from './stats';

const PROJECTS = Number(process.env['IMPORT_BENCH_PROJECTS'] ?? 1000);
const MONTHS = 12;
const YEAR = 2026;
const PARSE_RUNS = 3;

async function boot(module: Type<unknown>): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

async function workbook(projectIds: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('预算执行数据');
  sheet.addRow(['项目编号', '项目名称', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）']);
  for (const id of projectIds) {
    for (let m = 1; m <= MONTHS; m++) sheet.addRow([id, `项目${id}`, `${YEAR}-${String(m).padStart(2, '0')}`, '1200000.00', (80_000 * m + 0.5).toFixed(2), '0.00']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function main() {
  const run = randomUUID().slice(0, 8);
  const unitId = `U-bench-${run}`;
  const ids = Array.from({ length: PROJECTS }, (_, i) => `P-bench-${run}-${String(i + 1).padStart(4, '0')}`);
  const apps: INestApplication[] = [];
  const pool = new Pool({ connectionString: infraUrls().databaseUrl, max: 2 });
  try {
    const loadAtStart = loadAverage();
    const monitoring = await boot(MonitoringModule);
    apps.push(monitoring);
    process.env['MONITORING_URL'] = `http://127.0.0.1:${(monitoring.getHttpServer().address() as AddressInfo).port}`;
    const gateway = await boot(GatewayModule);
    apps.push(gateway);
    const gatewayUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}`;
    const token = await signToken({ sub: `bench-${run}`, role: 'finance-admin' });

    console.error(`announcing ${PROJECTS} approved projects on goal-declaration's topic`);
    for (let i = 0; i < ids.length; i += 200) {
      await publishGoalEvents(ids.slice(i, i + 200).flatMap((projectId) => approvedProjectEvents({ projectId, unitId, fiscalYear: YEAR, amountYuan: 1_200_000 })));
    }
    const count = async (sql: string) => Number((await pool.query(sql, [unitId])).rows[0].n);
    await until('monitoring to know the projects', async () => (await count(`select count(*) n from monitoring.known_project where "unitId" = $1 and status = 'approved'`)) === PROJECTS);

    const file = await workbook(ids);
    console.error(`file: ${fmt(file.length)} bytes, ${fmt(PROJECTS * MONTHS)} rows; parsing ${PARSE_RUNS}×`);
    const parseMs: number[] = [];
    const validateMs: number[] = [];
    for (let i = 0; i < PARSE_RUNS; i++) {
      const t = now();
      const reading = await readExecutionSpreadsheet(file);
      parseMs.push(now() - t);
      const v = now();
      const { errors } = validateExecutionRows(reading.rows);
      validateMs.push(now() - v);
      if (reading.rows.length !== PROJECTS * MONTHS || errors.length) throw new Error('bench file did not parse cleanly');
    }

    const upload = async (name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), name);
      const t = now();
      const res = await fetch(`${gatewayUrl}/monitoring/execution-imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      const body = await res.json();
      return { ms: now() - t, status: res.status, body };
    };
    console.error('importing through the gateway');
    const t0 = now();
    const first = await upload('县级全年预算执行数据.xlsx');
    if (first.status !== 200 || first.body.recordedCount !== PROJECTS * MONTHS) throw new Error(`import failed: ${first.status} ${JSON.stringify(first.body).slice(0, 500)}`);
    await until('the read model to show every month', async () => (await count(`select count(*) n from monitoring.execution_month where "unitId" = $1`)) === PROJECTS * MONTHS);
    const readModelMs = now() - t0;
    const again = await upload('县级全年预算执行数据（重复）.xlsx');
    if (again.body.status !== 'already-imported') throw new Error('second import was not recognised');

    const parse = quantile(parseMs, 0.5);
    console.log(`## Execution data import (预算执行数据导入): ${fmt(PROJECTS)} projects × ${MONTHS} months from one .xlsx\n`);
    console.log(
      markdownTable(
        ['step', 'time (ms)', '× parse'],
        [
          ['parse the .xlsx (exceljs, rows to raw records), median of 3', fmt(parse, 0), '1.0×'],
          ['validate the rows (one validation, fen without floats), median of 3', fmt(quantile(validateMs, 0.5), 0), `${fmt(quantile(validateMs, 0.5) / parse, 2)}×`],
          ['import through the gateway: upload → parse → validate → 1,000 ledger appends → import record → answer', fmt(first.ms, 0), `${fmt(first.ms / parse, 1)}×`],
          ['… until the read model (execution_month) shows all rows', fmt(readModelMs, 0), `${fmt(readModelMs / parse, 1)}×`],
          ['the same file again (recognised by SHA-256, nothing applied)', fmt(again.ms, 0), `${fmt(again.ms / parse, 2)}×`],
        ],
      ),
    );
    console.log(`\nFile ${fmt(file.length)} bytes, ${fmt(PROJECTS * MONTHS)} rows, ${fmt(first.body.recordedCount)} events recorded. Load average at start: ${loadAtStart}; at end: ${loadAverage()}.`);
  } finally {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await pool.end();
  }
}
