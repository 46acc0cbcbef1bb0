import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/activity';
import { InternalTokenIssuer, InternalTokenVerifier } from '@bpm/auth';
import { createCorrectiveCaseActivities, MONITORING_UNAVAILABLE } from './activities';

/** The activities against a stand-in monitoring: what each call carries, and how answers map. */
type Seen = { url?: string; headers: IncomingMessage['headers']; body: unknown };
let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let answer: (res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      seen.push({ url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
      answer(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  seen = [];
  answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"escalated","version":3}');
});

const activities = () => createCorrectiveCaseActivities({ monitoringUrl: baseUrl, timeoutMs: 2_000 }, InternalTokenIssuer.fromEnv('orchestrator'));
const identityOf = (s: Seen) => InternalTokenVerifier.fromEnv('monitoring').verify(String(s.headers.authorization).replace(/^Bearer /, ''));
const notice = { caseId: 'P-1-202606-ab', projectId: 'P-1', unitId: 'U1', dueAt: '2026-07-15T09:59:59.999Z', at: '2026-07-15T10:00:01.000Z' };

describe('corrective-case activities (HTTP to monitoring)', () => {
  it('escalates as the orchestrator’s system actor, with the workflow’s clock', async () => {
    await activities().escalateCorrectiveCase(notice);
    expect(seen[0].url).toBe('/internal/monitoring/cases/P-1-202606-ab/escalation');
    expect(seen[0].headers['x-actor-at']).toBe(notice.at);
    expect((await identityOf(seen[0])).actor).toMatchObject({ id: 'orchestrator', role: 'system' });
  });

  it('records the answer as the unit user the Update validated, at monitoring’s now (no clock header)', async () => {
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'answered', version: 2, answer: { choice: 'cancel', late: true } }));
    const result = await activities().recordCorrectiveAnswer({
      caseId: 'P-1-202606-ab', choice: 'cancel', reasons: '项目条件已变化', actor: { id: 'zhang3', role: 'unit', unit: 'U1' }, correlationId: 'corr-7', at: notice.at,
    });
    expect(result).toEqual({ version: 2, late: true });
    expect(seen[0].body).toEqual({ choice: 'cancel', reasons: '项目条件已变化' });
    expect(seen[0].headers['x-actor-at']).toBeUndefined();
    expect(seen[0].headers['x-correlation-id']).toBe('corr-7');
    expect((await identityOf(seen[0])).actor).toMatchObject({ id: 'zhang3', role: 'unit', unit: 'U1' });
  });

  it('makes a 5xx retryable and an unreadable answer to the answer non-retryable', async () => {
    answer = (res) => res.writeHead(503).end();
    const down = await activities().sendCorrectiveReminder(notice).catch((e) => e);
    expect(down).toBeInstanceOf(ApplicationFailure);
    expect(down).toMatchObject({ type: MONITORING_UNAVAILABLE, nonRetryable: false });
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    const odd = await activities()
      .recordCorrectiveAnswer({ caseId: 'c', choice: 'continue', reasons: 'r', actor: { id: 'u', role: 'unit', unit: 'U1' }, correlationId: 'c', at: notice.at })
      .catch((e) => e);
    expect(odd).toMatchObject({ type: 'MONITORING_BAD_RESPONSE', nonRetryable: true });
  });

  it('makes an unreachable monitoring retryable', async () => {
    const unreachable = createCorrectiveCaseActivities({ monitoringUrl: 'http://127.0.0.1:1', timeoutMs: 500 }, InternalTokenIssuer.fromEnv('orchestrator'));
    await expect(unreachable.escalateCorrectiveCase(notice)).rejects.toMatchObject({ type: MONITORING_UNAVAILABLE, nonRetryable: false });
  });
});
