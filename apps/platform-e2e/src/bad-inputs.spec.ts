jest.setTimeout(120_000);

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { InternalTokenIssuer } from '@bpm/auth';
import { AppModule as GatewayModule } from '../../gateway/src/app/app.module';
import { signToken } from '../../gateway/src/auth/sign-token';
import { AppModule as GoalDeclarationModule } from '../../goal-declaration/src/app/app.module';

/**
 * The inputs that once answered 500 (issue 8), sent to the real gateway and goal-declaration on
 * the real PostgreSQL and Kafka: every one must be a 400 or 422 problem+json whose Chinese detail
 * names what is wrong. Each row is one request; a row that passes a 5xx fails the test.
 */
let gateway: INestApplication;
let goals: INestApplication;

async function boot(module: unknown): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module as never] }).compile();
  const app = ref.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

const run = randomUUID().slice(0, 8);
const unit = `U-BAD-${run}`;
const tokens: Record<string, string> = {};
let projectId: string;

beforeAll(async () => {
  goals = await boot(GoalDeclarationModule);
  process.env['GOAL_DECLARATION_URL'] = `http://127.0.0.1:${(goals.getHttpServer().address() as AddressInfo).port}`;
  gateway = await boot(GatewayModule);
  tokens['unit'] = await signToken({ sub: `zhang-${run}`, role: 'unit', unit });
  tokens['reviewer'] = await signToken({ sub: `wang-${run}`, role: 'finance-reviewer' });
  tokens['admin'] = await signToken({ sub: `zhao-${run}`, role: 'finance-admin' });
  tokens['auditor'] = await signToken({ sub: `sun-${run}`, role: 'auditor' });
  const res = await request(gateway.getHttpServer())
    .post('/projects')
    .set('authorization', `Bearer ${tokens['unit']}`)
    .send({ project: { ...project, name: `坏输入测试-${run}` } });
  expect(res.status).toBe(201);
  projectId = res.body.projectId;
});
afterAll(async () => {
  await gateway?.close();
  await goals?.close();
});

const project = { name: '义务教育学校校舍改造', fiscalYear: 2026, budget: 'general-public', projectType: 'ordinary', amount: 1200000, isNew: false };
const indicator = { name: '校舍维修改造面积', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '平方米', annualTarget: 8000 };
const declaration = (change: object = {}, indicatorChange: object = {}) => ({
  libraryId: 'L-none',
  declaration: { overallGoal: '完成校舍改造', indicators: [{ ...indicator, ...indicatorChange }], ...change },
});
/** 400 and 422 read the same in an assertion; anything else shows itself. */
const refused = (status: number): string | number => ([400, 422].includes(status) ? '400/422' : status);
const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const P = () => projectId;

type Row = {
  what: string;
  as: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: () => string;
  body?: unknown;
  raw?: { type: string; text: string };
  /** What the Chinese detail must say (names the field). */
  detail: RegExp;
};

const projects = (body: unknown, what: string, detail: RegExp, raw?: Row['raw']): Row => ({
  what,
  as: 'unit',
  method: 'post',
  url: () => '/projects',
  body,
  raw,
  detail,
});
const declare = (body: unknown, what: string, detail: RegExp): Row => ({
  what,
  as: 'unit',
  method: 'put',
  url: () => `/goals/${P()}/declaration`,
  body,
  detail,
});
const get = (as: string, url: () => string, what: string, detail: RegExp): Row => ({ what, as, method: 'get', url, detail });

