/** The roles of DOMAIN.md, plus `system` for work the platform does on its own. */
export const ROLES = ['unit', 'finance-reviewer', 'finance-admin', 'evaluator', 'auditor', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who caused an event. `unit` is the budget unit (预算单位) a unit user belongs to. */
export interface Actor {
  id: string;
  role: Role;
  unit?: string;
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  requestId?: string;
}

/** An event a decider produced, before the store gives it a place in a stream. */
export interface NewEvent<T = unknown> {
  type: string;
  data: T;
  /** Defaults to 1. Bump when the shape of `data` changes, and register an upcaster. */
  schemaVersion?: number;
  /** Defaults to a random UUID; give one to make a retried append recognisable. */
  id?: string;
}

/**
 * An event as stored: the CloudEvents attributes (id, type, source, subject, time),
 * the schema version, the data, the metadata and its place in the stream and the global log.
 * `hash` is SHA-256 over the RFC 8785 canonical JSON of every other field plus `prevHash`,
 * so each stream is a hash chain.
 */
export interface RecordedEvent<T = unknown> {
  id: string;
  type: string;
  /** The service that wrote it, e.g. `goal-declaration`. */
  source: string;
  /** The stream, `<category>-<id>`. */
  subject: string;
  /** ISO 8601 with milliseconds, taken by the store inside the append. */
  time: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  /** 1-based position in its stream. */
  version: number;
  /** Opaque, totally ordered position in the global log (compare with `comparePositions`). */
  position: string;
  prevHash: string | null;
  hash: string;
}

/** `goal-7f3a…` → `goal`. */
export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}
