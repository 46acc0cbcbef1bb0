import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { goalReviewWorkflowId } from '@bpm/workflows';
import { AppModule as GatewayModule } from '../../../apps/gateway/src/app/app.module';
import { signToken } from '../../../apps/gateway/src/auth/sign-token';
import { AppModule as GoalDeclarationModule } from '../../../apps/goal-declaration/src/app/app.module';
import { AppModule as OrchestratorModule } from '../../../apps/orchestrator/src/app/app.module';
import { fmt, loadAverage, markdownTable, now, quantile, sleep } from './stats';

const COUNT = Number(process.env['GATEWAY_BENCH_COUNT'] ?? 1000);
const WARMUP = 20;
const DECISION_BUDGET_MS = Number(process.env['GATEWAY_BENCH_DECISION_BUDGET_S'] ?? 300) * 1000;
const SETUP_CONCURRENCY = 4; // registrations and submissions are setup, not measured
const YEAR = 2026;

async function boot(module: Type<unknown>): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

const portOf = (app: INestApplication) => (app.getHttpServer().address() as AddressInfo).port;

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

async function runAll<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]);
  }));
}

function summary(name: string, sample: number[], base: { p50: number; p99: number }) {
  const p50 = quantile(sample, 0.5);
  const p99 = quantile(sample, 0.99);
  const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
  return [name, fmt(sample.length), fmt(p50, 2), fmt(p99, 2), fmt(mean, 2), `${fmt(p50 / base.p50, 1)}×`, `${fmt(p99 / base.p99, 1)}×`];
}

