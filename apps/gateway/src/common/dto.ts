import { Type as ClassType, applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNotEmptyObject,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { FieldLabel } from '@bpm/http';

/** Ids as the services mint them: letters, digits and `-_.:`, at most 100 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** A required or optional id (项目编码, 单位编码, …). */
export const IdField = (label: string, description: string, optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, example: 'U001', pattern: ID_PATTERN.source, maxLength: 100 })
      : ApiProperty({ description, example: 'U001', pattern: ID_PATTERN.source, maxLength: 100 }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    IsNotEmpty(),
    Matches(ID_PATTERN),
  );

/** A required non-empty text, at most `max` characters. */
export const TextField = (label: string, description: string, max = 2000, optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, minLength: 1, maxLength: max })
      : ApiProperty({ description, minLength: 1, maxLength: max }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );

/** 预算年度: an integer year; query strings are converted. */
export const FiscalYearField = (optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description: '预算年度', example: 2026, type: 'integer', minimum: 2000, maximum: 2100 })
      : ApiProperty({ description: '预算年度', example: 2026, type: 'integer', minimum: 2000, maximum: 2100 }),
    FieldLabel('预算年度'),
    ...(optional ? [IsOptional()] : []),
    Type(() => Number),
    IsInt(),
    Min(2000),
    Max(2100),
  );

/**
 * A JSON object whose inner rules belong to the owning service's domain (indicator,
 * category, goal table …): the gateway checks it is an object and forwards it; the
 * domain answers field by field in Chinese.
 */
export const JsonObjectField = (label: string, description: string, optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, type: 'object', additionalProperties: true })
      : ApiProperty({ description, type: 'object', additionalProperties: true }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsObject(),
    ...(optional ? [] : [IsNotEmptyObject()]),
  );

/**
 * A required (or optional) nested object: present, an object (not a list, not null) and
 * valid field by field. Without `IsObject`, class-validator passes `[]`; without `IsDefined`, it
 * passes a missing one, and the handler meets `undefined`.
 */
export const NestedField = (label: string, description: string, type: () => ClassType, optional = false): PropertyDecorator =>
  applyDecorators(
    // Written inline so the function is named `type`: that is how @nestjs/swagger recognises a lazy type.
    optional ? ApiPropertyOptional({ description, type: () => type() }) : ApiProperty({ description, type: () => type() }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : [IsDefined()]),
    IsObject(),
    ValidateNested(),
    Type(type),
  );

/** A list of nested objects, each valid field by field. */
export const NestedListField = (
  label: string,
  description: string,
  type: () => ClassType,
  { optional = false, min = 0, max = 500 }: { optional?: boolean; min?: number; max?: number } = {},
): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, type: () => [type()], minItems: min, maxItems: max })
      : ApiProperty({ description, type: () => [type()], minItems: min, maxItems: max }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : [IsDefined()]),
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(max),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );

/** A value from a closed list. */
export const EnumField = (label: string, description: string, values: readonly string[], optional = false): PropertyDecorator =>
  applyDecorators(
    optional ? ApiPropertyOptional({ description, enum: [...values] }) : ApiProperty({ description, enum: [...values] }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsIn(values as string[]),
  );

/** A finite number in [min, max]. */
export const NumberField = (label: string, description: string, min: number, max: number, optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, type: Number, minimum: min, maximum: max })
      : ApiProperty({ description, type: Number, minimum: min, maximum: max }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );

/** 指标值: a number (定量) or a text (定性). */
export const TargetValueField = (label: string, description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, oneOf: [{ type: 'number', minimum: -1e12, maximum: 1e12 }, { type: 'string', maxLength: 500 }] }),
    FieldLabel(label),
    IsOptional(),
    ValidateBy({
      name: 'isNumberOrText',
      validator: {
        validate: (v: unknown) =>
          (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e12) || (typeof v === 'string' && v.length <= 500),
      },
    }),
  );

/** 10 万亿元: above any budget line of a county or a province. */
export const MAX_AMOUNT = 10_000_000_000_000;
/** Exactly what a clerk writes: yuan, at most two decimals (分), no exponent. */
const MONEY_TEXT = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;

/**
 * 金额（元）: a positive JSON number with at most two decimals, at most {@link MAX_AMOUNT}.
 * Such a number prints back exactly (`String(v)` has no exponent and no binary noise), so the
 * amount is exact to the 分; `1e308`, `0.1 + 0.2` and `NaN` are refused.
 */
export const MoneyField = (label: string, description: string, optional = false): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ description, type: Number, minimum: 0.01, maximum: MAX_AMOUNT, example: 1200000 })
      : ApiProperty({ description, type: Number, minimum: 0.01, maximum: MAX_AMOUNT, example: 1200000 }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    ValidateBy({
      name: 'isMoney',
      validator: {
        validate: (v: unknown) => typeof v === 'number' && v > 0 && v <= MAX_AMOUNT && MONEY_TEXT.test(String(v)),
      },
    }),
  );

// ---------------------------------------------------------------------------
// Route parameters: declared once, for validation and for the OpenAPI document.
// ---------------------------------------------------------------------------

export class ProjectParams {
  @IdField('项目编码', '项目编码')
  projectId!: string;
}

/** `<region>-<year>`; the region is free text (某县), so only length and the generic guard apply. */
export class LibraryParams {
  @TextField('指标库', '指标库编号（区划-年度）', 150)
  libraryId!: string;
}

export class LibraryIndicatorParams extends LibraryParams {
  @IdField('指标编码', '指标编码')
  indicatorId!: string;
}

export class AssessmentParams {
  @IdField('评估编号', '事前绩效评估编号')
  assessmentId!: string;
}

export class NoticeParams {
  @IdField('通知单编号', '追加资金通知单编号')
  noticeId!: string;
}
