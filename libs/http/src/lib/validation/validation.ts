import { ArgumentMetadata, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { findUnsafeInput, pathText, unsafeInputMessage } from '../input-guard/unsafe-input';

// class-transformer keeps its `@Type` registry in a module without a published declaration file.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { ProblemFieldError } from '../problem/problem-details';
import { RequestValidationException } from '../problem/problem.exception';

// ---------------------------------------------------------------------------
// Field labels: the Chinese name a clerk sees in messages ("预算金额", not "budgetAmount").
// ---------------------------------------------------------------------------

const LABELS = new WeakMap<object, Map<string, string>>();

/** Gives a DTO property its Chinese name for validation messages. */
export function FieldLabel(label: string): PropertyDecorator {
  return (prototype, property) => {
    const own = LABELS.get(prototype) ?? new Map<string, string>();
    own.set(String(property), label);
    LABELS.set(prototype, own);
  };
}

/** The label of a property of a DTO instance (searching base classes), or undefined. */
export function fieldLabelOf(target: object | undefined, property: string): string | undefined {
  let proto: object | null = target ? Object.getPrototypeOf(target) : null;
  while (proto && proto !== Object.prototype) {
    const label = LABELS.get(proto)?.get(property);
    if (label) return label;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Chinese messages per class-validator constraint.
// ---------------------------------------------------------------------------

type Template = (field: string, args: readonly unknown[]) => string;

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join('、') : String(values));

const ofLength = (field: string, args: readonly unknown[]): string => {
  const [min, max] = args as [number | undefined, number | undefined];
  if (min !== undefined && max !== undefined) return `${field}长度应在${min}到${max}个字符之间`;
  if (min !== undefined) return `${field}长度不能少于${min}个字符`;
  return `${field}长度不能超过${max}个字符`;
};

/** Chinese message templates by constraint name; unlisted constraints say 格式不正确. */
export const CHINESE_MESSAGES: Readonly<Record<string, Template>> = {
  isDefined: (f) => `${f}为必填项`,
  isNotEmpty: (f) => `${f}为必填项，不能为空`,
  isNotEmptyObject: (f) => `${f}为必填项，不能为空`,
  arrayNotEmpty: (f) => `${f}至少需要填写一项`,
  whitelistValidation: (f) => `不允许提交字段“${f}”`,
  nestedValidation: (f) => `${f}格式不正确，应为对象`,
  isString: (f) => `${f}必须是文本`,
  isNumber: (f) => `${f}必须是数字`,
  isInt: (f) => `${f}必须是整数`,
  isBoolean: (f) => `${f}必须是“是”或“否”（true 或 false）`,
  isDate: (f) => `${f}必须是日期`,
  isArray: (f) => `${f}必须是列表`,
  isObject: (f) => `${f}格式不正确，应为对象`,
  isEnum: (f, [, keys]) => `${f}的取值不在允许范围内${Array.isArray(keys) ? `（可选：${list(keys)}）` : ''}`,
  isIn: (f, [values]) => `${f}的取值不在允许范围内（可选：${list(values)}）`,
  isNotIn: (f) => `${f}的取值不被允许`,
  equals: (f, [value]) => `${f}必须等于${String(value)}`,
  notEquals: (f, [value]) => `${f}不能等于${String(value)}`,
  min: (f, [n]) => `${f}不能小于${String(n)}`,
  max: (f, [n]) => `${f}不能大于${String(n)}`,
  isPositive: (f) => `${f}必须大于0`,
  isNegative: (f) => `${f}必须小于0`,
  isDivisibleBy: (f, [n]) => `${f}必须是${String(n)}的整数倍`,
  isDecimal: (f) => `${f}必须是数字（可带小数）`,
  isNumberString: (f) => `${f}必须是数字`,
  minLength: (f, [n]) => `${f}长度不能少于${String(n)}个字符`,
  maxLength: (f, [n]) => `${f}长度不能超过${String(n)}个字符`,
  isLength: ofLength,
  arrayMinSize: (f, [n]) => `${f}至少需要${String(n)}项`,
  arrayMaxSize: (f, [n]) => `${f}最多只能有${String(n)}项`,
  arrayUnique: (f) => `${f}中不能有重复项`,
  minDate: (f) => `${f}早于允许的最早日期`,
  maxDate: (f) => `${f}晚于允许的最晚日期`,
  isDateString: (f) => `${f}格式不正确，应为日期（如 2025-01-31）`,
  isIso8601: (f) => `${f}格式不正确，应为日期（如 2025-01-31）`,
  isEmail: (f) => `${f}格式不正确，应为电子邮箱地址`,
  isUuid: (f) => `${f}格式不正确，应为 UUID`,
  isUrl: (f) => `${f}格式不正确，应为网址`,
  isMobilePhone: (f) => `${f}格式不正确，应为手机号码`,
  isPhoneNumber: (f) => `${f}格式不正确，应为电话号码`,
  matches: (f) => `${f}格式不正确`,
  isNumberOrText: (f) => `${f}应为数值（定量指标）或文字（定性指标）`,
  isMoney: (f) => `${f}应为大于0的金额（元），最多两位小数，不超过10万亿元`,
};

/** The Chinese message for one failed constraint of a field. */
export function chineseMessage(constraint: string, field: string, args: readonly unknown[] = []): string {
  const template = CHINESE_MESSAGES[constraint];
  return template ? template(field, args) : `${field}格式不正确`;
}

/** The arguments a constraint was declared with (e.g. 200 of `@Max(200)`), from class-validator's metadata. */
function constraintArgs(target: object | undefined, property: string, constraint: string): readonly unknown[] {
  if (!target || typeof target !== 'object') return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  return meta?.constraints ?? [];
}

function joinPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/** Flattens class-validator's tree into one Chinese message per field and constraint. */
export function toFieldErrors(errors: readonly ValidationError[], parentPath = ''): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    const label = fieldLabelOf(error.target, error.property);
    const name = label ? `${label}（${path}）` : path;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      const args = constraintArgs(error.target, error.property, constraint);
      out.push({ field: path, message: chineseMessage(constraint, name, args) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, path));
  }
  return out;
}

