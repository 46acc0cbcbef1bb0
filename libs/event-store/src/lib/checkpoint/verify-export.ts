import type { KeyObject } from 'node:crypto';
import { ChainVerifier } from '../verify';
import type { AuditExport } from './export-format';
import { verifyMerkleProof } from './merkle';
import { verifyCheckpoint, type SignedCheckpoint } from './statement';

export interface ExportVerdict {
  /** The chain holds and a signed checkpoint vouches for it. */
  ok: boolean;
  stream: string;
  events: number;
  /** Which checkpoint vouched, for which version; null if none did. */
  anchoredAt: { checkpointId: number; position: string; version: number; createdAt: string } | null;
  problems: string[];
}

/**
 * Checks an export with nothing but the public key (and, if given, the published checkpoint log):
 * the checkpoint's signature, the Merkle proof of the stream's head, then the hash chain of every
 * event, whose event at the signed version must carry the signed hash. No database involved.
 */
export function verifyExport(exp: AuditExport, publicKey: KeyObject, publishedLog?: SignedCheckpoint[]): ExportVerdict {
  const problems: string[] = [];
  const stream = exp?.stream;
  if (exp?.format !== 'bpm-audit-export/1' || typeof stream !== 'string' || !Array.isArray(exp.events)) {
    return { ok: false, stream: String(stream), events: 0, anchoredAt: null, problems: ['not a bpm-audit-export/1 file'] };
  }
  let anchor: ConstructorParameters<typeof ChainVerifier>[1];
  let anchoredAt: ExportVerdict['anchoredAt'] = null;
  const a = exp.anchor;
  if (!a) {
    problems.push('no signed checkpoint covers this stream yet');
  } else if (!verifyCheckpoint(a.checkpoint, publicKey)) {
    problems.push('the checkpoint’s signature does not hold for this public key');
  } else if (a.leaf?.stream !== stream) {
    problems.push(`the checkpoint proof is for stream ${a.leaf?.stream}, not ${stream}`);
  } else if (!verifyMerkleProof(a.leaf, a.proof, a.checkpoint.statement.root)) {
    problems.push('the Merkle proof does not lead to the signed root');
  } else {
    const s = a.checkpoint.statement;
    if (publishedLog && !publishedLog.some((p) => p.statement.id === s.id && p.signature === a.checkpoint.signature)) {
      problems.push(`checkpoint ${s.id} is not in the published checkpoint log`);
    }
    anchor = { checkpointId: s.id, version: a.leaf.version, hash: a.leaf.hash };
    anchoredAt = { checkpointId: s.id, position: s.position, version: a.leaf.version, createdAt: s.createdAt };
  }

  const chain = new ChainVerifier(stream, anchor);
  let broken;
  try {
    for (const e of exp.events) if (!chain.next(e)) break;
    broken = chain.end();
  } catch (err) {
    problems.push(`malformed event: ${(err as Error).message}`);
  }
  if (broken) problems.push(`version ${broken.version}${broken.eventId ? ` (event ${broken.eventId})` : ''}: ${broken.reason}`);
  return { ok: problems.length === 0, stream, events: exp.events.length, anchoredAt, problems };
}
