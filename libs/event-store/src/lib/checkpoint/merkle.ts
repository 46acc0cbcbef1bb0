import { createHash } from 'node:crypto';
import { canonicalJson } from '@bpm/contracts';

/** One stream's head as a checkpoint signs it. */
export interface Leaf {
  stream: string;
  version: number;
  hash: string;
}

/** The path from a leaf to the root (RFC 9162 §2.1.3): enough to recompute the root from one leaf. */
export interface MerkleProof {
  index: number;
  size: number;
  path: string[];
}

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/**
 * RFC 9162's tree (as in Certificate Transparency): leaves and nodes hashed with different prefixes,
 * so a node can never pass for a leaf. The leaf's bytes are its RFC 8785 canonical JSON.
 */
export function leafHash(leaf: Leaf): Buffer {
  const canonical = canonicalJson({ stream: leaf.stream, version: leaf.version, hash: leaf.hash });
  return sha256(Buffer.from([0]), Buffer.from(canonical, 'utf8'));
}

const nodeHash = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);

/** Leaves in one agreed order (by stream id, UTF-16 code units), so signer and verifier build the same tree. */
export function sortLeaves(leaves: Iterable<Leaf>): Leaf[] {
  return [...leaves].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
}

/** Largest power of two strictly below n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function root(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return sha256();
  if (hashes.length === 1) return hashes[0];
  const k = split(hashes.length);
  return nodeHash(root(hashes.slice(0, k)), root(hashes.slice(k)));
}

/** Hex root over leaves already in `sortLeaves` order. */
export function merkleRoot(sorted: Leaf[]): string {
  return root(sorted.map(leafHash)).toString('hex');
}

function path(index: number, hashes: Buffer[]): Buffer[] {
  if (hashes.length <= 1) return [];
  const k = split(hashes.length);
  return index < k
    ? [...path(index, hashes.slice(0, k)), root(hashes.slice(k))]
    : [...path(index - k, hashes.slice(k)), root(hashes.slice(0, k))];
}

export function merkleProof(sorted: Leaf[], index: number): MerkleProof {
  return { index, size: sorted.length, path: path(index, sorted.map(leafHash)).map((h) => h.toString('hex')) };
}

/** RFC 9162 §2.1.3.2: recomputes the root from the leaf and its path; true if it equals `expectedRoot`. */
export function verifyMerkleProof(leaf: Leaf, proof: MerkleProof, expectedRoot: string): boolean {
  const { index, size } = proof;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leaf);
  for (const hex of proof.path) {
    if (!/^[0-9a-f]{64}$/.test(hex) || sn === 0) return false;
    const p = Buffer.from(hex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.toString('hex') === expectedRoot;
}
