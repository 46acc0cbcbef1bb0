import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { NewEvent } from '@bpm/contracts';
import { PostgresEventStore } from '../../../libs/event-store/src';
import { DATABASE_URL, fmt, loadAverage, markdownTable, now } from './stats';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = 2; // each target runs ROUNDS times per scenario, alternating with the other
const APPENDS_PER_STREAM = 10; // writers move to a fresh stream every 10 appends (aggregates stay small)
const READ_BATCH = 1000;
const READ_CAP_MS = 5000;
const SCENARIOS = [
  { writers: 1, batch: 1 },
  { writers: 16, batch: 1 },
  { writers: 1, batch: 100 },
  { writers: 16, batch: 100 },
];
const POOL_SIZE = 16;

/** A goal-declaration-sized payload (~0.6 kB of JSON), the same for both targets. */
function payload(i: number) {
  return {
    projectId: `P-${i}`,
    overallGoal: '完成全县义务教育学校校舍改造，改善办学条件',
    indicators: [
      { name: '改造校舍面积', level1: 'output', level2: 'quantity', direction: '>=', unitOfMeasure: '平方米', annualTarget: 8000 + i },
      { name: '资金拨付及时率', level1: 'output', level2: 'timeliness', direction: '>=', unitOfMeasure: '%', annualTarget: 95 },
      { name: '受益学生人数', level1: 'benefit', level2: 'social', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 },
      { name: '服务对象满意度', level1: 'satisfaction', level2: 'service-recipient', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
    ],
  };
}

const metadata = () => ({ actor: { id: 'bench-user', role: 'unit' as const, unit: 'U-bench' }, correlationId: randomUUID() });

/** One writer's append: stream `w`'s k-th stream, at the expected version its position implies. */
type AppendOnce = (tag: string, writer: number, i: number, batch: number) => Promise<void>;

function streamOf(tag: string, writer: number, i: number) {
  return { stream: `bench-${tag}w${writer}s${Math.floor(i / APPENDS_PER_STREAM)}`, slot: i % APPENDS_PER_STREAM };
}

async function runWriters(tag: string, writers: number, batch: number, ms: number, append: AppendOnce) {
  let appends = 0;
  const start = now();
  const stopAt = start + ms;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; now() < stopAt; i++) {
        await append(tag, w, i, batch);
        appends++;
      }
    }),
  );
  return { appends, ms: now() - start };
}

