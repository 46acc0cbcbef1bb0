/**
 * Money as integer fen (分). The budget platform exports yuan with at most two decimals; they are
 * read digit by digit, never through a float, so 0.1 + 0.2 can never creep into a ledger.
 */
export type Fen = number;

const DECIMAL_YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** `'1,234.5'` → 123450. Thousands separators and surrounding spaces are tolerated; signs are not. */
export function parseYuanToFen(text: string): Fen | { error: string } {
  const cleaned = text.trim().replace(/[,，]/g, '');
  if (cleaned === '') return { error: '不能为空' };
  if (cleaned.startsWith('-')) return { error: '不能为负数' };
  const match = DECIMAL_YUAN.exec(cleaned);
  if (!match) {
    return /^\d+\.\d{3,}$/.test(cleaned)
      ? { error: '最多保留两位小数（分）' }
      : { error: `“${text.trim()}”不是有效金额，请填写以元为单位的数字` };
  }
  const [, whole, fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 123450 → `'1234.50'`, for messages and templates. */
export function formatFen(fen: Fen): string {
  const yuan = Math.trunc(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan}.${cents}`;
}
