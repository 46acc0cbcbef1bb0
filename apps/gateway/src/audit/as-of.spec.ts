import { parseAsOf } from './as-of';

describe('asOf (时点)', () => {
  it('reads a date alone as the end of that day in Beijing', () => {
    expect(parseAsOf('2026-03-31', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-31T15:59:59.999Z');
  });
  it('follows the configured zone, across a daylight-saving change', () => {
    expect(parseAsOf('2026-03-08', 'America/New_York')?.toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(parseAsOf('2026-03-31', 'UTC')?.toISOString()).toBe('2026-03-31T23:59:59.999Z');
  });
  it('keeps a moment with its offset as written', () => {
    expect(parseAsOf('2026-03-31T23:59:59+08:00')?.toISOString()).toBe('2026-03-31T15:59:59.000Z');
  });
  it.each(['2026-02-30', '2026-13-01', 'yesterday', '2026-03-31T10:00', '2026-W13', '+275760-09-13', '2026-03-31T25:00Z'])(
    'names no instant for %s',
    (text) => expect(parseAsOf(text)).toBeUndefined(),
  );
});
