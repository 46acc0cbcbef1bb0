import type { RecordedEvent } from '@bpm/contracts';
import { decodeEvent, encodeEvent, headerString, MessageDecodeError } from './codec';

const event: RecordedEvent = {
  id: '0b6f0a54-4d2e-4b8e-9d51-0d3c1e7f2a11',
  type: 'GoalDeclared',
  source: 'goal-declaration',
  subject: 'goal-7f3a',
  time: '2026-03-01T08:00:00.000Z',
  schemaVersion: 2,
  data: { title: '绩效目标' },
  metadata: { actor: { id: 'u1', role: 'unit', unit: 'U1' }, correlationId: 'corr-1', causationId: 'cause-1', requestId: 'req-1' },
  version: 3,
  position: '00000000000000000010:00000000000000000004',
  prevHash: 'abc',
  hash: 'def',
};

/** As kafkajs delivers a message: key, value and header values as Buffers. */
const asReceived = (m: ReturnType<typeof encodeEvent>) => ({
  key: m.key === undefined || m.key === null ? null : Buffer.from(String(m.key)),
  value: Buffer.from(m.value as string),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])) as Record<string, Buffer>,
});

describe('codec (CloudEvents Kafka binding, binary mode)', () => {
  it('puts the event data, and only it, in the value', () => {
    const m = encodeEvent(event);
    expect(m.key).toBe('goal-7f3a');
    expect(JSON.parse(m.value as string)).toEqual({ title: '绩效目标' });
  });

  it('carries the CloudEvents attributes and the platform’s own as ce_ headers', () => {
    expect(encodeEvent(event).headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'GoalDeclared',
      ce_source: 'goal-declaration',
      ce_subject: 'goal-7f3a',
      ce_time: event.time,
      'content-type': 'application/json',
      ce_schemaversion: '2',
      ce_streamversion: '3',
      ce_position: event.position,
      ce_hash: 'def',
      ce_prevhash: 'abc',
      ce_actorid: 'u1',
      ce_actorrole: 'unit',
      ce_actorunit: 'U1',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
      ce_requestid: 'req-1',
    });
  });

  it('omits the optional attributes when there are none', () => {
    const first = encodeEvent({
      ...event,
      version: 1,
      prevHash: null,
      metadata: { actor: { id: 'sys', role: 'system' }, correlationId: 'corr-2' },
    });
    for (const name of ['ce_prevhash', 'ce_actorunit', 'ce_causationid', 'ce_requestid']) expect(first.headers).not.toHaveProperty(name);
    const received = asReceived(first);
    expect(decodeEvent(received)).toMatchObject({ version: 1, prevHash: null, metadata: { actor: { id: 'sys', role: 'system' } } });
  });

  it('decodes what it encodes, from Buffers as kafkajs delivers them', () => {
    const received = asReceived(encodeEvent(event));
    expect(decodeEvent(received)).toEqual(event);
    expect(headerString(received.headers, 'ce_type')).toBe('GoalDeclared');
  });

  it('refuses a value that is not JSON data, or no value', () => {
    const m = asReceived(encodeEvent(event));
    expect(() => decodeEvent({ ...m, value: Buffer.from('not json') })).toThrow(MessageDecodeError);
    expect(() => decodeEvent({ ...m, value: null })).toThrow(/no value/);
  });

  it.each([
    ['ce_id'],
    ['ce_type'],
    ['ce_source'],
    ['ce_subject'],
    ['ce_time'],
    ['ce_specversion'],
    ['content-type'],
    ['ce_schemaversion'],
    ['ce_streamversion'],
    ['ce_position'],
    ['ce_hash'],
    ['ce_actorid'],
    ['ce_actorrole'],
    ['ce_correlationid'],
  ])('refuses a message without %s', (name) => {
    const m = asReceived(encodeEvent(event));
    delete m.headers[name];
    expect(() => decodeEvent(m)).toThrow(new RegExp(`${name} is missing`));
  });

  it.each([
    ['ce_specversion', '0.3', /specversion 0.3/],
    ['content-type', 'application/cloudevents+json', /content-type/],
    ['ce_streamversion', 'three', /not a positive integer/],
    ['ce_schemaversion', '0', /not a positive integer/],
    ['ce_time', 'yesterday', /not a time/],
    ['ce_actorrole', 'root', /not a role/],
  ])('refuses %s=%s', (name, value, error) => {
    const m = asReceived(encodeEvent(event));
    m.headers[name] = Buffer.from(value);
    expect(() => decodeEvent(m)).toThrow(error);
  });

  it('refuses a key that is not the subject, and a hash chain that cannot be', () => {
    const moved = asReceived(encodeEvent(event));
    moved.key = Buffer.from('goal-other');
    expect(() => decodeEvent(moved)).toThrow(/key goal-other disagrees/);
    const unchained = asReceived(encodeEvent(event));
    delete unchained.headers['ce_prevhash'];
    expect(() => decodeEvent(unchained)).toThrow(/ce_prevhash is missing on stream version 3/);
    const first = asReceived(encodeEvent({ ...event, version: 1 }));
    expect(() => decodeEvent(first)).toThrow(/ce_prevhash is set on stream version 1/);
  });
});
