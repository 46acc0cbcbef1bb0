import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { RecordedEvent } from '@bpm/contracts';

/** Kafka header names: CloudEvents Kafka binding attributes plus our own. */
export const Headers = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  specVersion: 'ce_specversion',
  schemaVersion: 'schema_version',
  correlationId: 'correlation_id',
  causationId: 'causation_id',
  contentType: 'content-type',
} as const;

export const CE_SPEC_VERSION = '1.0';

/** Envelope → Kafka message. Key = stream id, so one aggregate's events share a partition. */
export function encodeEvent(event: RecordedEvent): Message {
  const headers: IHeaders = {
    [Headers.id]: event.id,
    [Headers.type]: event.type,
    [Headers.source]: event.source,
    [Headers.subject]: event.subject,
    [Headers.time]: event.time,
    [Headers.specVersion]: CE_SPEC_VERSION,
    [Headers.schemaVersion]: String(event.schemaVersion),
    [Headers.correlationId]: event.metadata.correlationId,
    [Headers.contentType]: 'application/json',
  };
  if (event.metadata.causationId) headers[Headers.causationId] = event.metadata.causationId;
  return { key: event.subject, value: JSON.stringify(event), headers };
}

/** A header value as a string (kafkajs hands headers back as Buffers). */
export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export class MessageDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageDecodeError';
  }
}

/**
 * Kafka message → envelope. The value is authoritative; the headers must agree with it
 * (a mismatch means a corrupted or forged message, which is a poison message, not a retry).
 */
export function decodeEvent(message: Pick<KafkaMessage, 'value' | 'headers'>): RecordedEvent {
  if (!message.value) throw new MessageDecodeError('message has no value');
  let event: RecordedEvent;
  try {
    event = JSON.parse(message.value.toString('utf8')) as RecordedEvent;
  } catch (e) {
    throw new MessageDecodeError(`value is not JSON: ${(e as Error).message}`);
  }
  if (typeof event !== 'object' || event === null) throw new MessageDecodeError('value is not an object');
  for (const field of ['id', 'type', 'subject', 'position'] as const) {
    if (typeof event[field] !== 'string') throw new MessageDecodeError(`value has no string "${field}"`);
  }
  const checks: [string, string][] = [
    [Headers.id, event.id],
    [Headers.type, event.type],
    [Headers.subject, event.subject],
  ];
  for (const [name, expected] of checks) {
    const actual = headerString(message.headers, name);
    if (actual !== undefined && actual !== expected) {
      throw new MessageDecodeError(`header ${name}=${actual} disagrees with the value (${expected})`);
    }
  }
  return event;
}
