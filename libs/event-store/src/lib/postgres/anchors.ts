import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import type { Anchor } from '../verify';
import { verifyCheckpoint, type CheckpointStatement, type SignedCheckpoint } from '../checkpoint/statement';
import { leavesAt, leavesMatch, storedCheckpoints } from './checkpoint-store';

export interface Anchors {
  checkpoint: CheckpointStatement | null;
  byStream: Map<string, Anchor>;
  /** Anything about the checkpoints themselves that does not hold: each one fails verification. */
  problems: string[];
}

/**
 * The latest checkpoint whose signature holds, and the heads it vouches for. The database is not
 * trusted here: a stored checkpoint counts only if `publicKey` signed it and its stored leaves rebuild
 * its signed root; checkpoints published outside (`published`) must all be present in the database.
 */
export async function loadAnchors(
  pool: Pool,
  schema: string,
  publicKey: KeyObject,
  published: SignedCheckpoint[] = [],
  store = schema,
): Promise<Anchors> {
  const problems: string[] = [];
  const stored = await storedCheckpoints(pool, schema);
  let latest: SignedCheckpoint | undefined;
  for (const c of stored) {
    if (verifyCheckpoint(c, publicKey) && c.statement.id === c.id && c.statement.store === store) {
      latest = c;
      break;
    }
    problems.push(`checkpoint ${c.id} in the database does not carry a valid signature`);
  }

  const byId = new Map(stored.map((c) => [c.id, c]));
  for (const p of published) {
    if (!verifyCheckpoint(p, publicKey) || p.statement.store !== store) continue;
    const mine = byId.get(p.statement.id);
    if (mine && mine.signature === p.signature) continue;
    if (mine || p.statement.id > (stored[stored.length - 1]?.id ?? 0)) {
      problems.push(`checkpoint ${p.statement.id} was published but the database ${mine ? 'holds a different one' : 'lacks it'}`);
    }
  }

  const byStream = new Map<string, Anchor>();
  if (!latest) return { checkpoint: null, byStream, problems };
  const leaves = await leavesAt(pool, schema, latest.statement.id);
  if (!leavesMatch(leaves, latest)) {
    problems.push(`the stored heads of checkpoint ${latest.statement.id} do not rebuild its signed root`);
    return { checkpoint: latest.statement, byStream, problems };
  }
  for (const l of leaves) byStream.set(l.stream, { checkpointId: latest.statement.id, version: l.version, hash: l.hash });
  return { checkpoint: latest.statement, byStream, problems };
}
