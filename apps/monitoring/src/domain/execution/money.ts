import { DomainError, invalid } from '../shared/domain-error';

/**
 * Money in integer fen (分): never a float. Safe integers reach 90 trillion yuan, far beyond
 * any county budget; products for ratios are taken in exact fractions.
 */
export type Fen = number;

export const isFen = (value: unknown): value is Fen => typeof value === 'number' && Number.isSafeInteger(value);

const YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Yuan as written (`"1234.5"`, `"1,234.56"`, `1234.56`) to fen, exactly. More than two
 * decimals is refused, not rounded: it means a wrong column or unit, not a rounding matter.
 */
export const fenFromYuan = (value: string | number, field = 'amount', label = '金额'): Fen => {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim().replace(/[,，]/g, '');
  const m = YUAN.exec(text);
  if (!m) throw invalid('AMOUNT_INVALID', `${label}“${value}”不是有效的金额（元，最多两位小数）`, field);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw invalid('AMOUNT_INVALID', `${label}“${value}”超出可处理的范围`, field);
  return m[1] === '-' ? -fen : fen;
};

/** `123456` → `1234.56元`. */
export const formatYuan = (fen: Fen): string => {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}元`;
};

export const nonNegativeFen = (value: unknown, field: string, label: string): DomainError[] =>
  isFen(value) && value >= 0 ? [] : [invalid('AMOUNT_INVALID', `${label}应为非负金额（以分计的整数），当前为“${String(value)}”`, field)];
