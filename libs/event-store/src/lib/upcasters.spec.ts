import type { RecordedEvent } from '@bpm/contracts';
import { comparePositions, formatPosition, parsePosition } from './positions';
import { Upcasters } from './upcasters';

const event = (schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'id', type: 'T', source: 's', subject: 'x-1', time: '2025-01-01T00:00:00.000Z', schemaVersion, data,
  metadata: { actor: { id: 'a', role: 'system' }, correlationId: 'c' }, version: 1, position: formatPosition(1, 1),
  prevHash: null, hash: 'h',
});

describe('Upcasters', () => {
  it('chains upcasters one version at a time and leaves current events alone', () => {
    const u = new Upcasters()
      .register('T', 1, (d) => ({ schemaVersion: 2, data: { b: (d as { a: number }).a } }))
      .register('T', 2, (d) => ({ schemaVersion: 3, data: { c: (d as { b: number }).b * 10 } }));
    expect(u.upcast(event(1, { a: 1 }))).toMatchObject({ schemaVersion: 3, data: { c: 10 }, hash: 'h' });
    const current = event(3, { c: 5 });
    expect(u.upcast(current)).toBe(current);
  });

  it('rejects duplicate registrations and non-increasing versions', () => {
    const u = new Upcasters().register('T', 1, (d) => ({ schemaVersion: 1, data: d }));
    expect(() => u.register('T', 1, (d) => ({ schemaVersion: 2, data: d }))).toThrow(/already/);
    expect(() => u.upcast(event(1, {}))).toThrow(/raise/);
  });
});

describe('positions', () => {
  it('compare numerically and sort as strings alike', () => {
    const [a, b, c] = [formatPosition(9, 100), formatPosition(10, 2), formatPosition(10, 11)];
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(comparePositions(a, b)).toBe(-1);
    expect(comparePositions(c, b)).toBe(1);
    expect(comparePositions(b, b)).toBe(0);
    expect(parsePosition(c)).toEqual([10n, 11n]);
    expect(() => parsePosition('nope')).toThrow();
  });
});
