import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@bpm/contracts';

/**
 * What a checkpoint asserts: after global position `position`, the `streams` heads of store `store`
 * hash to the Merkle `root`. The signature is Ed25519 over the statement's RFC 8785 canonical JSON.
 */
export interface CheckpointStatement {
  format: 'bpm-checkpoint/1';
  store: string;
  id: number;
  position: string;
  streams: number;
  root: string;
  createdAt: string;
  keyId: string;
}

export interface SignedCheckpoint {
  statement: CheckpointStatement;
  /** base64 Ed25519 signature over `canonicalJson(statement)`. */
  signature: string;
}

/** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key, proves nothing. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(canonicalJson(statement), 'utf8'), privateKey).toString('base64');
  return { statement, signature };
}

/** True only for a well-formed statement carrying a valid signature by `publicKey`. */
export function verifyCheckpoint(signed: SignedCheckpoint, publicKey: KeyObject): boolean {
  const s = signed?.statement;
  if (!s || s.format !== 'bpm-checkpoint/1' || typeof signed.signature !== 'string') return false;
  if (s.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(s), 'utf8'), publicKey, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}
