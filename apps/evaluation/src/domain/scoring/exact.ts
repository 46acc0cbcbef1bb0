import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for scores (decimal.js, well kept and dependency-free): a score of
 * exactly 90 must be 优 every time, which binary floating point cannot promise (0.9 × 100).
 * Forty significant digits; shown and graded at two decimals, rounded half up.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const dec = (x: number | string | Dec): Dec => new D(x);

/** Two decimals, no trailing zeros: 16.666… → "16.67", 50 → "50". */
export const show = (x: Dec): string => x.toDecimalPlaces(2).toString();

/** The figure kept in events and answers: two decimals as a number. */
export const points = (x: Dec): number => x.toDecimalPlaces(2).toNumber();
