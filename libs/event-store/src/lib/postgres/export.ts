import type { Pool } from 'pg';
import type { AuditExport } from '../checkpoint/export-format';
import { merkleProof } from '../checkpoint/merkle';
import { leavesAt, storedCheckpoints } from './checkpoint-store';
import { readStreamRows } from './read';

/**
 * Reads the stream in its stored form (never upcast: the hashes cover what was written) and the
 * latest checkpoint with its proof. Nothing is checked here: the export is checked by whoever holds it.
 */
export async function exportStream(pool: Pool, schema: string, stream: string): Promise<AuditExport> {
  const events = await readStreamRows(pool, schema, stream);
  const [latest] = await storedCheckpoints(pool, schema, 1);
  let anchor: AuditExport['anchor'] = null;
  if (latest) {
    const leaves = await leavesAt(pool, schema, latest.id);
    const index = leaves.findIndex((l) => l.stream === stream);
    if (index >= 0) {
      anchor = {
        checkpoint: { statement: latest.statement, signature: latest.signature },
        leaf: leaves[index],
        proof: merkleProof(leaves, index),
      };
    }
  }
  return { format: 'bpm-audit-export/1', stream, exportedAt: new Date().toISOString(), events, anchor };
}
