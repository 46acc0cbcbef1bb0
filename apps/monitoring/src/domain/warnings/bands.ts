import { Bands } from '../parameters';
import { Rational, compare, rational } from '../shared/rational';
import { Level } from './types';

const ofPercent = (p: number): Rational => {
  const r = rational(p);
  return { n: r.n, d: r.d * 100n };
};

/** Below red → red, below yellow → yellow, otherwise green; exact at the thresholds. */
export const bandOf = (ratio: Rational, bands: Bands): Level =>
  compare(ratio, ofPercent(bands.red)) < 0 ? 'red' : compare(ratio, ofPercent(bands.yellow)) < 0 ? 'yellow' : 'green';

export const atLeastPercent = (ratio: Rational, p: number): boolean => compare(ratio, ofPercent(p)) >= 0;

/** The clause that says which side of which threshold, e.g. `低于红色阈值60%`. */
export const bandClause = (level: Level, bands: Bands): string =>
  level === 'red' ? `低于红色阈值${bands.red}%` : level === 'yellow' ? `低于黄色阈值${bands.yellow}%，不低于红色阈值${bands.red}%` : `不低于黄色阈值${bands.yellow}%`;

/** A value for a sentence: up to two decimals, no trailing zeros. */
export const num = (r: Rational | number): string => {
  const x = typeof r === 'number' ? rational(r) : r;
  const scaled = (x.n * 200n + (x.n < 0n ? -x.d : x.d)) / (2n * x.d);
  return String(Number(scaled) / 100);
};
