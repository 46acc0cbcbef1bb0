import { Partitioners } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { IdempotentConsumer, type ConsumedEventHandler, type MessageOutcome } from './idempotent-consumer';
import { EventRelay } from './relay';
import { RelayCheckpoints } from './relay-checkpoints';
import { eventually, Harness, silentLogger } from '../test/harness';

jest.setTimeout(90_000);

describe('IdempotentConsumer with the relay (real Kafka + PostgreSQL)', () => {
  let h: Harness;
  let ds: DataSource;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    h = await new Harness().init();
    ds = await h.dataSource();
    await ds.query(`CREATE TABLE "${h.schema}".effects (event_id text PRIMARY KEY, n int NOT NULL)`);
  });
  afterAll(async () => {
    for (const r of running) await r.stop();
    await h.close();
  });

  /** The side effect under test: one row per event, incremented each time the handler runs. */
  const countEffect = async (event: RecordedEvent, manager: import('typeorm').EntityManager) => {
    await manager.query(
      `INSERT INTO "${h.schema}".effects (event_id, n) VALUES ($1, 1)
       ON CONFLICT (event_id) DO UPDATE SET n = effects.n + 1`,
      [event.id],
    );
  };
  const effects = async () =>
    new Map(
      ((await ds.query(`SELECT event_id, n FROM "${h.schema}".effects`)) as { event_id: string; n: number }[]).map(
        (r) => [r.event_id, r.n],
      ),
    );

  function relay(name: string, topic: string, category: string, afterPublish?: () => void) {
    const r = new EventRelay({
      name,
      store: h.store,
      kafka: h.kafka,
      pool: h.pool,
      schema: h.schema,
      topicOf: () => topic,
      categories: [category],
      batchSize: 100,
      logger: silentLogger,
      afterPublish,
    });
    running.push(r);
    return r;
  }

  async function consumer(name: string, topic: string, handle: ConsumedEventHandler, attempts = 3, isPermanent?: (error: unknown) => boolean) {
    const outcomes: { outcome: MessageOutcome; event?: RecordedEvent }[] = [];
    const c = new IdempotentConsumer({
      name,
      groupId: h.group(name),
      kafka: h.kafka,
      topics: [topic],
      dataSource: ds,
      schema: h.schema,
      handle,
      retry: { attempts, initialDelayMs: 20, maxDelayMs: 100 },
      logger: silentLogger,
      ...(isPermanent ? { isPermanent } : {}),
    });
    c.onOutcome((outcome, event) => outcomes.push({ outcome, event }));
    running.push(c);
    await c.start();
    return { c, outcomes };
  }

  it('a relay killed after the broker ack but before its checkpoint republishes; the effect still happens once', async () => {
    const topic = await h.topic('crash', 3);
    await h.append('crash-c1', ['A', 'B', 'C']);
    const appended = await h.append('crash-c2', ['A', 'B']);
    await h.settled();

    const killed = relay('crash', topic, 'crash', () => {
      throw new Error('killed between publish and checkpoint');
    });
    await expect(killed.publishBatch()).rejects.toThrow('killed between publish and checkpoint');
    await killed.stop();
    expect(await new RelayCheckpoints(h.pool, h.schema).load('crash')).toBeNull();

    const restarted = relay('crash', topic, 'crash');
    await restarted.start();
    await eventually(async () => (await restarted.lag()).eventsBehind === 0, 20_000, 'relay caught up');
    expect((await restarted.lag()).position).toBe(appended.events[1].position);

    const { outcomes } = await consumer('crash-consumer', topic, (event, { manager }) => countEffect(event, manager));
    await eventually(() => outcomes.length === 10, 30_000, '10 deliveries');
    expect(outcomes.filter((o) => o.outcome === 'handled')).toHaveLength(5);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(5);
    const seen = await effects();
    const ids = [...new Set(outcomes.map((o) => o.event!.id))];
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(seen.get(id)).toBe(1);
  });

  it('dead-letters a poison message with its error, rolls back its effects, and goes on with the next', async () => {
    const topic = await h.topic('poison', 1);
    await h.append('pzn-p', ['Ok1', 'Poison', 'Ok2', 'Flaky', 'Ok3']);
    await h.settled();
    const r = relay('poison', topic, 'pzn');
    expect(await r.publishBatch()).toBe(5);
    // A message that is not an event at all.
    const producer = h.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'garbage', value: '{not json' }] });
    await producer.disconnect();

    let flakyFailures = 0;
    const order: string[] = [];
    const { outcomes } = await consumer('poison-consumer', topic, async (event, { manager }) => {
      await countEffect(event, manager); // written first, so a failure must roll it back
      order.push(event.type);
      if (event.type === 'Poison') throw new Error('cannot apply Poison');
      if (event.type === 'Flaky' && flakyFailures++ < 2) throw new Error('transient');
    });
    await eventually(() => outcomes.length === 6, 30_000, '6 messages');

    expect(outcomes.map((o) => `${o.outcome}:${o.event?.type ?? '-'}`)).toEqual([
      'handled:Ok1',
      'dead-lettered:Poison',
      'handled:Ok2',
      'handled:Flaky',
      'handled:Ok3',
      'dead-lettered:-',
    ]);
    expect(order.filter((t) => t === 'Poison')).toHaveLength(3); // the configured attempts
    const byType = new Map(outcomes.filter((o) => o.event).map((o) => [o.event!.type, o.event!.id]));
    const seen = await effects();
    expect(seen.has(byType.get('Poison')!)).toBe(false);
    expect(seen.get(byType.get('Flaky')!)).toBe(1);
    expect(seen.get(byType.get('Ok2')!)).toBe(1);
    const inbox = (await ds.query(`SELECT event_id FROM "${h.schema}".inbox WHERE consumer = $1`, [
      'poison-consumer',
    ])) as { event_id: string }[];
    expect(inbox.map((r) => r.event_id).sort()).toEqual(
      ['Ok1', 'Ok2', 'Flaky', 'Ok3'].map((t) => byType.get(t)!).sort(),
    );

    const dlq = await h.collect([`${topic}.dlq`], 2);
    const poison = dlq.find((m) => m.headers['ce_type'] === 'Poison')!;
    expect(poison.key).toBe('pzn-p');
    expect(poison.headers).toMatchObject({
      dlq_error: 'Error: cannot apply Poison',
      dlq_consumer: 'poison-consumer',
      dlq_original_topic: topic,
      dlq_original_partition: '0',
      dlq_original_offset: '1',
      dlq_attempts: '3',
    });
    expect(poison.headers['ce_id']).toBe(byType.get('Poison'));
    const garbage = dlq.find((m) => m.key === 'garbage')!;
    expect(garbage.headers).toMatchObject({ dlq_error_kind: 'decode', dlq_original_offset: '5' });
    expect(garbage.value).toBe('{not json');

    // Every offset is committed, the dead-lettered ones included.
    const [committed] = await h.admin.fetchOffsets({ groupId: h.group('poison-consumer'), topics: [topic] });
    expect(committed.partitions[0].offset).toBe('6');
  });

  it('dead-letters a failure the handler calls permanent after one attempt, and goes on', async () => {
    class BrokenContract extends Error {}
    const topic = await h.topic('permanent', 1);
    await h.append('perm-p', ['Broken', 'Ok']);
    await h.settled();
    expect(await relay('permanent', topic, 'perm').publishBatch()).toBe(2);
    const tries: string[] = [];
    const { outcomes } = await consumer(
      'permanent-consumer',
      topic,
      async (event) => {
        tries.push(event.type);
        if (event.type === 'Broken') throw new BrokenContract('data does not match its schema');
      },
      5,
      (error) => error instanceof BrokenContract,
    );
    await eventually(() => outcomes.length === 2, 30_000, '2 messages');
    expect(outcomes.map((o) => `${o.outcome}:${o.event?.type}`)).toEqual(['dead-lettered:Broken', 'handled:Ok']);
    expect(tries).toEqual(['Broken', 'Ok']);
    const [dead] = await h.collect([`${topic}.dlq`], 1);
    expect(dead.headers).toMatchObject({ ce_type: 'Broken', dlq_error_kind: 'permanent', dlq_attempts: '1' });
  });
});