const ROWS: Row[] = [
  // NUL bytes, in every kind of place
  projects({ project: { ...project, name: '校舍\u0000改造' } }, 'NUL in a name', /项目名称（project\.name）不能包含空字符/),
  projects({ project: { ...project, unitId: `U\u0000` } }, 'NUL in an id', /预算单位（project\.unitId）不能包含空字符/),
  projects({ project: { ...project, region: '\u0000' } }, 'NUL alone', /区划（project\.region）不能包含空字符/),
  projects({ project: { ...project, ['na\u0000me']: 'x' } }, 'NUL in a key', /不能包含空字符/),
  declare(declaration({ overallGoal: 'a\u0000' }), 'NUL in a goal text', /总体目标（declaration\.overallGoal）不能包含空字符/),
  declare(declaration({}, { name: '\u0000' }), 'NUL in an indicator name', /指标名称（declaration\.indicators\[0\]\.name）不能包含空字符/),
  declare(declaration({}, { annualTarget: '好\u0000' }), 'NUL in a target', /年度指标值.*不能包含空字符/),
  get('unit', () => `/goals/${P()}%00`, 'NUL in a path id', /不能包含空字符/),
  get('unit', () => '/goals?unitId=U%00', 'NUL in a query', /unitId.*不能包含空字符/),
  get('auditor', () => '/audit/goals/%00/history', 'NUL in an audit path', /不能包含空字符/),
  { what: 'NUL in a decision comment', as: 'reviewer', method: 'post', url: () => `/tasks/${P()}/rounds/1/decision`, body: { decision: 'return', rating: 'fair', comments: '\u0000' }, detail: /审核意见（comments）不能包含空字符/ },
  // lone surrogates
  projects({ project: { ...project, name: '\ud800x' } }, 'a lone high surrogate in a name', /项目名称（project\.name）包含无效的字符/),
  projects({ project: { ...project, name: 'x\udfff' } }, 'a lone low surrogate in a name', /项目名称（project\.name）包含无效的字符/),
  declare(declaration({}, { name: '\udbff' }), 'a lone surrogate in an indicator', /指标名称.*包含无效的字符/),
  get('unit', () => '/goals/%ED%A0%80', 'a surrogate encoded in UTF-8 in the path', /无效的编码/),
  // deep nesting
  projects(undefined, 'JSON nested 10,000 levels', /嵌套层级过深/, { type: 'application/json', text: deep(10_000) }),
  declare(undefined, 'JSON nested 100 levels', /嵌套层级过深/),
  // empty and non-JSON bodies
  projects(undefined, 'an empty JSON body', /项目（project）为必填项/, { type: 'application/json', text: '' }),
  projects(undefined, 'a JSON null body', /不是有效的 JSON|项目（project）/, { type: 'application/json', text: 'null' }),
  projects(undefined, 'a body that is not JSON', /必须是 JSON/, { type: 'text/plain', text: 'name=校舍' }),
  projects(undefined, 'a form body', /必须是 JSON/, { type: 'application/x-www-form-urlencoded', text: 'project=1' }),
  projects(undefined, 'broken JSON', /不是有效的 JSON/, { type: 'application/json', text: '{"project":{' }),
  projects([], 'a list for a body', /project为必填项/),
  // wrong types where a name is expected
  projects({ project: { ...project, name: 42 } }, 'a number for a name', /项目名称（project\.name）必须是文本/),
  projects({ project: { ...project, name: ['校舍'] } }, 'a list for a name', /项目名称（project\.name）必须是文本/),
  projects({ project: { ...project, name: null } }, 'null for a name', /项目名称（project\.name）/),
  projects({ project: [] }, 'a list for the project', /项目（project）格式不正确/),
  projects({ project: null }, 'null for the project', /项目（project）为必填项/),
  projects({ project: 'x' }, 'a text for the project', /项目（project）格式不正确/),
  projects({ project: { ...project, multiYear: [] } }, 'a list for the period', /实施期（project\.multiYear）格式不正确/),
  declare(declaration({}, { name: 42 }), 'a number for an indicator name', /指标名称（declaration\.indicators\[0\]\.name）必须是文本/),
  declare({ libraryId: 'L', declaration: { overallGoal: 'x', indicators: [{}] } }, 'indicators [{}]', /指标名称（declaration\.indicators\[0\]\.name）为必填项/),
  declare({ libraryId: 'L', declaration: { overallGoal: 'x', indicators: 'x' } }, 'indicators as text', /绩效指标（declaration\.indicators）必须是列表/),
  declare({ libraryId: 'L', declaration: null }, 'a null declaration', /绩效目标表（declaration）为必填项/),
  declare(declaration({ keyTasks: [{}] }), 'key tasks [{}]', /任务名称（declaration\.keyTasks\[0\]\.name）为必填项/),
  declare(declaration({}, { annualTarget: { a: 1 } }), 'an object for a target', /年度指标值.*应为数值（定量指标）或文字/),
  { what: 'ex-ante dimensions [{}]', as: 'reviewer', method: 'post', url: () => '/ex-ante-assessments/EA1/completion', body: { dimensions: [{}], opinion: '充分' }, detail: /评估维度（dimensions\[0\]\.dimension）/ },
  { what: 'ex-ante dimensions as text', as: 'reviewer', method: 'post', url: () => '/ex-ante-assessments/EA1/completion', body: { dimensions: 'x', opinion: '充分' }, detail: /评估维度得分（dimensions）必须是列表/ },
  { what: 'a number for a category', as: 'admin', method: 'post', url: () => '/indicator-libraries/L1/categories', body: { category: 42 }, detail: /指标类别（category）/ },
  // out-of-range and non-exact numbers
  get('unit', () => '/goals?page=99999999999999999999', 'page = 10^20', /page.*超出允许范围/),
  get('unit', () => '/goals?page=9999999', 'page too far', /页码（page）不能大于/),
  get('unit', () => '/goals?pageSize=-1', 'negative page size', /每页条数（pageSize）不能小于1/),
  get('unit', () => '/goals?fiscalYear=abc', 'a year that is not a number', /预算年度（fiscalYear）/),
  get('auditor', () => '/audit/streams/goal-x/events?to=99999999999999999999', 'to = 10^20', /to.*超出允许范围/),
  get('auditor', () => '/audit/streams/goal-x/events?to=9999999999', 'to beyond the version range', /截止版本（to）不能大于/),
  get('auditor', () => `/audit/goals/${P()}/state?asOf=2026-02-30`, 'a day that does not exist', /时点（asOf）/),
  get('auditor', () => `/audit/goals/${P()}/state?asOf=%2B275760-09-13`, 'a year beyond Date', /时点（asOf）/),
  { what: 'round = 10^20', as: 'reviewer', method: 'post', url: () => `/tasks/${P()}/rounds/99999999999999999999/decision`, body: { decision: 'approve', rating: 'good' }, detail: /round.*超出允许范围|审核轮次/ },
  { what: 'round not a number', as: 'reviewer', method: 'post', url: () => `/tasks/${P()}/rounds/abc/decision`, body: { decision: 'approve', rating: 'good' }, detail: /审核轮次（round）/ },
  projects({ project: { ...project, amount: 1e308 } }, 'amount 1e308', /预算金额（project\.amount）应为大于0的金额/),
  projects({ project: { ...project, amount: 0.001 } }, 'amount below a fen', /预算金额（project\.amount）应为大于0的金额/),
  projects({ project: { ...project, amount: 0.1 + 0.2 } }, 'amount with binary noise', /预算金额（project\.amount）应为大于0的金额/),
  projects({ project: { ...project, amount: '1200000' } }, 'amount as text', /预算金额（project\.amount）应为大于0的金额/),
  projects({ project: { ...project, fiscalYear: 1e20 } }, 'year 10^20', /预算年度（project\.fiscalYear）不能大于2100/),
  { what: 'applied amount 1e308', as: 'unit', method: 'post', url: () => '/fund-notices/N1/applications', body: { projectId: 'P1', amount: 1e308, purpose: '扩大覆盖' }, detail: /申请金额（amount）应为大于0的金额/ },
];