export async function main() {
  const run = randomUUID().slice(0, 8);
  const region = `bench-${run}`;
  const unitId = `U-bench-${run}`;
  const apps: INestApplication[] = [];
  const started: string[] = []; // projects whose review workflow may be running, for clean-up
  const decided = new Set<string>();
  let temporal: Client | undefined;
  try {
    const loadAtStart = loadAverage();
    const t0 = now();
    const goalDeclaration = await boot(GoalDeclarationModule);
    apps.push(goalDeclaration);
    process.env['GOAL_DECLARATION_URL'] = `http://127.0.0.1:${portOf(goalDeclaration)}`;
    const gateway = await boot(GatewayModule);
    apps.push(gateway);
    apps.push(await boot(OrchestratorModule));
    console.error(`booted in ${fmt((now() - t0) / 1000, 1)} s; run ${run}`);
    const workflows = new Client({ connection: await gateway.get<LazyTemporalConnection>(TEMPORAL_CONNECTION).get() });
    temporal = workflows;

    const base = `http://127.0.0.1:${portOf(gateway)}`;
    const tokens = {
      unit: await signToken({ sub: `bench-unit-${run}`, role: 'unit', unit: unitId }),
      reviewer: await signToken({ sub: `bench-reviewer-${run}`, role: 'finance-reviewer' }),
      admin: await signToken({ sub: `bench-admin-${run}`, role: 'finance-admin' }),
    };
    const call = async (method: string, path: string, who: keyof typeof tokens | null, body?: unknown): Promise<Answer> => {
      const headers: Record<string, string> = {};
      if (who) headers['authorization'] = `Bearer ${tokens[who]}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const start = now();
      const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      const ms = now() - start;
      return { status: res.status, body: text ? JSON.parse(text) : undefined, ms };
    };
    const must = (a: Answer, status: number, what: string) => {
      if (a.status !== status) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
      return a;
    };

    // An indicator library of this run's own region, with the two common indicators the goal uses.
    const library = must(await call('POST', '/indicator-libraries', 'admin', { region, fiscalYear: YEAR, costLevelEnabled: false }), 201, 'open library');
    const libraryId = library.body.libraryId as string;
    must(await call('POST', `/indicator-libraries/${libraryId}/categories`, 'admin', { category: { id: `bench-${run}`, name: `基准测试-${run}` } }), 201, 'category');
    for (const [id, name, level1, level2] of [
      [`T-${run}`, `资金拨付及时率-${run}`, 'output', 'timeliness'],
      [`S-${run}`, `服务对象满意度-${run}`, 'satisfaction', 'service-recipient'],
    ]) {
      must(
        await call('POST', `/indicator-libraries/${libraryId}/indicators`, 'admin', {
          indicator: { id, categoryId: `bench-${run}`, name, level1, level2, unitOfMeasure: '%', direction: '>=', explanation: '基准测试', dataSource: '基准测试', kind: 'common' },
        }),
        201,
        `indicator ${id}`,
      );
    }
    const declaration = (i: number) => ({
      libraryId,
      declaration: {
        overallGoal: '完成全县义务教育学校校舍改造，改善办学条件',
        indicators: [
          { name: '改造校舍面积', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '平方米', annualTarget: 8000 + i },
          { indicatorId: `T-${run}`, name: `资金拨付及时率-${run}`, level1: 'output', level2: 'timeliness', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 95 },
          { name: '受益学生人数', level1: 'benefit', level2: 'social', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 },
          { indicatorId: `S-${run}`, name: `服务对象满意度-${run}`, level1: 'satisfaction', level2: 'service-recipient', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
        ],
      },
    });

    // Setup: WARMUP + COUNT projects of this run's unit and region.
    const indexes = Array.from({ length: WARMUP + COUNT }, (_, i) => i);
    const projects: string[] = new Array(indexes.length);
    await runAll(indexes, SETUP_CONCURRENCY, async (i) => {
      const r = must(
        await call('POST', '/projects', 'unit', {
          project: { name: `校舍改造-${run}-${i}`, fiscalYear: YEAR, region, budget: 'general-public', projectType: 'ordinary', amount: 1_200_000, isNew: false },
        }),
        201,
        `register ${i}`,
      );
      projects[i] = r.body.projectId;
    });
    console.error(`registered ${projects.length} projects`);

    // Baseline, first half: the bare round trip through the same gateway and client.
    const health: number[] = [];
    const measureHealth = async (n: number) => {
      for (let i = 0; i < 50; i++) must(await call('GET', '/health/live', null), 200, 'health warm-up');
      for (let i = 0; i < n; i++) health.push(must(await call('GET', '/health/live', null), 200, 'health').ms);
    };
    await measureHealth(COUNT / 2);

    // Declarations, one at a time; the first WARMUP are not counted.
    const declarations: number[] = [];
    for (let i = 0; i < projects.length; i++) {
      const a = must(await call('PUT', `/goals/${projects[i]}/declaration`, 'unit', declaration(i)), 200, `declare ${i}`);
      if (i >= WARMUP) declarations.push(a.ms);
    }
    console.error(`declared ${projects.length}`);

    // Submissions start one review workflow each (through Kafka and the orchestrator's bridge).
    await runAll(indexes, SETUP_CONCURRENCY, async (i) => {
      must(await call('POST', `/goals/${projects[i]}/submission`, 'unit'), 200, `submit ${i}`);
      started.push(projects[i]);
    });
    const submittedAt = now();
    for (;;) {
      const open = must(await call('GET', `/tasks?status=open&unitId=${unitId}&fiscalYear=${YEAR}&pageSize=1`, 'reviewer'), 200, 'inbox');
      if (open.body.total >= projects.length) break;
      if (now() - submittedAt > 300_000) throw new Error(`only ${open.body.total} review tasks open after 5 min`);
      await sleep(500);
    }
    const inboxMs = now() - submittedAt;
    // The inbox is goal-declaration's read model; the workflow the decision goes to comes via Kafka.
    await runAll(projects, 8, async (projectId) => {
      for (let tries = 0; ; tries++) {
        try {
          await workflows.workflow.getHandle(goalReviewWorkflowId(projectId, 1)).describe();
          return;
        } catch (err) {
          if (tries > 600) throw err;
          await sleep(500);
        }
      }
    });
    const workflowsMs = now() - submittedAt;
    console.error(`review tasks open after ${fmt(inboxMs / 1000, 1)} s, all workflows running after ${fmt(workflowsMs / 1000, 1)} s`);

    // Decisions, one at a time, within the budget.
    const decisions: number[] = [];
    const refused: string[] = [];
    const decideStart = now();
    for (let i = 0; i < projects.length; i++) {
      if (i >= WARMUP && now() - decideStart > DECISION_BUDGET_MS) break;
      const a = await call('POST', `/tasks/${projects[i]}/rounds/1/decision`, 'reviewer', { decision: 'approve', rating: 'good' });
      if (a.status !== 200) {
        refused.push(`${a.status} ${a.body?.code ?? a.body?.detail ?? ''}`);
        continue;
      }
      decided.add(projects[i]);
      if (i >= WARMUP) decisions.push(a.ms);
    }
    const decideMs = now() - decideStart;
    console.error(`decided ${decided.size} in ${fmt(decideMs / 1000, 1)} s`);

    await measureHealth(COUNT / 2);

    const baseline = { p50: quantile(health, 0.5), p99: quantile(health, 0.99) };
    console.log(`\n### Gateway latency (sequential, global fetch, keep-alive; ${WARMUP} warm-up requests of each kind not counted)\n`);
    console.log(
      markdownTable(
        ['request', 'n', 'median ms', 'p99 ms', 'mean ms', 'median ÷ health', 'p99 ÷ health'],
        [
          summary('GET /health/live (baseline)', health, baseline),
          summary('PUT /goals/:projectId/declaration', declarations, baseline),
          summary('POST /tasks/:projectId/rounds/1/decision (approve, good)', decisions, baseline),
        ],
      ),
    );
    console.log(
      `\nSetup: ${fmt(projects.length)} projects; review tasks all open ${fmt(inboxMs / 1000, 1)} s after the last submission, ` +
        `all review workflows running after ${fmt(workflowsMs / 1000, 1)} s. Decisions: ${fmt(decisions.length)} measured in ` +
        `${fmt(decideMs / 1000, 1)} s${decisions.length < COUNT ? ` (stopped at the ${DECISION_BUDGET_MS / 1000} s budget)` : ''}` +
        `${refused.length ? `; ${refused.length} refused: ${[...new Set(refused)].join(', ')}` : ''}.`,
    );
    console.log(`\nLoad average (1 min) on this host: ${loadAtStart} at start, ${loadAverage()} at end.`);
  } finally {
    // Reviews left open would keep their deadline timers for days: end them.
    const leftover = started.filter((p) => !decided.has(p));
    const client = temporal;
    if (client && leftover.length) {
      console.error(`terminating ${leftover.length} undecided review workflows`);
      await runAll(leftover, 8, async (p) => {
        await client.workflow.getHandle(goalReviewWorkflowId(p, 1)).terminate('benchmark clean-up').catch(() => undefined);
      });
    }
    for (const app of apps.reverse()) await app.close().catch((e) => console.error('close failed', e));
  }
}
