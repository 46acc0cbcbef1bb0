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
  metadata: { actor: { id: 'u1', role: 'unit', unit: 'U1' }, correlationId: 'corr-1', causationId: 'cause-1' },
  version: 3,
  position: '00000000000000000010:00000000000000000004',
  prevHash: 'abc',
  hash: 'def',
};

const asReceived = (m: ReturnType<typeof encodeEvent>) => ({
  value: Buffer.from(m.value as string),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])),
});

describe('codec', () => {
  it('keys by stream and carries the CloudEvents attributes as headers', () => {
    const m = encodeEvent(event);
    expect(m.key).toBe('goal-7f3a');
    expect(m.headers).toMatchObject({
      ce_id: event.id,
      ce_type: 'GoalDeclared',
      ce_source: 'goal-declaration',
      ce_subject: 'goal-7f3a',
      ce_time: event.time,
      ce_specversion: '1.0',
      schema_version: '2',
      correlation_id: 'corr-1',
      causation_id: 'cause-1',
    });
  });

  it('omits causation_id when there is none', () => {
    const m = encodeEvent({ ...event, metadata: { ...event.metadata, causationId: undefined } });
    expect(m.headers).not.toHaveProperty('causation_id');
  });

  it('decodes what it encodes, from Buffers as kafkajs delivers them', () => {
    const received = asReceived(encodeEvent(event));
    expect(decodeEvent(received)).toEqual(event);
    expect(headerString(received.headers, 'ce_type')).toBe('GoalDeclared');
  });

  it('rejects a value that is not an event, or headers that disagree with it', () => {
    expect(() => decodeEvent({ value: Buffer.from('not json'), headers: {} })).toThrow(MessageDecodeError);
    expect(() => decodeEvent({ value: Buffer.from('{"id":1}'), headers: {} })).toThrow(MessageDecodeError);
    expect(() => decodeEvent({ value: null, headers: {} })).toThrow(MessageDecodeError);
    const forged = asReceived(encodeEvent(event));
    forged.headers['ce_type'] = Buffer.from('GoalApproved');
    expect(() => decodeEvent(forged)).toThrow(/ce_type/);
  });
});
