import { infraUrls } from '@bpm/config';
import { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';
import { Checkpointer, PostgresEventStore, verifyExport } from '@bpm/event-store';
import { call, createGatewayApp, tokensFor, type Person } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import { anchoredAuditStore } from './audit-store';

const urls = infraUrls();
const root = join(__dirname, '../../../..');
const run = promisify(execFile);

/** tools/verify with only the public key and the file; resolves with its exit code and output. */
async function offlineVerify(exported: unknown, publicKeyPem: string): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bpm-export-'));
  writeFileSync(join(dir, 'export.json'), JSON.stringify(exported));
  writeFileSync(join(dir, 'key.pub.pem'), publicKeyPem);
  try {
    const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), ['tools/verify/verify.ts', '--public-key', join(dir, 'key.pub.pem'), join(dir, 'export.json')], { cwd: root });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/** The issue-8 attack through the auditor's own endpoints: export, verification, offline verifier. */
// They wait for checkpoints to cover the appends (visibility is cluster-wide) and spawn tsx: slow under load.
jest.setTimeout(60_000);

describe('GET /audit/goals/:projectId/export and verification against signed checkpoints', () => {
  const schema = `gw_export_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: urls.databaseUrl, max: 4 });
  const store = new PostgresEventStore({ pool, schema, listen: false, ownerConnectionString: urls.databaseOwnerUrl });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const stub = new StubGoalDeclaration();
  const projectId = `P-EXP-${randomBytes(3).toString('hex')}`;
  let app: INestApplication;
  let tokens: Record<Person, string>;

  beforeAll(async () => {
    await store.migrate();
    const metadata = { actor: { id: 'wang5', role: 'finance-reviewer' as const }, correlationId: 'c-exp' };
    const types = ['ProjectRegistered', 'GoalDeclared', 'GoalSubmittedForReview'];
    for (const [i, type] of types.entries()) {
      await store.appendToStream(`goal-${projectId}`, [{ type, data: { projectId } }], { expectedVersion: i, source: 'goal-declaration', metadata });
    }
    const approved = await store.appendToStream(`goal-${projectId}`, [{ type: 'GoalApproved', data: { projectId, rating: '良', by: 'wang5' } }], { expectedVersion: 3, source: 'goal-declaration', metadata });
    await new Checkpointer({ pool, schema, privateKey }).takeCovering(approved.events[0].position);
    await stub.start();
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, auditStore: anchoredAuditStore(store, () => publicKey) });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app?.close();
    await stub.stop();
    await pool.end();
    const owner = new Pool({ connectionString: urls.databaseOwnerUrl, max: 1 });
    await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => owner.end());
  });

  it('exports the history with the checkpoint and proof, which the offline verifier accepts', async () => {
    const res = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/export`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'bpm-audit-export/1', stream: `goal-${projectId}`, anchor: { leaf: { version: 4 } } });
    expect(verifyExport(res.body, publicKey).ok).toBe(true);
    const offline = await offlineVerify(res.body, publicKeyPem);
    expect(offline).toMatchObject({ code: 0, out: expect.stringContaining('intact') });
    expect((await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/verification`)).body.intact).toBe(true);
  });

  it('is for auditors: a unit gets 403, an unknown goal 404', async () => {
    expect((await call(app, tokens.unitU001, 'get', `/audit/goals/${projectId}/export`)).status).toBe(403);
    expect((await call(app, tokens.auditor, 'get', `/audit/goals/P-NONE/export`)).status).toBe(404);
  });

  it('after a superuser rewrites 良 → 优 and recomputes the chain, all three answer: not intact', async () => {
    const db = new Client({ connectionString: urls.databaseAdminUrl });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('SET LOCAL session_replication_role = replica');
      const { rows } = await db.query(`SELECT * FROM "${schema}".events WHERE stream_id = $1 AND version = 4`, [`goal-${projectId}`]);
      const r = rows[0];
      const data = { ...r.data, rating: '优' };
      // An independent canonical JSON: sorted keys, no spaces (enough for this ASCII-and-CJK data).
      const canon = (v: unknown): string =>
        v === null || typeof v !== 'object'
          ? JSON.stringify(v)
          : Array.isArray(v)
            ? `[${v.map(canon).join(',')}]`
            : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
      const hash = createHash('sha256')
        .update(canon({ id: r.event_id, type: r.type, source: r.source, subject: r.stream_id, time: r.time.toISOString(), schemaVersion: r.schema_version, data, metadata: r.metadata, version: 4, prevHash: r.prev_hash }))
        .digest('hex');
      await db.query(`UPDATE "${schema}".events SET data = $2, hash = $3 WHERE event_id = $1`, [r.event_id, JSON.stringify(data), hash]);
      await db.query(`UPDATE "${schema}".streams SET last_hash = $2 WHERE stream_id = $1`, [`goal-${projectId}`, hash]);
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
    // The chain alone is fooled: this is the answer the tester got before.
    expect((await store.verify({ streams: [`goal-${projectId}`] })).ok).toBe(true);

    const verification = await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/verification`);
    expect(verification.body).toMatchObject({
      intact: false,
      firstBrokenLink: { stream: `goal-${projectId}`, version: 4, reason: expect.stringMatching(/signed checkpoint/) },
    });
    const exported = (await call(app, tokens.auditor, 'get', `/audit/goals/${projectId}/export`)).body;
    const offline = await offlineVerify(exported, publicKeyPem);
    expect(offline.code).toBe(1);
    expect(offline.out).toContain(`事件流 goal-${projectId} 版本 4`);
    expect(offline.out).toContain('NOT intact');
  });
});
