import { describe, expect, it } from '@jest/globals';
import { sampleIndicatorLibrary } from '../../../../../tools/seed/indicator-library.sample';
import { indicatorLibraryDecider } from './index';
import type { IndicatorLibraryCommand } from './commands';

/** The sample library the seed tool loads must pass the library's own rules, all of it. */
describe('the sample county library (示例数据)', () => {
  it('is accepted whole by the indicator library decider: ≥ 9 categories, ≥ 90 indicators', () => {
    const actor = { userId: 'seed', role: 'finance-admin' as const };
    const at = '2025-09-01T00:00:00.000Z';
    const { region, fiscalYear, costLevelEnabled, categories, indicators } = sampleIndicatorLibrary;
    const commands: IndicatorLibraryCommand[] = [
      { type: 'OpenIndicatorLibrary', data: { region, fiscalYear, costLevelEnabled, actor, at } },
      ...categories.map((category): IndicatorLibraryCommand => ({ type: 'DefineIndicatorCategory', data: { category, actor, at } })),
      ...indicators.map((indicator): IndicatorLibraryCommand => ({ type: 'AddIndicator', data: { indicator, actor, at } })),
    ];
    const state = commands.reduce(
      (s, c) => indicatorLibraryDecider.decide(c, s).reduce(indicatorLibraryDecider.evolve, s),
      indicatorLibraryDecider.initialState(),
    );
    expect(state.status).toBe('open');
    if (state.status !== 'open') return;
    expect(Object.keys(state.categories).length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(state.indicators).length).toBeGreaterThanOrEqual(90);
    expect(Object.values(state.indicators).some((i) => i.kind === 'common')).toBe(true);
  });
});
