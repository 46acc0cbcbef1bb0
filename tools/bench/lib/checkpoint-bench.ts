import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { infraUrls } from '../../../libs/config/src';
import { Checkpointer, PostgresEventStore } from '../../../libs/event-store/src';
import { fmt, loadAverage, markdownTable, now } from './stats';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const INTERVAL_MS = Number(process.env['CHECKPOINT_BENCH_INTERVAL_MS'] ?? 1000);
const ROUNDS = 3;
const WRITERS = 16;
const APPENDS_PER_STREAM = 10;

export async function main() {
  const urls = infraUrls();
  const schema = `bench_cp_${randomUUID().slice(0, 8)}`;
  const store = new PostgresEventStore({
    connectionString: urls.databaseUrl,
    ownerConnectionString: urls.databaseOwnerUrl,
    schema,
    listen: false,
    poolConfig: { max: WRITERS + 2 },
  });
  const { privateKey } = generateKeyPairSync('ed25519');
  const durations: number[] = [];
  const checkpointer = new Checkpointer({ pool: store.pool, schema, privateKey, intervalMs: INTERVAL_MS });
  // Time each checkpoint: wrap take() (the timer calls it too).
  const take = checkpointer.take.bind(checkpointer);
  checkpointer.take = async () => {
    const t0 = now();
    const r = await take();
    if (r) durations.push(now() - t0);
    return r;
  };
  let streamCounter = 0;
  const round = async (tag: string) => {
    let appends = 0;
    const stopAt = now() + SECONDS * 1000;
    const start = now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = 0; now() < stopAt; i++) {
          const stream = `bench-${tag}${streamCounter++}`;
          for (let v = 0; v < APPENDS_PER_STREAM && now() < stopAt; v++) {
            await store.appendToStream(stream, [{ type: 'BenchEvent', data: { i, v, note: '改造校舍面积 8000 平方米' } }], {
              expectedVersion: v,
              source: 'bench',
              metadata: { actor: { id: 'bench', role: 'unit', unit: 'U-bench' }, correlationId: randomUUID() },
            });
            appends++;
          }
        }
      }),
    );
    return appends / ((now() - start) / 1000);
  };

  try {
    const load = loadAverage();
    await store.migrate();
    await round('warm');
    const without: number[] = [];
    const withCp: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      process.stderr.write(`round ${r + 1}/${ROUNDS}: without\n`);
      without.push(await round(`a${r}-`));
      process.stderr.write(`round ${r + 1}/${ROUNDS}: with checkpointer every ${INTERVAL_MS} ms\n`);
      checkpointer.start();
      withCp.push(await round(`b${r}-`));
      await checkpointer.stop();
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const streams = (await store.pool.query(`SELECT count(*)::int AS n FROM "${schema}".streams`)).rows[0].n;
    process.stdout.write(
      `## Checkpoint cost to appends (${WRITERS} writers, 1 event per append, ${SECONDS} s × ${ROUNDS} rounds each, load ${load})\n\n` +
        markdownTable(
          ['checkpointer', 'appends/s (mean)', 'rounds'],
          [
            ['off', fmt(mean(without)), without.map((x) => fmt(x)).join(' / ')],
            [`every ${INTERVAL_MS} ms`, fmt(mean(withCp)), withCp.map((x) => fmt(x)).join(' / ')],
          ],
        ) +
        `\n\nratio with/without: **${(mean(withCp) / mean(without)).toFixed(3)}**; ` +
        `${durations.length} checkpoints, mean ${fmt(mean(durations), 1)} ms each, ${streams} streams at the end\n`,
    );
  } finally {
    await checkpointer.stop();
    await store.close();
    const owner = new Pool({ connectionString: urls.databaseOwnerUrl, max: 1 });
    await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => owner.end());
  }
}
