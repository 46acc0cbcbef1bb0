import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { jsonlCheckpointSink, parseCheckpointLog } from '../checkpoint/jsonl-sink';
import { createTestStore } from '../../testing/pg';
import { backupStore, restoreStore } from './backup';
import { Checkpointer } from './checkpointer';
import { migrate } from './migrations';
import { PostgresEventStore } from './store';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Backup as the application role, restore as the owner: the copy verifies against the signed checkpoints. */
// They wait for checkpoints to cover the appends (visibility is cluster-wide) and spawn tsx: slow under load.
jest.setTimeout(60_000);

describe('logical backup and restore of the event store', () => {
  let source: Awaited<ReturnType<typeof createTestStore>>;
  const targets: string[] = [];
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const logFile = join(mkdtempSync(join(tmpdir(), 'bpm-bk-')), 'checkpoints.jsonl');
  const goal = `goal-P-${randomUUID().slice(0, 8)}`;
  const opts = (expectedVersion: number) => ({
    expectedVersion,
    source: 'goal-declaration',
    metadata: { actor: { id: 'wang5', role: 'finance-reviewer' as const }, correlationId: randomUUID() },
  });
  let lines: string[] = [];
  let cpId: number;

  async function restoreInto(backup: string[]) {
    const schema = `es_test_restore_${randomBytes(4).toString('hex')}`;
    targets.push(schema);
    await migrate(source.ownerPool, schema);
    const result = await restoreStore(source.ownerPool, schema, backup);
    return { schema, result, store: new PostgresEventStore({ pool: source.pool, schema, listen: false }) };
  }

  beforeAll(async () => {
    source = await createTestStore('backup');
    for (let i = 0; i < 3; i++) await source.store.appendToStream(goal, [{ type: 'GoalDeclared', data: { i } }], opts(i));
    await source.store.appendToStream(goal, [{ type: 'GoalApproved', data: { rating: '良' } }], opts(3));
    const r = await source.store.appendToStream(`goal-P-${randomUUID().slice(0, 8)}`, [{ type: 'ProjectRegistered', data: { n: '学校' } }], opts(0));
    const checkpointer = new Checkpointer({ pool: source.pool, schema: source.schema, privateKey, sinks: [jsonlCheckpointSink(logFile)] });
    cpId = (await checkpointer.takeCovering(r.events[0].position)).statement.id; // under load an earlier one may have seen less
    await source.store.appendToStream(goal, [{ type: 'GoalAdjustmentRequested', data: {} }], opts(4)); // after the checkpoint
    lines = [];
    const counts = await backupStore(source.pool, source.schema, (l) => void lines.push(l)); // as bpm_app
    expect(counts).toEqual({ events: 6, checkpoints: cpId });
  });
  afterAll(async () => {
    for (const t of targets) await source.ownerPool.query(`DROP SCHEMA IF EXISTS "${t}" CASCADE`);
    await source.drop();
  });

  it('restores every event at its position, rebuilds the heads, and the copy verifies against the checkpoints', async () => {
    const { store, result } = await restoreInto(lines);
    expect(result).toEqual({ events: 6, checkpoints: cpId });
    const original = await source.store.readStream(goal);
    expect(await store.readStream(goal)).toEqual(original); // positions included
    const published = parseCheckpointLog(readFileSync(logFile, 'utf8'));
    const report = await store.verify({ checkpoints: { publicKey, published, store: source.schema } });
    expect(report).toMatchObject({ ok: true, anchoredStreams: 2, checkpoint: { id: cpId }, broken: [] });
    // The restored store takes new appends after the restored ones.
    const next = await store.appendToStream(goal, [{ type: 'GoalAdjusted', data: {} }], opts(5));
    expect(next.events[0].position > original[original.length - 1].position).toBe(true);
  });

  it('a backup whose history was rewritten (chain recomputed) restores, but fails against the checkpoint', async () => {
    const forged = lines.map((l) => JSON.parse(l));
    let prev: string | null = null;
    for (const r of forged.filter((x) => x.kind === 'event' && x.stream_id === goal).sort((a, b) => a.version - b.version)) {
      if (r.version === 4) r.data = { rating: '优' };
      r.prev_hash = prev;
      const canon = (v: unknown): string =>
        v === null || typeof v !== 'object'
          ? JSON.stringify(v)
          : Array.isArray(v)
            ? `[${v.map(canon).join(',')}]`
            : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
      r.hash = createHash('sha256')
        .update(canon({ id: r.event_id, type: r.type, source: r.source, subject: r.stream_id, time: r.time, schemaVersion: r.schema_version, data: r.data, metadata: r.metadata, version: r.version, prevHash: r.prev_hash }))
        .digest('hex');
      prev = r.hash;
    }
    const { store } = await restoreInto(forged.map((r) => JSON.stringify(r)));
    expect((await store.verify()).ok).toBe(true); // the chain alone is fooled
    const report = await store.verify({ checkpoints: { publicKey, store: source.schema } });
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([expect.objectContaining({ stream: goal, version: 4, reason: expect.stringMatching(new RegExp(`signed checkpoint ${cpId}`)) })]);
  });

  it('refuses a backup whose chain does not link', async () => {
    const broken = lines.map((l) => JSON.parse(l));
    const victim = broken.find((r) => r.kind === 'event' && r.stream_id === goal && r.version === 2);
    victim.prev_hash = 'f'.repeat(64);
    await expect(restoreInto(broken.map((r) => JSON.stringify(r)))).rejects.toThrow(/does not chain/);
  });
});
