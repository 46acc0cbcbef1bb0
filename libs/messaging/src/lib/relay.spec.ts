import { EventRelay } from './relay';
import { RelayCheckpoints } from './relay-checkpoints';
import { eventOf, eventually, Harness, silentLogger } from '../test/harness';

jest.setTimeout(60_000);

describe('EventRelay (real Kafka + PostgreSQL)', () => {
  let h: Harness;
  let goalTopic: string;
  let monitoringTopic: string;
  const relays: EventRelay[] = [];

  beforeAll(async () => {
    h = await new Harness().init();
    goalTopic = await h.topic('goal', 3);
    monitoringTopic = await h.topic('monitoring', 3);
  });
  afterAll(async () => {
    for (const r of relays) await r.stop();
    await h.close();
  });

  const topicOf = (stream: string) => (stream.startsWith('goal-') ? goalTopic : monitoringTopic);
  const relay = (name: string, extra: Partial<ConstructorParameters<typeof EventRelay>[0]> = {}) => {
    const r = new EventRelay({
      name,
      store: h.store,
      kafka: h.kafka,
      pool: h.pool,
      schema: h.schema,
      topicOf,
      batchSize: 7,
      pollIntervalMs: 50,
      errorBackoffMs: 100,
      logger: silentLogger,
      ...extra,
    });
    relays.push(r);
    return r;
  };

  it('publishes every event, to its category topic, in stream order per key, and reports zero lag', async () => {
    const streams = ['goal-a', 'goal-b', 'goal-c', 'deviation-x', 'deviation-y'];
    // Interleave appends across streams so the global log mixes them.
    for (let round = 0; round < 6; round++) {
      for (const s of streams) await h.append(s, [`Step${round}`, `Step${round}b`]);
    }
    const total = streams.length * 12;
    await h.settled();
    const r = relay('ordered');
    expect((await r.lag()).eventsBehind).toBe(total);
    await r.start();

    const received = await h.collect([goalTopic, monitoringTopic], total);
    expect(received).toHaveLength(total);
    for (const s of streams) {
      const mine = received.filter((m) => m.key === s);
      expect(mine.map((m) => eventOf(m).version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(mine.map((m) => m.topic))).toEqual(new Set([topicOf(s)]));
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
    }
    const sample = received[0];
    expect(sample.headers).toMatchObject({
      ce_id: eventOf(sample).id,
      ce_subject: sample.key,
      ce_specversion: '1.0',
      ce_schemaversion: '1',
      ce_source: 'messaging-test',
    });
    expect(sample.headers['ce_correlationid']).toBe(eventOf(sample).metadata.correlationId);

    await eventually(async () => (await r.lag()).eventsBehind === 0, 10_000, 'relay lag 0');
    const lag = await r.lag();
    expect(lag.position).toBe(h.lastAppended);
    await r.stop();
  });

  it('never moves the checkpoint when publishing fails, and resumes from it', async () => {
    await h.append('goal-resume', ['A', 'B', 'C']);
    await h.settled();
    const before = await new RelayCheckpoints(h.pool, h.schema).load('ordered');
    const broken = relay('ordered', {
      topicOf: () => `${goalTopic}.does-not-exist`,
      batchSize: 100,
      producerRetries: 1,
    });
    await expect(broken.publishBatch()).rejects.toThrow();
    await broken.stop();
    expect(await new RelayCheckpoints(h.pool, h.schema).load('ordered')).toBe(before);
    const healthy = relay('ordered', { batchSize: 100 });
    expect(await healthy.publishBatch()).toBe(3);
    expect((await healthy.lag()).eventsBehind).toBe(0);
  });

  it('keeps one active relay per name: a second instance waits as a standby and takes over', async () => {
    const pair = [relay('leader'), relay('leader')];
    await Promise.all(pair.map((r) => r.start()));
    await eventually(() => pair.some((r) => r.active), 10_000, 'a leader');
    await eventually(async () => (await pair[0].lag()).eventsBehind === 0, 10_000, 'leader caught up');
    expect(pair.filter((r) => r.active)).toHaveLength(1);
    const leader = pair.find((r) => r.active)!;
    const standby = pair.find((r) => !r.active)!;
    await leader.stop();
    await h.append('goal-after-failover', ['X']);
    await h.settled();
    await eventually(async () => (await standby.lag()).eventsBehind === 0, 10_000, 'standby took over');
    expect(standby.active).toBe(true);
    await standby.stop();
  });
});