export async function main() {
  const schema = `bench_es_${randomUUID().slice(0, 8)}`;
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, listen: false, poolConfig: { max: POOL_SIZE } });
  const raw = new Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
  const s = `"${schema}"`;
  try {
    const loadAtStart = loadAverage();
    await store.migrate();
    // The same columns, keys and indexes as the store's events table; no stream heads, no lock,
    // no hash chain, no NOTIFY: what the store adds on top of a bare multi-row INSERT.
    await raw.query(`
      CREATE TABLE ${s}.raw_events (
        seq            bigserial PRIMARY KEY,
        stream_id      text NOT NULL,
        category       text GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
        version        integer NOT NULL,
        event_id       uuid NOT NULL UNIQUE,
        type           text NOT NULL,
        source         text NOT NULL,
        schema_version integer NOT NULL,
        data           jsonb NOT NULL,
        metadata       jsonb NOT NULL,
        time           timestamptz NOT NULL,
        prev_hash      text,
        hash           text NOT NULL,
        tx_id          bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
        UNIQUE (stream_id, version)
      );
      CREATE INDEX raw_events_global ON ${s}.raw_events (tx_id, seq);
      CREATE INDEX raw_events_category ON ${s}.raw_events (category, tx_id, seq);`);

    const storeAppend: AppendOnce = async (tag, w, i, batch) => {
      const { stream, slot } = streamOf(tag, w, i);
      const events: NewEvent[] = Array.from({ length: batch }, (_, k) => ({ type: 'BenchEvent', data: payload(i * batch + k) }));
      await store.appendToStream(stream, events, { expectedVersion: slot * batch, metadata: metadata(), source: 'bench' });
    };

    const lastHash = new Map<number, string | null>();
    const rawAppend: AppendOnce = async (tag, w, i, batch) => {
      const { stream, slot } = streamOf(tag, w, i);
      const md = JSON.stringify(metadata());
      const time = new Date().toISOString();
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      let prev = slot === 0 ? null : (lastHash.get(w) ?? null);
      const rows: string[] = [];
      for (let k = 0; k < batch; k++) {
        const data = JSON.stringify(payload(i * batch + k));
        const hash = createHash('sha256').update(data).digest('hex');
        rows.push(`(${p(stream)}, ${p(slot * batch + k + 1)}, ${p(randomUUID())}, ${p('BenchEvent')}, ${p('bench')}, ${p(1)},
          ${p(data)}::jsonb, ${p(md)}::jsonb, ${p(time)}::timestamptz, ${p(prev)}, ${p(hash)})`);
        prev = hash;
      }
      lastHash.set(w, prev);
      await raw.query(
        `INSERT INTO ${s}.raw_events (stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
         VALUES ${rows.join(',')}`,
        params,
      );
    };

    // Open every connection and warm both paths before anything is timed.
    await runWriters('warm', POOL_SIZE, 1, 800, rawAppend);
    await runWriters('warm', POOL_SIZE, 1, 800, storeAppend);

    const appendRows: (string | number)[][] = [];
    for (const sc of SCENARIOS) {
      const total = { store: { appends: 0, ms: 0 }, raw: { appends: 0, ms: 0 } };
      for (let round = 0; round < ROUNDS; round++) {
        const tag = `${sc.writers}x${sc.batch}r${round}`;
        const ms = (SECONDS * 1000) / ROUNDS;
        for (const [name, fn] of round % 2 === 0 ? ([['raw', rawAppend], ['store', storeAppend]] as const) : ([['store', storeAppend], ['raw', rawAppend]] as const)) {
          const r = await runWriters(tag, sc.writers, sc.batch, ms, fn);
          total[name].appends += r.appends;
          total[name].ms += r.ms;
        }
      }
      const storeRate = (total.store.appends / total.store.ms) * 1000;
      const rawRate = (total.raw.appends / total.raw.ms) * 1000;
      appendRows.push([
        `append ${sc.batch} event${sc.batch > 1 ? 's' : ''}`,
        sc.writers,
        fmt(storeRate),
        fmt(storeRate * sc.batch),
        fmt(rawRate),
        fmt(rawRate * sc.batch),
        fmt(storeRate / rawRate, 2),
      ]);
      console.error(`measured: ${sc.writers} writer(s) × ${sc.batch} event(s)`);
    }

    // Diagnostic, not a scenario of the brief: the raw INSERT plus the store's pg_notify, in one
    // transaction. NOTIFY serialises commits on a cluster-wide lock, which caps concurrent writers.
    const rawTxAppend = (notify: boolean): AppendOnce => async (tag, w, i, batch) => {
      const client = await raw.connect();
      try {
        await client.query('BEGIN');
        const { stream, slot } = streamOf(tag, w, i);
        const data = JSON.stringify(payload(i));
        const hash = createHash('sha256').update(data).digest('hex');
        await client.query(
          `INSERT INTO ${s}.raw_events (stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
           VALUES ($1, $2, $3, 'BenchEvent', 'bench', 1, $4::jsonb, $5::jsonb, now(), NULL, $6)`,
          [stream, slot * batch + 1, randomUUID(), data, JSON.stringify(metadata()), hash],
        );
        if (notify) await client.query('SELECT pg_notify($1, $2)', [`bench_${schema}`, stream]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    const diag = { raw: { appends: 0, ms: 0 }, tx: { appends: 0, ms: 0 }, notify: { appends: 0, ms: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      const ms = (SECONDS * 1000) / ROUNDS / 2;
      for (const [name, fn] of [['raw', rawAppend], ['tx', rawTxAppend(false)], ['notify', rawTxAppend(true)]] as const) {
        const r = await runWriters(`diag${name}r${round}`, 16, 1, ms, fn);
        diag[name].appends += r.appends;
        diag[name].ms += r.ms;
      }
    }
    const diagRaw = (diag.raw.appends / diag.raw.ms) * 1000;
    const diagTx = (diag.tx.appends / diag.tx.ms) * 1000;
    const diagNotify = (diag.notify.appends / diag.notify.ms) * 1000;

    // Tail reads from the start in batches of 1000, up to READ_CAP_MS each.
    const storeTotal = Number((await raw.query(`SELECT count(*) FROM ${s}.events`)).rows[0].count);
    const rawTotal = Number((await raw.query(`SELECT count(*) FROM ${s}.raw_events`)).rows[0].count);
    const readStore = async () => {
      let after: string | undefined;
      let n = 0;
      const start = now();
      while (now() - start < READ_CAP_MS) {
        const page = await store.readAll({ after, limit: READ_BATCH });
        if (page.length === 0) break;
        n += page.length;
        after = page[page.length - 1].position;
      }
      return { n, ms: now() - start };
    };
    const readRaw = async () => {
      let after = '0';
      let n = 0;
      const start = now();
      while (now() - start < READ_CAP_MS) {
        const page = await raw.query(
          `SELECT seq, tx_id, stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash
           FROM ${s}.raw_events WHERE seq > $1 ORDER BY seq LIMIT ${READ_BATCH}`,
          [after],
        );
        if (page.rows.length === 0) break;
        n += page.rows.length;
        after = page.rows[page.rows.length - 1].seq;
      }
      return { n, ms: now() - start };
    };
    await readRaw(); // one pass each to warm the buffer cache, then the timed pass
    await readStore();
    const rr = await readRaw();
    const sr = await readStore();
    const storeReadRate = (sr.n / sr.ms) * 1000;
    const rawReadRate = (rr.n / rr.ms) * 1000;

    console.log(`\n### Event store (schema ${schema}, ${SECONDS}s per scenario and target, pool ${POOL_SIZE})\n`);
    console.log(
      markdownTable(
        ['operation', 'writers', 'store appends/s', 'store events/s', 'raw INSERTs/s', 'raw events/s', 'store ÷ raw'],
        appendRows,
      ),
    );
    console.log();
    console.log(
      markdownTable(
        ['operation', 'events read (of stored)', 'store events/s', 'raw events read (of stored)', 'raw events/s', 'store ÷ raw'],
        [[`tail read, batches of ${READ_BATCH}`, `${fmt(sr.n)} (of ${fmt(storeTotal)})`, fmt(storeReadRate), `${fmt(rr.n)} (of ${fmt(rawTotal)})`, fmt(rawReadRate), fmt(storeReadRate / rawReadRate, 2)]],
      ),
    );
    console.log();
    console.log(
      markdownTable(
        ['diagnostic (16 writers, 1 event)', 'appends/s', '÷ raw INSERT'],
        [
          ['raw INSERT (autocommit)', fmt(diagRaw), '1.00'],
          ['BEGIN; raw INSERT; COMMIT', fmt(diagTx), fmt(diagTx / diagRaw, 2)],
          ['BEGIN; raw INSERT; pg_notify; COMMIT', fmt(diagNotify), fmt(diagNotify / diagRaw, 2)],
        ],
      ),
    );
    console.log(`\nLoad average (1 min) on this host: ${loadAtStart} at start, ${loadAverage()} at end.`);
  } finally {
    await raw.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch((e) => console.error('drop failed', e));
    await store.close();
    await raw.end();
  }
}
