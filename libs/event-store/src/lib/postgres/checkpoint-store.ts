import type { ClientBase, Pool } from 'pg';
import { merkleRoot, sortLeaves, type Leaf } from '../checkpoint/merkle';
import type { SignedCheckpoint } from '../checkpoint/statement';
import { ident } from './sql';

/** The newest stored checkpoints first, as stored (signature not yet checked). */
export async function storedCheckpoints(db: Pool | ClientBase, schema: string, limit = 50): Promise<(SignedCheckpoint & { id: number })[]> {
  const { rows } = await db.query<{ id: string; statement: string; signature: string }>(
    `SELECT id::text, statement, signature FROM ${ident(schema)}.checkpoints ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: Number(r.id), statement: JSON.parse(r.statement), signature: r.signature }));
}

/** Every stream's head as checkpoint `id` signed it: per stream, the newest leaf at or before `id`. */
export async function leavesAt(db: Pool | ClientBase, schema: string, id: number): Promise<Leaf[]> {
  const { rows } = await db.query<Leaf>(
    `SELECT DISTINCT ON (stream_id) stream_id AS stream, version, hash
     FROM ${ident(schema)}.checkpoint_leaves WHERE checkpoint_id <= $1 ORDER BY stream_id, checkpoint_id DESC`,
    [id],
  );
  return sortLeaves(rows);
}

/** True if the stored leaves rebuild the signed root: the database's copy was not altered. */
export function leavesMatch(leaves: Leaf[], signed: SignedCheckpoint): boolean {
  return leaves.length === signed.statement.streams && merkleRoot(leaves) === signed.statement.root;
}
