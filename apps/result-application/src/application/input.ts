import { invalid } from '@bpm/decider';

/**
 * Checks of what crosses the boundary before a command is built: shape and type only, each
 * refusal Chinese and naming its field (422). The rules themselves live in the domain.
 */
const refuse = (field: string, message: string) => invalid('INPUT_INVALID', message, field);

export const objectOf = (x: unknown, field = 'body'): Record<string, unknown> => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw refuse(field, `“${field}”应为对象`);
  return x as Record<string, unknown>;
};
export const textOf = (o: Record<string, unknown>, field: string, label: string, max = 2000): string => {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') throw refuse(field, `请填写${label}`);
  if (v.length > max) throw refuse(field, `${label}不能超过${max}个字符`);
  return v;
};
export const optionalTextOf = (o: Record<string, unknown>, field: string, label: string): string | undefined => (o[field] === undefined || o[field] === null ? undefined : textOf(o, field, label));
export const intOf = (o: Record<string, unknown>, field: string, label: string, min = 0): number => {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw refuse(field, `${label}应为不小于${min}的整数`);
  return v;
};
export const oneOf = <T extends string>(o: Record<string, unknown>, field: string, label: string, allowed: readonly T[]): T => {
  const v = o[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw refuse(field, `${label}应为以下之一：${allowed.join('、')}`);
  return v as T;
};
export const listOf = <T>(o: Record<string, unknown>, field: string, label: string, each: (x: unknown, path: string) => T, max = 200): T[] => {
  const v = o[field];
  if (!Array.isArray(v)) throw refuse(field, `${label}应为列表`);
  if (v.length > max) throw refuse(field, `${label}不能超过${max}项`);
  return v.map((x, i) => each(x, `${field}[${i}]`));
};
export const textItem = (label: string) => (x: unknown, path: string) => {
  if (typeof x !== 'string' || x.trim() === '') throw refuse(path, `${label}不能为空`);
  if (x.length > 2000) throw refuse(path, `${label}不能超过2000个字符`);
  return x;
};
export const isoOf = (o: Record<string, unknown>, field: string, label: string): string => {
  const v = textOf(o, field, label, 40);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) throw refuse(field, `${label}应为ISO 8601时间，例如2027-03-01T08:00:00Z`);
  return new Date(v).toISOString();
};
export const idOf = (value: string, label: string): string => {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) throw refuse('id', `${label}只能包含字母、数字和 _ . : -，长度1至100`);
  return value;
};
