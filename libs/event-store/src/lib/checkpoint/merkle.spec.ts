import { merkleProof, merkleRoot, sortLeaves, verifyMerkleProof, type Leaf } from './merkle';

const leaves = (n: number): Leaf[] =>
  sortLeaves(Array.from({ length: n }, (_, i) => ({ stream: `goal-${i}`, version: i + 1, hash: `${i}`.padStart(64, 'a') })));

describe('Merkle tree over stream heads (RFC 9162)', () => {
  it.each([1, 2, 3, 4, 5, 7, 8, 9, 31, 100])('every leaf of a %d-leaf tree proves against the root', (n) => {
    const sorted = leaves(n);
    const root = merkleRoot(sorted);
    sorted.forEach((leaf, i) => expect(verifyMerkleProof(leaf, merkleProof(sorted, i), root)).toBe(true));
  });

  it('refuses an altered leaf, a wrong index, a shortened path and a foreign root', () => {
    const sorted = leaves(13);
    const root = merkleRoot(sorted);
    const proof = merkleProof(sorted, 6);
    expect(verifyMerkleProof({ ...sorted[6], hash: 'f'.repeat(64) }, proof, root)).toBe(false);
    expect(verifyMerkleProof({ ...sorted[6], version: 8 }, proof, root)).toBe(false);
    expect(verifyMerkleProof(sorted[6], { ...proof, index: 5 }, root)).toBe(false);
    expect(verifyMerkleProof(sorted[6], { ...proof, path: proof.path.slice(1) }, root)).toBe(false);
    expect(verifyMerkleProof(sorted[6], { ...proof, index: 99 }, root)).toBe(false);
    expect(verifyMerkleProof(sorted[6], proof, merkleRoot(leaves(12)))).toBe(false);
  });

  it('is independent of input order', () => {
    const sorted = leaves(9);
    expect(merkleRoot(sortLeaves([...sorted].reverse()))).toBe(merkleRoot(sorted));
  });
});
