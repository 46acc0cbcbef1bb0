import Decimal from 'decimal.js';

/**
 * Money is integer fen (分). Percentages may carry decimals, so a cut is computed exactly with
 * decimal.js (already used by evaluation's scoring) and rounded half up to a whole fen once.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const percentOfFen = (fen: number, percent: number): number => new D(fen).times(percent).dividedBy(100).toDecimalPlaces(0).toNumber();

export const isFen = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** 12345678 → "123,456.78元": how a finance clerk reads an amount. */
export const yuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}元`;
};
