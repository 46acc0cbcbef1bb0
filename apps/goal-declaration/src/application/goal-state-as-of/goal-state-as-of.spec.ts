import { ProblemException } from '@bpm/http';
import { parseAsOf } from './goal-state-as-of';

describe('asOf of the goal state query', () => {
  const now = new Date('2026-04-01T00:00:00.000Z');

  it('is now when absent or empty', () => {
    expect(parseAsOf(undefined, () => now)).toBe(now);
    expect(parseAsOf('', () => now)).toBe(now);
  });

  it('reads an ISO 8601 moment with its offset', () => {
    expect(parseAsOf('2026-03-31T23:59:59+08:00').toISOString()).toBe('2026-03-31T15:59:59.000Z');
  });

  it.each(['yesterday', '2026-03-31', '1711900000000', '2026-13-45T99:00:00Z'])('refuses %s with a Chinese 400', (text) => {
    let thrown: unknown;
    try {
      parseAsOf(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    const problem = thrown as ProblemException;
    expect([problem.getStatus(), problem.code]).toEqual([400, 'AS_OF_INVALID']);
    expect(problem.detail).toMatch(/^时点“.*”格式不正确/);
  });
});
