import type { RecordedEvent } from '@bpm/contracts';

export type Upcaster = (data: unknown) => { schemaVersion: number; data: unknown };

/**
 * Old event shapes lifted to the current one on read. Stored events are never rewritten,
 * so hashes keep verifying against what was written.
 */
export class Upcasters {
  private readonly fns = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, fn: Upcaster): this {
    const key = `${type}@${fromVersion}`;
    if (this.fns.has(key)) throw new Error(`upcaster for ${key} already registered`);
    this.fns.set(key, fn);
    return this;
  }

  /** Applies upcasters one schema version at a time until none is registered for the result. */
  upcast<T = unknown>(event: RecordedEvent): RecordedEvent<T> {
    let { schemaVersion, data } = event;
    for (let fn = this.fns.get(`${event.type}@${schemaVersion}`); fn; fn = this.fns.get(`${event.type}@${schemaVersion}`)) {
      const next = fn(data);
      // A non-increasing version would loop forever.
      if (next.schemaVersion <= schemaVersion) {
        throw new Error(`upcaster ${event.type}@${schemaVersion} must raise the schema version`);
      }
      ({ schemaVersion, data } = next);
    }
    return schemaVersion === event.schemaVersion ? (event as RecordedEvent<T>) : { ...event, schemaVersion, data: data as T };
  }
}
