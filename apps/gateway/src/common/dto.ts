import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsNotEmptyObject, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FieldLabel } from '@bpm/http';

/** Ids as the services mint them: letters, digits and `-_.:`, at most 100 characters. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** A required or optional id (项目编码, 单位编码, …). */
export const IdField = (label: string, description: string, optional = false): PropertyDecorator =>
  applyDecorators(
    optional ? ApiPropertyOptional({ description, example: 'U001' }) : ApiProperty({ description, example: 'U001' }),
    FieldLabel(label),
    ...(optional ? [IsOptional()] : []),
    IsString(),
    IsNotEmpty(),
    Matches(ID_PATTERN),
  );

/** A required non-empty text, at most `max` characters. */
export const TextField = (label: string, description: string, max = 2000, optional = false): PropertyDecorator =>
  applyDecorators(
    optional ? ApiPropertyOptional({ description, maxLength: max }) : ApiProperty({ description, maxLength: max }),
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
      ? ApiPropertyOptional({ description: '预算年度', example: 2026, type: Number })
      : ApiProperty({ description: '预算年度', example: 2026, type: Number }),
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
