/**
 * A position is two unsigned integers `major:minor`, each zero-padded to 20 digits (u64 max) so that
 * plain string order equals numeric order. PostgreSQL: `tx_id:seq`; EventStoreDB: `commit:prepare`.
 */
const WIDTH = 20;

export function formatPosition(major: bigint | string | number, minor: bigint | string | number): string {
  return `${String(major).padStart(WIDTH, '0')}:${String(minor).padStart(WIDTH, '0')}`;
}

export function parsePosition(position: string): [bigint, bigint] {
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new Error(`invalid event store position: ${position}`);
  return [BigInt(match[1]), BigInt(match[2])];
}

/** Negative if `a` comes before `b` in the global log, 0 if equal, positive if after. */
export function comparePositions(a: string, b: string): number {
  const [a1, a2] = parsePosition(a);
  const [b1, b2] = parsePosition(b);
  if (a1 !== b1) return a1 < b1 ? -1 : 1;
  return a2 === b2 ? 0 : a2 < b2 ? -1 : 1;
}
