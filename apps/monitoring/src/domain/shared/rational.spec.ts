import { describe, expect, it } from '@jest/globals';
import { compare, div, percent, percentText, rational, toNumber } from './rational';

describe('exact fractions', () => {
  it('takes decimals as typed: 0.1 + 0.2 problems do not exist here', () => {
    expect(rational(0.1)).toEqual({ n: 1n, d: 10n });
    expect(rational(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(rational(1.5e-7)).toEqual({ n: 3n, d: 20_000_000n });
    expect(compare(div(rational(0.6), rational(1)), rational(0.6))).toBe(0);
  });

  it('decides a threshold exactly where floating point would not', () => {
    // 0.7 ÷ 0.1 is 6.999999999999999 in floating point; exactly 7 here.
    expect(0.7 / 0.1 < 7).toBe(true);
    expect(compare(div(rational(0.7), rational(0.1)), rational(7))).toBe(0);
  });

  it('rounds half away from zero for display', () => {
    expect(percentText({ n: 1n, d: 4n })).toBe('25.0%');
    expect(percentText({ n: 2n, d: 3n })).toBe('66.7%');
    expect(percent({ n: 1n, d: 2000n })).toBe(0.1); // 0.05 % → 0.1
    expect(toNumber({ n: -1n, d: 8n }, 2)).toBe(-0.13);
  });
});
