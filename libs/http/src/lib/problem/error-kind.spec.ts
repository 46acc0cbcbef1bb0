import { describe, expect, it } from '@jest/globals';
import { ERROR_KINDS, statusOfKind } from './error-kind';

describe('statusOfKind', () => {
  it.each([
    ['not-found', 404],
    ['forbidden', 403],
    ['invalid', 422],
    ['conflict', 409],
    ['precondition', 412],
  ] as const)('%s → %i', (kind, status) => {
    expect(statusOfKind(kind)).toBe(status);
  });

  it('every kind has a status in the table above', () => {
    expect(ERROR_KINDS).toHaveLength(5);
  });
});