/** The Chinese label at the end of a path through a DTO and its nested `@Type` classes. */
function labelAlong(metatype: unknown, path: readonly (string | number)[]): string | undefined {
  let current = typeof metatype === 'function' ? (metatype as new () => object) : undefined;
  let label: string | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    if (!current) return undefined;
    label = fieldLabelOf(Object.create(current.prototype) as object, segment);
    current = defaultMetadataStorage.findTypeMetadata(current, segment)?.typeFunction() as (new () => object) | undefined;
  }
  return label;
}

/**
 * NUL bytes, lone surrogates and deep nesting, refused before class-transformer and class-validator
 * (which recurse, and would hand PostgreSQL or canonical JSON a string they refuse).
 * Runs on every body, query and route parameter, DTO or not, so services without DTOs are guarded too.
 */
export function assertSafeInput(value: unknown, metadata: Pick<ArgumentMetadata, 'type' | 'data' | 'metatype'>): void {
  if (metadata.type === 'custom') return;
  const found = findUnsafeInput(value);
  if (!found) return;
  const root = metadata.type === 'body' ? '' : metadata.data ?? '';
  const label = root ? undefined : labelAlong(metadata.metatype, found.path);
  const field = pathText([...(root ? [root] : []), ...found.path]) || metadata.type;
  throw new RequestValidationException([{ field, message: unsafeInputMessage(found, root, label) }]);
}

/** Nest's ValidationPipe, with the generic input checks first. */
export class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertSafeInput(value, metadata);
    return super.transform(value, metadata);
  }
}

/**
 * The validation pipe of every service: strips nothing silently (unknown fields are refused),
 * converts query strings to the DTO's types, and fails with a 400 problem whose `errors`
 * name each field in Chinese.
 */
export function createValidationPipe(options: ValidationPipeOptions = {}): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    ...options,
    // The target is needed to find field labels and constraint arguments; it never leaves the server.
    validationError: { target: true, value: false, ...options.validationError },
    exceptionFactory: options.exceptionFactory ?? ((errors) => new RequestValidationException(toFieldErrors(errors))),
  });
}
