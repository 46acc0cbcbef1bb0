import type { RecordedEvent } from '@bpm/contracts';
import type { Leaf, MerkleProof } from './merkle';
import type { SignedCheckpoint } from './statement';

/**
 * One record's history as an auditor takes it away: the stored events (exactly as hashed), the latest
 * signed checkpoint, and the Merkle proof that the checkpoint vouches for this stream's head. With the
 * public key alone (tools/verify) it proves the history up to that head was not rewritten.
 */
export interface AuditExport {
  format: 'bpm-audit-export/1';
  stream: string;
  exportedAt: string;
  events: RecordedEvent[];
  /** Null when no checkpoint covers the stream yet (created after the latest one). */
  anchor: { checkpoint: SignedCheckpoint; leaf: Leaf; proof: MerkleProof } | null;
}
