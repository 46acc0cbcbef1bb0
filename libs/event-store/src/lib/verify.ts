import type { RecordedEvent } from '@bpm/contracts';
import { hashEvent } from './hashing';
import type { BrokenLink } from './port';

/** A head a signed checkpoint vouches for: the stream must still hold exactly this event there. */
export interface Anchor {
  checkpointId: number;
  version: number;
  hash: string;
}

/**
 * Folds over one stream's stored events in version order and returns the first broken link:
 * a gap, a prevHash not equal to the previous hash, or a hash that does not match the content.
 */
export class ChainVerifier {
  private expectedVersion = 1;
  private prevHash: string | null = null;
  broken: BrokenLink | null = null;
  count = 0;

  constructor(
    readonly stream: string,
    private readonly anchor?: Anchor,
  ) {}

  /** Returns false once broken, so callers can stop reading the stream. */
  next(e: RecordedEvent): boolean {
    if (this.broken) return false;
    this.count++;
    const reason =
      e.subject !== this.stream
        ? `subject ${e.subject} differs from stream`
        : e.version !== this.expectedVersion
          ? `version ${e.version} where ${this.expectedVersion} was expected`
          : e.prevHash !== this.prevHash
            ? `prevHash ${e.prevHash} does not match previous hash ${this.prevHash}`
            : hashEvent(e) !== e.hash
              ? 'hash does not match the stored content'
              : this.anchor && e.version === this.anchor.version && e.hash !== this.anchor.hash
                ? `event differs from signed checkpoint ${this.anchor.checkpointId}: history before it was rewritten`
                : null;
    if (reason) {
      this.broken = { stream: this.stream, version: e.version, eventId: e.id, reason };
      return false;
    }
    this.expectedVersion++;
    this.prevHash = e.hash;
    return true;
  }

  /** Compares the chain's end with what the store believes is the stream head, when it keeps one. */
  end(head?: { version: number; hash: string | null }): BrokenLink | null {
    const last = this.expectedVersion - 1;
    if (!this.broken && this.anchor && last < this.anchor.version) {
      this.broken = {
        stream: this.stream,
        version: last + 1,
        eventId: null,
        reason: `stream ends at version ${last}, but signed checkpoint ${this.anchor.checkpointId} vouches for version ${this.anchor.version}: events were removed`,
      };
    }
    if (!this.broken && head && (head.version !== this.expectedVersion - 1 || head.hash !== this.prevHash)) {
      this.broken = {
        stream: this.stream,
        version: head.version,
        eventId: null,
        reason: `stream head (version ${head.version}) does not match the last event (version ${this.expectedVersion - 1})`,
      };
    }
    return this.broken;
  }
}
