import { infraUrls } from '@bpm/config';
import { INestApplication } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '@bpm/event-store';
import type { NewEvent, RecordedEvent } from '@bpm/contracts';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';

const { databaseUrl: DATABASE_URL, databaseOwnerUrl: DATABASE_OWNER_URL } = infraUrls();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const unitActor = { id: 'zhang3', role: 'unit' as const, unit: 'U001' };
const reviewerActor = { id: 'wang5', role: 'finance-reviewer' as const };

function goalEvents(projectId: string): { event: NewEvent; actor: typeof unitActor | typeof reviewerActor }[] {
  const at = '2025-10-08T02:00:00.000Z';
  const project = {
    projectId,
    name: '城乡义务教育营养改善',
    unitId: 'U001',
    region: '某县',
    fiscalYear: 2026,
    budget: 'general-public',
    projectType: 'ordinary',
    amount: 1200000,
    isNew: false,
  };
  const declaration = { overallGoal: '保障学生营养餐供应', indicators: [{ name: '受益学生人数', level1: 'output', level2: 'quantity', kind: 'quantitative', direction: '>=', annualTarget: 3000 }] };
  return [
    { actor: unitActor, event: { type: 'ProjectRegistered', data: { by: 'zhang3', at, project } } },
    { actor: unitActor, event: { type: 'GoalDeclared', data: { by: 'zhang3', at, projectId, version: 1, declaration } } },
    {
      actor: unitActor,
      event: {
        type: 'GoalSubmittedForReview',
        data: { by: 'zhang3', at, projectId, version: 1, reviewRound: 1, submission: 1, isAdjustment: false, reviewDeadlineDays: 10, reminderDaysBefore: 2 },
      },
    },
    {
      actor: reviewerActor,
      event: { type: 'GoalApproved', data: { by: 'wang5', at, projectId, version: 1, reviewRound: 1, rating: 'excellent', isAdjustment: false } },
    },
  ];
}

