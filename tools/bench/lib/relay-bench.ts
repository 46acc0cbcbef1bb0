import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import type { RecordedEvent } from '@bpm/contracts';
import { PostgresEventStore } from '../../../libs/event-store/src';
import { EventRelay, encodeEvent } from '../../../libs/messaging/src';
import { DATABASE_URL, fmt, KAFKA_BROKERS, loadAverage, markdownTable, now, sleep } from './stats';

const N = Number(process.env['RELAY_EVENTS'] ?? 20_000);
const BATCH = Number(process.env['RELAY_BATCH'] ?? 500);
const PARTITIONS = 6;
const EVENTS_PER_STREAM = 10;
const APPEND_WRITERS = 8;
const TIMEOUT_MS = 5 * 60_000;

function payload(i: number) {
  return {
    projectId: `P-${i}`,
    overallGoal: '完成全县义务教育学校校舍改造，改善办学条件',
    indicators: [
      { name: '改造校舍面积', level1: 'output', level2: 'quantity', direction: '>=', unitOfMeasure: '平方米', annualTarget: 8000 + i },
      { name: '服务对象满意度', level1: 'satisfaction', level2: 'service-recipient', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
    ],
  };
}

/** Appends `count` events as streams of EVENTS_PER_STREAM, APPEND_WRITERS at a time. */
async function appendEvents(store: PostgresEventStore, prefix: string, count: number) {
  const streams = Math.ceil(count / EVENTS_PER_STREAM);
  let next = 0;
  await Promise.all(
    Array.from({ length: APPEND_WRITERS }, async () => {
      for (let k = next++; k < streams; k = next++) {
        const n = Math.min(EVENTS_PER_STREAM, count - k * EVENTS_PER_STREAM);
        await store.appendToStream(
          `goal-${prefix}${k}`,
          Array.from({ length: n }, (_, i) => ({ type: 'BenchEvent', data: payload(k * EVENTS_PER_STREAM + i) })),
          { expectedVersion: 0, metadata: { actor: { id: 'bench', role: 'unit', unit: 'U-bench' }, correlationId: randomUUID() }, source: 'bench' },
        );
      }
    }),
  );
}

export async function main() {
  const run = randomUUID().slice(0, 8);
  const schema = `bench_relay_${run}`;
  const relayTopic = `bench.relay-${run}.events.v1`;
  const rawTopic = `bench.raw-${run}.events.v1`;
  const kafka = new Kafka({ clientId: `bench-relay-${run}`, brokers: KAFKA_BROKERS, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, listen: false, poolConfig: { max: 10 } });
  const relay = new EventRelay({
    name: 'bench',
    store,
    kafka,
    pool: store.pool,
    schema,
    topicOf: () => relayTopic,
    batchSize: BATCH,
    pollIntervalMs: 50,
  });
  const producer = kafka.producer({
    // The relay's producer settings, so the difference is the relay's own work.
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  let topicsCreated = false;
  try {
    const loadAtStart = loadAverage();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [relayTopic, rawTopic].map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
    });
    topicsCreated = true;
    await store.migrate();

    // One warm-up batch first: both paths connect their producer and learn the topic's metadata untimed.
    const t0 = now();
    await appendEvents(store, 'warm', BATCH);
    await appendEvents(store, 'b', N);
    const appendMs = now() - t0;
    const head = await store.headPosition();

    // The relay's warm-up batch through its own batch path (connects its producer), then the timed run.
    const warm = await relay.publishBatch();
    if (warm !== BATCH) throw new Error(`warm-up published ${warm}, expected ${BATCH}`);
    const checkpoint = async () =>
      (await store.pool.query<{ position: string | null }>(`SELECT position FROM "${schema}".relay_checkpoints WHERE relay_name = 'bench'`)).rows[0]
        ?.position;
    const relayStart = now();
    await relay.start();
    while ((await checkpoint()) !== head) {
      if (now() - relayStart > TIMEOUT_MS) throw new Error('relay did not catch up in time');
      await sleep(5);
    }
    const relayMs = now() - relayStart;
    await relay.stop();
    const lag = await relay.lag();
    if (lag.eventsBehind !== 0) throw new Error(`relay lag ${lag.eventsBehind} after catching up`);

    // The same events, read and encoded beforehand, sent by a bare producer in the same batches.
    // Timed too (diagnostic): the relay's reads alone, in its batch size, without Kafka.
    const events: RecordedEvent[] = [];
    const readStart = now();
    for (let after: string | undefined; ; ) {
      const page = await store.readAll({ after, limit: BATCH });
      if (page.length === 0) break;
      events.push(...page);
      after = page[page.length - 1].position;
    }
    const readMs = now() - readStart;
    const messages: Message[] = events.map(encodeEvent);
    const batches: Message[][] = [];
    for (let i = 0; i < messages.length; i += BATCH) batches.push(messages.slice(i, i + BATCH));
    await producer.connect();
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages: batches[0] }] }); // warm-up
    const rawStart = now();
    for (const messages of batches.slice(1)) await producer.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages }] });
    const rawMs = now() - rawStart;

    // Both topics must hold every message (warm-up included).
    const offsets = async (topic: string) =>
      (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    const [inRelayTopic, inRawTopic] = [await offsets(relayTopic), await offsets(rawTopic)];

    const relayRate = (N / relayMs) * 1000;
    const rawRate = (N / rawMs) * 1000;
    const avgBytes = messages.reduce((s, m) => s + Buffer.byteLength(m.value as string), 0) / messages.length;
    console.log(
      `\n### Relay (${fmt(N)} events after a ${BATCH}-event warm-up, batches of ${BATCH}, topic of ${PARTITIONS} partitions, ` +
        `~${fmt(avgBytes)} B per message value; appending them took ${fmt(appendMs / 1000, 1)} s)\n`,
    );
    console.log(
      markdownTable(
        ['path', 'events', 'seconds', 'events/s', 'relay ÷ raw', 'messages in topic'],
        [
          ['EventRelay (read, encode, send acks=-1, checkpoint) until lag 0', fmt(N), fmt(relayMs / 1000, 2), fmt(relayRate), fmt(relayRate / rawRate, 2), fmt(inRelayTopic)],
          ['raw kafkajs producer, same messages pre-encoded, acks=-1', fmt(N), fmt(rawMs / 1000, 2), fmt(rawRate), '1.00', fmt(inRawTopic)],
          [`diagnostic: store.readAll alone, batches of ${BATCH} (incl. warm-up)`, fmt(events.length), fmt(readMs / 1000, 2), fmt((events.length / readMs) * 1000), '', ''],
        ],
      ),
    );
    console.log(`\nLoad average (1 min) on this host: ${loadAtStart} at start, ${loadAverage()} at end.`);
  } finally {
    await relay.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    if (topicsCreated) await admin.deleteTopics({ topics: [relayTopic, rawTopic] }).catch((e) => console.error('topic delete failed', e));
    await admin.disconnect().catch(() => undefined);
    await store.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch((e) => console.error('drop failed', e));
    await store.close();
  }
}
