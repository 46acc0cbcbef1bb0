import { INestApplication } from '@nestjs/common';
import type { RecordedEvent } from '@bpm/contracts';
import type { AuditEventStore } from '../audit/audit-store';
import { ENDPOINTS, OWN_CASE, OWN_PROJECT } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, people, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import type { ReviewDecisions } from '../tasks/review-decisions';

const event: RecordedEvent = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'ProjectRegistered',
  source: 'goal-declaration',
  subject: `goal-${OWN_PROJECT}`,
  time: '2026-01-05T01:00:00.000Z',
  schemaVersion: 1,
  data: { by: 'zhang3', at: '2026-01-05T01:00:00.000Z', project: { projectId: OWN_PROJECT, unitId: 'U001' } },
  metadata: { actor: { id: 'zhang3', role: 'unit', unit: 'U001' }, correlationId: 'c-1' },
  version: 1,
  position: '1',
  prevHash: null,
  hash: 'h1',
};

const auditStore: AuditEventStore = {
  readStream: async () => [event],
  verify: async () => ({ ok: true, streamsChecked: 1, eventsChecked: 1, broken: [] }),
};

const decisions: ReviewDecisions = {
  decide: async () => ({ task: {} as never, goalStatus: 'approved', goalVersion: 4 }),
};

describe('gateway roles: who may call what', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;

  beforeAll(async () => {
    await stub.start();
    stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' });
    stub.cases.set(OWN_CASE, { caseId: OWN_CASE, projectId: OWN_PROJECT, unitId: 'U001', status: 'open' });
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, auditStore, reviewDecisions: decisions });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => stub.reset());

  const refusals = ENDPOINTS.flatMap((e) =>
    (Object.keys(people) as Person[])
      .filter((p) => p !== 'unitU002' && !e.allowed.includes(p))
      .map((p) => [e.name, p, e] as const),
  );

  it.each(refusals)('%s: refuses %s with a 403 problem and forwards nothing', async (_name, person, e) => {
    const res = await call(app, tokens[person], e.method, e.url, e.body);
    expectProblem(res, 403, 'ROLE_FORBIDDEN');
    expect(res.body.detail).toMatch(/^无权执行此操作：此操作仅限/);
    expect(stub.calls).toEqual([]);
  });

  const grants = ENDPOINTS.flatMap((e) => e.allowed.map((p) => [e.name, p, e] as const));

  it.each(grants)('%s: lets %s through', async (_name, person, e) => {
    const res = await call(app, tokens[person], e.method, e.url, e.body);
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: e.status ?? (e.method === 'post' && !/(submission|adjustment-requests|completion|decision)$/.test(e.url) ? 201 : 200), code: undefined });
  });

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s: answers 401 without a token', async (_name, e) => {
    const res = await call(app, undefined, e.method, e.url, e.body);
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(stub.calls).toEqual([]);
  });

  it('serves the OpenAPI document with every public path', async () => {
    const res = await call(app, undefined, 'get', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/indicator-libraries',
        '/indicator-libraries/{libraryId}/indicators/{indicatorId}',
        '/projects',
        '/goals',
        '/goals/{projectId}/declaration',
        '/coverage',
        '/tasks',
        '/tasks/{projectId}/rounds/{round}/decision',
        '/ex-ante-assessments/{assessmentId}/completion',
        '/fund-notices/{noticeId}/applications',
        '/audit/goals/{projectId}/state',
        '/audit/streams/{stream}/events',
        '/monitoring/execution-imports',
        '/monitoring/execution-feed',
        '/monitoring/projects/{projectId}/execution/{month}',
      ]),
    );
  });
});
