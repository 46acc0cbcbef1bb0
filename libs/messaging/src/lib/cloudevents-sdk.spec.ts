import { Kafka as CloudEventsKafka, type CloudEvent, type KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import { EventRelay } from './relay';
import { decodeEvent } from './codec';
import { Harness, silentLogger, type ReceivedMessage } from '../test/harness';

jest.setTimeout(60_000);

/**
 * What a consumer outside the platform sees: a relayed message, as it is on the real broker,
 * read by the stock CloudEvents SDK's Kafka binding (binary content mode).
 */
describe('relayed messages read by the CloudEvents SDK (real Kafka + PostgreSQL)', () => {
  let h: Harness;
  let topic: string;
  let relay: EventRelay;

  beforeAll(async () => {
    h = await new Harness().init();
    topic = await h.topic('cloudevents', 1);
  });
  afterAll(async () => {
    await relay?.stop();
    await h.close();
  });

  /** The SDK takes header values and the key as strings. */
  const forSdk = (m: ReceivedMessage): CloudEventsKafkaMessage => ({ key: m.key, value: Buffer.from(m.value), headers: m.headers, body: m.value });

  it('reads id, type, source, subject, time, data and every platform attribute', async () => {
    await h.append('goal-ce1', ['GoalDeclared', 'GoalSubmittedForReview'], (i) => ({ projectId: 'ce1', version: 1, 审核: i === 1 }));
    await h.settled();
    const stored = await h.store.readStream('goal-ce1');
    relay = new EventRelay({ name: 'ce', store: h.store, kafka: h.kafka, pool: h.pool, schema: h.schema, topicOf: () => topic, logger: silentLogger });
    expect(await relay.publishBatch()).toBe(2);

    const received = (await h.collect([topic], 2)).filter((m) => m.key === 'goal-ce1');
    const events = received.map((m) => CloudEventsKafka.toEvent(forSdk(m)) as CloudEvent<unknown>);
    expect(events.map((e) => e.validate())).toEqual([true, true]);

    const [declared, submitted] = events;
    expect(declared).toMatchObject({
      specversion: '1.0',
      id: stored[0].id,
      type: 'GoalDeclared',
      source: 'messaging-test',
      subject: 'goal-ce1',
      time: stored[0].time,
      datacontenttype: 'application/json',
      data: { projectId: 'ce1', version: 1, 审核: false },
      partitionkey: 'goal-ce1',
      schemaversion: '1',
      streamversion: '1',
      position: stored[0].position,
      hash: stored[0].hash,
      actorid: 'tester',
      actorrole: 'system',
      correlationid: stored[0].metadata.correlationId,
    });
    expect(declared.prevhash).toBeUndefined();
    expect(submitted).toMatchObject({ id: stored[1].id, streamversion: '2', hash: stored[1].hash, prevhash: stored[0].hash, data: { 审核: true } });

    // And the platform's own decoder gives back exactly what the store holds.
    expect(received.map((m) => decodeEvent({ key: Buffer.from(m.key), value: Buffer.from(m.value), headers: m.headers }))).toEqual(stored);
  });
});