describe('bad inputs through the real gateway and goal-declaration: 400/422 problem+json, never 5xx', () => {
  it.each(ROWS.map((r) => [r.what, r] as const))('%s', async (_, row) => {
    let req = request(gateway.getHttpServer())[row.method](row.url()).set('authorization', `Bearer ${tokens[row.as]}`);
    if (row.raw) req = req.set('content-type', row.raw.type).send(row.raw.text);
    else if (row.what === 'JSON nested 100 levels') req = req.set('content-type', 'application/json').send(deep(100));
    else if (row.body !== undefined) req = req.send(row.body as object);
    const res = await req;
    expect({ status: refused(res.status), detail: res.body?.detail }).toEqual({ status: '400/422', detail: expect.stringMatching(row.detail) });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a 16 kB header with a 431 problem+json', async () => {
    const { port } = gateway.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/goals`, { headers: { authorization: `Bearer ${tokens['unit']}`, cookie: 'a'.repeat(16 * 1024) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/请求头过大/);
  });

  it('sends security headers and no-store on an authenticated answer, without X-Powered-By', async () => {
    const res = await request(gateway.getHttpServer()).get(`/goals/${P()}`).set('authorization', `Bearer ${tokens['unit']}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('reports Kafka in the gateway readiness', async () => {
    const res = await request(gateway.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details.kafka).toEqual({ status: 'up' });
  });
});

describe("goal-declaration's internal API guards its own inputs (it is called by other services too)", () => {
  let token: string;
  beforeAll(async () => {
    token = await InternalTokenIssuer.fromEnv('gateway').sign({ id: `zhang-${run}`, role: 'unit', unit }, 'goal-declaration');
  });
  const internal = (method: 'post' | 'put', url: string) =>
    request(goals.getHttpServer())[method](url).set('authorization', `Bearer ${token}`);

  it.each([
    ['NUL in a name', { project: { ...project, unitId: unit, name: 'a\u0000' } }, /project\.name.*不能包含空字符/],
    ['a lone surrogate in a name', { project: { ...project, unitId: unit, name: '\ud800' } }, /project\.name.*包含无效的字符/],
    ['a number for a name', { project: { ...project, unitId: unit, name: 42 } }, /项目名称/],
    ['a list for a name', { project: { ...project, unitId: unit, name: [] } }, /项目名称/],
  ])('%s', async (_, body, detail) => {
    const res = await internal('post', '/internal/projects').send(body);
    expect({ status: refused(res.status), detail: res.body.detail }).toEqual({ status: '400/422', detail: expect.stringMatching(detail) });
  });

  it('refuses JSON nested 10,000 levels', async () => {
    const res = await internal('post', '/internal/projects').set('content-type', 'application/json').send(deep(10_000));
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/嵌套层级过深/);
  });

  it('refuses ex-ante dimensions [{}] with a rule', async () => {
    const res = await internal('post', '/internal/ex-ante-assessments/EA-none/completion').send({ dimensions: [{}], opinion: 'x' });
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
