import { describe, expect, it } from '@jest/globals';
import { loadRegionParameters } from './region';

describe('region parameters, read once at start', () => {
  it('defaults to the county with no overrides', () => {
    expect(loadRegionParameters({})).toEqual({ region: 'county', overrides: {} });
  });

  it('takes REGION and valid overrides', () => {
    const loaded = loadRegionParameters({ REGION: 'city', REGION_PARAMETERS: '{"reviewDeadlineDays":15,"exAnteThreshold":3000000}' });
    expect(loaded).toEqual({ region: 'city', overrides: { reviewDeadlineDays: 15, exAnteThreshold: 3000000 } });
  });

  it.each([
    ['not JSON', '{reviewDeadlineDays:15', /不是有效的 JSON/],
    ['not an object', '[1,2]', /应为 JSON 对象/],
    ['an unknown key (a typo)', '{"reviewDeadlineDay":15}', /未知参数：reviewDeadlineDay/],
    ['a value the rules refuse', '{"reviewDeadlineDays":-1}', /REGION_PARAMETERS 无效：参数“审核期限天数”应为正数/],
  ])('refuses %s, so the service does not start', (_, raw, message) => {
    expect(() => loadRegionParameters({ REGION_PARAMETERS: raw })).toThrow(message);
  });
});
