import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { isRole, type Actor, type RecordedEvent } from '@bpm/contracts';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the message value is the
 * event's `data` (JSON), every attribute is a `ce_` header, `datacontenttype` is the
 * `content-type` header, and the key is the stream (the `partitionkey`), so a stock
 * CloudEvents SDK (`Kafka.toEvent`) reads our messages.
 *
 * The platform's own attributes are CloudEvents extensions: lower-case letters and digits
 * only, as the spec requires of extension names.
 */
export const Headers = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  specVersion: 'ce_specversion',
  contentType: 'content-type',
  /** Version of the shape of `data` (upcasters run on read). */
  schemaVersion: 'ce_schemaversion',
  /** 1-based place of the event in its stream. */
  streamVersion: 'ce_streamversion',
  /** Opaque, totally ordered position in the store's global log. */
  position: 'ce_position',
  /** SHA-256 of the event, chained to the previous one in its stream (absent on the first). */
  hash: 'ce_hash',
  prevHash: 'ce_prevhash',
  actorId: 'ce_actorid',
  actorRole: 'ce_actorrole',
  actorUnit: 'ce_actorunit',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  requestId: 'ce_requestid',
} as const;

export const CE_SPEC_VERSION = '1.0';
export const DATA_CONTENT_TYPE = 'application/json';

/** Envelope → Kafka message. Key = stream id, so one aggregate's events share a partition. */
export function encodeEvent(event: RecordedEvent): Message {
  const { actor, correlationId, causationId, requestId } = event.metadata;
  const headers: IHeaders = {
    [Headers.specVersion]: CE_SPEC_VERSION,
    [Headers.id]: event.id,
    [Headers.type]: event.type,
    [Headers.source]: event.source,
    [Headers.subject]: event.subject,
    [Headers.time]: event.time,
    [Headers.contentType]: DATA_CONTENT_TYPE,
    [Headers.schemaVersion]: String(event.schemaVersion),
    [Headers.streamVersion]: String(event.version),
    [Headers.position]: event.position,
    [Headers.hash]: event.hash,
    [Headers.actorId]: actor.id,
    [Headers.actorRole]: actor.role,
    [Headers.correlationId]: correlationId,
  };
  if (event.prevHash !== null) headers[Headers.prevHash] = event.prevHash;
  if (actor.unit !== undefined) headers[Headers.actorUnit] = actor.unit;
  if (causationId !== undefined) headers[Headers.causationId] = causationId;
  if (requestId !== undefined) headers[Headers.requestId] = requestId;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
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
 * Kafka message → envelope. Every attribute the envelope needs must be present and well
 * formed, and the key must be the subject: anything else is a corrupted or forged message, a
 * poison message rather than a retry.
 */
export function decodeEvent(message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>): RecordedEvent {
  const header = (name: string): string | undefined => headerString(message.headers, name);
  const required = (name: string): string => {
    const value = header(name);
    if (value === undefined || value === '') throw new MessageDecodeError(`header ${name} is missing`);
    return value;
  };
  const positiveInt = (name: string): number => {
    const text = required(name);
    if (!/^[1-9]\d{0,9}$/.test(text)) throw new MessageDecodeError(`header ${name}=${text} is not a positive integer`);
    return Number(text);
  };

  const specVersion = required(Headers.specVersion);
  if (specVersion !== CE_SPEC_VERSION) throw new MessageDecodeError(`CloudEvents specversion ${specVersion} is not supported`);
  const contentType = required(Headers.contentType);
  if (!contentType.toLowerCase().startsWith(DATA_CONTENT_TYPE)) {
    throw new MessageDecodeError(`content-type ${contentType} is not ${DATA_CONTENT_TYPE}`);
  }
  const subject = required(Headers.subject);
  const key = message.key?.toString('utf8');
  if (key !== undefined && key !== subject) throw new MessageDecodeError(`key ${key} disagrees with ${Headers.subject}=${subject}`);
  const time = required(Headers.time);
  if (Number.isNaN(Date.parse(time))) throw new MessageDecodeError(`header ${Headers.time}=${time} is not a time`);
  const role = required(Headers.actorRole);
  if (!isRole(role)) throw new MessageDecodeError(`header ${Headers.actorRole}=${role} is not a role`);

  const actor: Actor = { id: required(Headers.actorId), role };
  const unit = header(Headers.actorUnit);
  if (unit !== undefined) actor.unit = unit;
  const causationId = header(Headers.causationId);
  const requestId = header(Headers.requestId);

  const version = positiveInt(Headers.streamVersion);
  const prevHash = header(Headers.prevHash) ?? null;
  // Only a stream's first event starts a hash chain.
  if ((version === 1) !== (prevHash === null)) {
    throw new MessageDecodeError(`header ${Headers.prevHash} ${prevHash === null ? 'is missing' : 'is set'} on stream version ${version}`);
  }

  return {
    id: required(Headers.id),
    type: required(Headers.type),
    source: required(Headers.source),
    subject,
    time,
    schemaVersion: positiveInt(Headers.schemaVersion),
    data: parseData(message.value),
    metadata: {
      actor,
      correlationId: required(Headers.correlationId),
      ...(causationId !== undefined ? { causationId } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    },
    version,
    position: required(Headers.position),
    prevHash,
    hash: required(Headers.hash),
  };
}

function parseData(value: Buffer | null): unknown {
  if (!value || value.length === 0) throw new MessageDecodeError('message has no value (the event data)');
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (e) {
    throw new MessageDecodeError(`value is not JSON: ${(e as Error).message}`);
  }
}
