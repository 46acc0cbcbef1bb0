import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { jsonlCheckpointSink, parseCheckpointLog } from '../checkpoint/jsonl-sink';
import { verifyExport } from '../checkpoint/verify-export';
import { createTestStore, DATABASE_ADMIN_URL } from '../../testing/pg';
import { checkpointRefusal } from '../../testing/checkpoints';
import { Checkpointer } from './checkpointer';

/**
 * The attack from issue 8, step by step, as a database superuser would do it, with its own
 * canonical JSON and SHA-256 (nothing of ours): rewrite an approved goal's rating 良 → 优,
 * recompute the chain, move the head. The chain alone still verifies; the signed checkpoint does not.
 */
function independentCanonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(independentCanonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${independentCanonical(o[k])}`)
    .join(',')}}`;
}

async function rewriteAsSuperuser(schema: string, stream: string, fromVersion: number, change: (data: Record<string, unknown>) => void) {
  const db = new Client({ connectionString: DATABASE_ADMIN_URL });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica'); // the triggers stop firing
    const { rows } = await db.query(
      `SELECT event_id, type, source, stream_id, time, schema_version, data, metadata, version, prev_hash
       FROM "${schema}".events WHERE stream_id = $1 ORDER BY version`,
      [stream],
    );
    let prev: string | null = null;
    for (const r of rows) {
      if (r.version === fromVersion) change(r.data);
      if (r.version >= fromVersion) r.prev_hash = prev;
      const hash = createHash('sha256')
        .update(
          independentCanonical({
            id: r.event_id,
            type: r.type,
            source: r.source,
            subject: r.stream_id,
            time: (r.time as Date).toISOString(),
            schemaVersion: r.schema_version,
            data: r.data,
            metadata: r.metadata,
            version: r.version,
            prevHash: r.prev_hash,
          }),
        )
        .digest('hex');
      if (r.version >= fromVersion) {
        await db.query(`UPDATE "${schema}".events SET data = $2, prev_hash = $3, hash = $4 WHERE event_id = $1`, [
          r.event_id,
          JSON.stringify(r.data),
          r.prev_hash,
          hash,
        ]);
      }
      prev = hash;
    }
    await db.query(`UPDATE "${schema}".streams SET last_hash = $2 WHERE stream_id = $1`, [stream, prev]);
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

// They wait for checkpoints to cover the appends (visibility is cluster-wide) and spawn tsx: slow under load.
jest.setTimeout(60_000);

describe('signed checkpoints: the superuser attack of issue 8 is detected', () => {
  let t: Awaited<ReturnType<typeof createTestStore>>;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const logFile = join(mkdtempSync(join(tmpdir(), 'bpm-cp-')), 'checkpoints.jsonl');
  let checkpointer: Checkpointer;
  let last: string;
  /** The checkpoint that covers all appends (an earlier one may have seen fewer, under load). */
  let cpId: number;
  const goal = `goal-P-${randomUUID().slice(0, 8)}`;
  const other = `goal-P-${randomUUID().slice(0, 8)}`;
  const opts = (expectedVersion: number) => ({
    expectedVersion,
    source: 'goal-declaration',
    metadata: { actor: { id: 'wang5', role: 'finance-reviewer' as const }, correlationId: randomUUID() },
  });

  beforeAll(async () => {
    t = await createTestStore('cp');
    checkpointer = new Checkpointer({ pool: t.pool, schema: t.schema, privateKey, sinks: [jsonlCheckpointSink(logFile)] });
    const types = ['ProjectRegistered', 'GoalDeclared', 'GoalSubmittedForReview'];
    for (const [i, type] of types.entries()) await t.store.appendToStream(goal, [{ type, data: { projectId: goal, step: i } }], opts(i));
    await t.store.appendToStream(goal, [{ type: 'GoalApproved', data: { projectId: goal, rating: '良', by: 'wang5' } }], opts(3));
    last = (await t.store.appendToStream(other, [{ type: 'ProjectRegistered', data: { projectId: other } }], opts(0))).events[0].position;
  });
  afterAll(async () => {
    await checkpointer.stop();
    await t.drop();
  });

  it('signs a checkpoint over every stream head, stores it and publishes it to the log', async () => {
    const signed = await checkpointer.takeCovering(last);
    cpId = signed.statement.id;
    expect(signed.statement).toMatchObject({ streams: 2, store: t.schema });
    expect(parseCheckpointLog(readFileSync(logFile, 'utf8')).map((c) => c.statement.id)).toEqual(
      Array.from({ length: cpId }, (_, i) => i + 1),
    );
    expect(parseCheckpointLog(readFileSync(logFile, 'utf8')).at(-1)).toEqual(signed);
    expect(await checkpointer.take()).toBeNull(); // nothing new, nothing signed
    const report = await t.store.verify({ checkpoints: { publicKey } });
    expect(report).toMatchObject({ ok: true, anchoredStreams: 2, checkpoint: { id: cpId }, checkpointProblems: [] });
    const exp = await t.store.exportStream(goal);
    expect(verifyExport(exp, publicKey).ok).toBe(true);
    // A key the auditor does not trust signs nothing that counts.
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect(verifyExport(exp, stranger).problems).toEqual(['the checkpoint’s signature does not hold for this public key']);
  });

  it('after the rewrite the chain alone still verifies, but the checkpoint names the stream and the version', async () => {
    // One more event after the checkpoint, so the attacker must rewrite it too.
    await t.store.appendToStream(goal, [{ type: 'GoalAdjustmentRequested', data: { projectId: goal } }], opts(4));
    const honestExport = await t.store.exportStream(goal);

    await rewriteAsSuperuser(t.schema, goal, 4, (data) => (data['rating'] = '优'));
    expect((await t.store.readStream(goal))[3].data).toMatchObject({ rating: '优' });
    // This is what the auditor saw before: {"intact": true}.
    expect((await t.store.verify({ streams: [goal] })).ok).toBe(true);

    const report = await t.store.verify({ checkpoints: { publicKey } });
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([
      { stream: goal, version: 4, eventId: expect.any(String), reason: `event differs from signed checkpoint ${cpId}: history before it was rewritten` },
    ]);
    expect(report.streamsChecked).toBe(2); // the other stream is checked and intact

    // The auditor's own copy: the export taken now fails with the public key alone; the earlier one holds.
    const verdict = verifyExport(await t.store.exportStream(goal), publicKey);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join()).toMatch(new RegExp(`version 4 .*signed checkpoint ${cpId}`));
    expect(verifyExport(honestExport, publicKey).ok).toBe(true);
  });

  it('the checkpointer refuses to sign over the rewritten history', async () => {
    expect((await checkpointRefusal(checkpointer)).message).toMatch(new RegExp(`${goal}: event 5 does not chain`));
  });

  it('a deleted checkpoint is caught by the published log, a forged one by its signature', async () => {
    const db = new Client({ connectionString: DATABASE_ADMIN_URL });
    await db.connect();
    try {
      await db.query('SET session_replication_role = replica');
      await db.query(`DELETE FROM "${t.schema}".checkpoint_leaves`);
      await db.query(`DELETE FROM "${t.schema}".checkpoints`);
      // The attacker signs the rewritten heads with a key of his own.
      const forger = new Checkpointer({ pool: t.pool, schema: t.schema, privateKey: generateKeyPairSync('ed25519').privateKey });
      await forger.takeCovering(last);
    } finally {
      await db.end();
    }
    const published = parseCheckpointLog(readFileSync(logFile, 'utf8'));
    const report = await t.store.verify({ checkpoints: { publicKey, published } });
    expect(report.ok).toBe(false);
    expect(report.checkpoint).toBeNull();
    expect(report.checkpointProblems?.[0]).toBe('checkpoint 1 in the database does not carry a valid signature');
    expect(report.checkpointProblems).toContain(
      `checkpoint ${cpId} was published but the database ${cpId === 1 ? 'holds a different one' : 'lacks it'}`,
    );
    expect(verifyExport(await t.store.exportStream(goal), publicKey).ok).toBe(false);
  });
});
