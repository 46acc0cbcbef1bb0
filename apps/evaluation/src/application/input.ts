import { invalid } from '@bpm/decider';

/**
 * Shape checks at the service's edge, so a malformed body is a 422 naming its field and never a
 * crash in a rule. What each field means is the domain's business; these only check its type.
 */
export const list = <T = unknown>(value: unknown, field: string, label: string): T[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('FIELD_INVALID', `“${label}”应为列表`, field);
  value.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw invalid('FIELD_INVALID', `“${label}”第${i + 1}项格式不正确`, `${field}[${i}]`);
  });
  return value as T[];
};
export const text = (value: unknown, field: string, label: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw invalid('FIELD_REQUIRED', `须填写“${label}”`, field);
  return value;
};
export const optionalText = (value: unknown, field: string, label: string): string | undefined => (value === undefined || value === null ? undefined : text(value, field, label));
export const num = (value: unknown, field: string, label: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('FIELD_INVALID', `“${label}”应为数值`, field);
  return value;
};
export const oneOf = <T extends string>(value: unknown, options: readonly T[], field: string, label: string): T => {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) throw invalid('FIELD_INVALID', `“${label}”应为${options.join('、')}之一`, field);
  return value as T;
};
/** A fiscal year from a query or path: an integer 2000–2100 (beyond it PostgreSQL's int would overflow: a 500, never). */
export const fiscalYear = (value: unknown): number => {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('FISCAL_YEAR_INVALID', '年度应为2000至2100之间的整数', 'fiscalYear');
  return year;
};