describe('auditor endpoints against a real PostgreSQL event store', () => {
  const schema = `gw_audit_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
  const store = new PostgresEventStore({ pool, schema, listen: false, ownerConnectionString: DATABASE_OWNER_URL });
  const stub = new StubGoalDeclaration();
  const projectId = `P-AUD-${randomBytes(3).toString('hex')}`;
  const stream = `goal-${projectId}`;
  const recorded: RecordedEvent[] = [];
  let app: INestApplication;
  let tokens: Record<Person, string>;

  async function appendGoal(project: string): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for (const [i, { event, actor }] of goalEvents(project).entries()) {
      const result = await store.appendToStream(`goal-${project}`, [event], {
        expectedVersion: i,
        source: 'goal-declaration',
        metadata: { actor, correlationId: `corr-${project}-${i < 3 ? 'unit' : 'review'}`, causationId: `cause-${i + 1}` },
      });
      out.push(...result.events);
      await sleep(25); // distinct timestamps for the as-of checks
    }
    return out;
  }

  beforeAll(async () => {
    await store.migrate();
    recorded.push(...(await appendGoal(projectId)));
    await stub.start();
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, auditStore: store });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app?.close();
    await stub.stop();
    await store.close();
    await pool.end();
    const owner = new Pool({ connectionString: DATABASE_OWNER_URL, max: 1 });
    await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => owner.end());
  });

  describe('GET /audit/goals/:projectId/history', () => {
    it('lists every event with actor, ids and the hash chain', async () => {
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/history`);
      expect(res.status).toBe(200);
      expect(res.body.stream).toBe(stream);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
        'ProjectRegistered',
        'GoalDeclared',
        'GoalSubmittedForReview',
        'GoalApproved',
      ]);
      const [first, , , last] = res.body.events;
      expect(first).toMatchObject({
        version: 1,
        actor: unitActor,
        correlationId: `corr-${projectId}-unit`,
        causationId: 'cause-1',
        prevHash: null,
        hash: recorded[0].hash,
        time: recorded[0].time,
        data: { project: { projectId, unitId: 'U001' } },
      });
      expect(last).toMatchObject({ version: 4, actor: reviewerActor, data: { rating: 'excellent' } });
      for (let i = 1; i < 4; i++) expect(res.body.events[i].prevHash).toBe(res.body.events[i - 1].hash);
      expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is open to finance-admin as well', async () => {
      expect((await call(app, tokens.admin, 'get', `/audit/goals/${projectId}/history`)).status).toBe(200);
    });

    it('answers 404 for a goal with no events', async () => {
      const res = await call(app, tokens.auditor, 'get', '/audit/goals/P-NONE/history');
      expectProblem(res, 404, 'STREAM_NOT_FOUND');
    });

    it.each(['unitU001', 'reviewer', 'evaluator'] as const)('refuses %s (audit is for auditors and finance-admin)', async (who) => {
      const res = await call(app, tokens[who], 'get', `/audit/goals/${projectId}/history`);
      expectProblem(res, 403, 'ROLE_FORBIDDEN');
    });
  });

  describe('GET /audit/goals/:projectId/state?asOf=', () => {
    // goal-declaration folds its own stream (its endpoint is tested end to end in platform-e2e);
    // the gateway asks it, as the signed-in auditor, and relays the answer.
    const asOfState = {
      projectId,
      stream,
      asOf: '2026-03-31T15:59:59.000Z',
      version: 3,
      lastEventTime: '2026-03-31T01:00:00.000Z',
      status: 'submitted',
      statusLabel: '已提交审核',
      state: { status: 'submitted', version: 1, reviewRound: 1, submission: 1, project: { unitId: 'U001' } },
    };

    it('asks goal-declaration for the goal as it stood at the moment asked, and relays its answer', async () => {
      stub.reset();
      stub.replyNext({ status: 200, body: JSON.stringify(asOfState) });
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/state?asOf=${encodeURIComponent('2026-03-31T23:59:59+08:00')}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(asOfState);
      expect(stub.calls).toHaveLength(1);
      expect(stub.calls[0]).toMatchObject({
        method: 'GET',
        path: `/internal/goals/${projectId}/state`,
        query: { asOf: '2026-03-31T15:59:59.000Z' },
      });
      // As the signed-in auditor, in a signed internal token.
      const token = String(stub.calls[0].headers['authorization']).replace(/^Bearer /, '');
      expect(decodeJwt(token)).toMatchObject({ role: 'auditor', aud: 'goal-declaration' });
    });

    it('asks for now without asOf', async () => {
      stub.reset();
      stub.replyNext({ status: 200, body: JSON.stringify({ ...asOfState, status: 'approved' }) });
      const before = Date.now();
      const res = await call(app, tokens.admin, 'get', `/audit/goals/${projectId}/state`);
      expect(res.body.status).toBe('approved');
      const asked = Date.parse(stub.calls[0].query['asOf']);
      expect(asked).toBeGreaterThanOrEqual(before - 1000);
      expect(asked).toBeLessThanOrEqual(Date.now());
    });

    it("relays goal-declaration's 404 for a goal with no events", async () => {
      stub.reset();
      const problem = { type: 'about:blank', title: '未找到', status: 404, code: 'STREAM_NOT_FOUND', detail: '未找到事件流“goal-P-NONE”：该记录不存在或尚无任何事件' };
      stub.replyNext({ status: 404, body: JSON.stringify(problem), contentType: 'application/problem+json' });
      expectProblem(await call(app, tokens.auditor, 'get', '/audit/goals/P-NONE/state'), 404, 'STREAM_NOT_FOUND');
    });

    it('asks for the end of that day in Beijing when given a date alone', async () => {
      stub.reset();
      stub.replyNext({ status: 200, body: JSON.stringify(asOfState) });
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/state?asOf=2026-12-31`);
      expect(res.status).toBe(200);
      expect(stub.calls[0].query['asOf']).toBe('2026-12-31T15:59:59.999Z');
    });

    it('refuses a moment that is not ISO 8601 with a Chinese 400', async () => {
      stub.reset();
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/state?asOf=yesterday`);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors[0]).toMatchObject({ field: 'asOf', message: expect.stringMatching(/^时点（asOf）格式不正确/) });
      expect(stub.calls).toHaveLength(0);
    });

    it('refuses a unit user', async () => {
      expectProblem(await call(app, tokens.unitU001, 'get', `/audit/goals/${projectId}/state`), 403, 'ROLE_FORBIDDEN');
    });
  });

  describe('GET /audit/goals/:projectId/verification', () => {
    it('reports an intact chain', async () => {
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/verification`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stream, intact: true, checked: 4 });
    });

    it('detects an event altered behind the store’s back', async () => {
      const victimProject = `${projectId}-T`;
      const events = await appendGoal(victimProject);
      // The services' own login may not do this (libs/event-store least-privilege.spec); a superuser may.
      const admin = new Pool({ connectionString: infraUrls().databaseAdminUrl, max: 1 });
      const client = await admin.connect();
      try {
        // Replica mode skips the append-only triggers: what a superuser could do by hand.
        await client.query('SET session_replication_role = replica');
        await client.query(`UPDATE "${schema}".events SET data = jsonb_set(data, '{rating}', '"good"') WHERE event_id = $1`, [events[3].id]);
        await client.query('SET session_replication_role = DEFAULT');
      } finally {
        client.release();
        await admin.end();
      }
      const res = await call(app, tokens.auditor, 'get', `/audit/goals/${victimProject}/verification`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        stream: `goal-${victimProject}`,
        intact: false,
        firstBrokenLink: { stream: `goal-${victimProject}`, version: 4, eventId: events[3].id, reason: expect.any(String) },
      });
      // The other goal's chain is untouched.
      expect((await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/verification`)).body.intact).toBe(true);
    });

    it('answers 404 for a goal with no events', async () => {
      expectProblem(await call(app, tokens.auditor, 'get', '/audit/goals/P-NONE/verification'), 404, 'STREAM_NOT_FOUND');
    });
  });

  describe('GET /audit/streams/:stream/events', () => {
    it('reads any stream, by version range', async () => {
      const res = await call(app, tokens.auditor, 'get', `/audit/streams/${stream}/events?from=2&to=3`);
      expect(res.status).toBe(200);
      expect(res.body.events.map((e: { version: number; id: string }) => [e.version, e.id])).toEqual([
        [2, recorded[1].id],
        [3, recorded[2].id],
      ]);
    });

    it('reads a stream as of a moment', async () => {
      const res = await call(app, tokens.admin, 'get', `/audit/streams/${stream}/events?asOf=${encodeURIComponent(recorded[1].time)}`);
      expect(res.body.events.map((e: { version: number }) => e.version)).toEqual([1, 2]);
    });

    it('answers 404 for an unknown stream and 400 for a malformed name', async () => {
      expectProblem(await call(app, tokens.auditor, 'get', '/audit/streams/goal-NONE/events'), 404, 'STREAM_NOT_FOUND');
      expectProblem(await call(app, tokens.auditor, 'get', '/audit/streams/no_category/events'), 400, 'VALIDATION_FAILED');
    });

    it('refuses a unit user', async () => {
      expectProblem(await call(app, tokens.unitU001, 'get', `/audit/streams/${stream}/events`), 403, 'ROLE_FORBIDDEN');
    });
  });
});
