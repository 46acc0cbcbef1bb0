/**
 * Exact fractions for the warning rules: a ratio sitting right on a threshold (60 %) must fall
 * on the same side every time, which binary floating point cannot promise. Numbers come in as
 * the decimals people typed (their shortest decimal form), so 0.1 is exactly 1/10.
 */
export type Rational = Readonly<{ n: bigint; d: bigint }>;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));

const make = (n: bigint, d: bigint): Rational => {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
};

/** A finite number (or integer) as an exact fraction of its decimal form. */
export const rational = (x: number | bigint): Rational => {
  if (typeof x === 'bigint') return { n: x, d: 1n };
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = DECIMAL.exec(String(x));
  if (!m) throw new RangeError(`not a decimal: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const e = Number(exp) - frac.length;
  const digits = BigInt(`${sign}${int}${frac}`);
  return e >= 0 ? make(digits * 10n ** BigInt(e), 1n) : make(digits, 10n ** BigInt(-e));
};

export const mul = (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => make(a.n * b.d, a.d * b.n);
export const sub = (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d);
export const absolute = (a: Rational): Rational => ({ n: abs(a.n), d: a.d });
/** -1, 0 or 1. */
export const compare = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** Rounded half away from zero to `decimals` places, as a number for display and events. */
export const toNumber = (a: Rational, decimals: number): number => {
  const scale = 10n ** BigInt(decimals);
  const scaled = a.n * scale;
  const q = (abs(scaled) * 2n + a.d) / (2n * a.d);
  return Number(scaled < 0n ? -q : q) / Number(scale);
};

/** `a` as a percentage with one decimal, e.g. 1/4 → `25.0%`. */
export const percentText = (a: Rational): string => `${toNumber(mul(a, { n: 100n, d: 1n }), 1).toFixed(1)}%`;

/** `a` × 100 rounded to one decimal (the percentage figure a warning carries). */
export const percent = (a: Rational): number => toNumber(mul(a, { n: 100n, d: 1n }), 1);
