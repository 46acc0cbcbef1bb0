import { ConcurrencyError, type ExpectedVersion } from './port';

/** Throws unless `expected` holds for a stream now at `current` (0 = no stream). */
export function checkExpectedVersion(stream: string, expected: ExpectedVersion, current: number): void {
  const holds =
    expected === 'any' ||
    (expected === 'no-stream' && current === 0) ||
    (expected === 'stream-exists' && current > 0) ||
    (typeof expected === 'number' && expected === current);
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new RangeError(`expected version must be a non-negative integer, got ${expected}`);
  }
  if (!holds) throw new ConcurrencyError(stream, expected, current === 0 ? 'no-stream' : current);
}
