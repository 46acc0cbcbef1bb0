import { Type as ClassType, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FieldLabel } from '../validation/validation';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
/** Far beyond any list of ours; keeps OFFSET inside PostgreSQL's bigint and JavaScript's exact integers. */
export const MAX_PAGE = 1_000_000;

/** `?page=2&pageSize=50`: extend it for list endpoints with filters. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', description: '页码，从 1 开始', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @FieldLabel('页码')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', description: '每页条数', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @FieldLabel('每页条数')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

/** One page of a list. `total` counts all matching items, not just this page. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Rows to skip for a page query (for SQL OFFSET / TypeORM `skip`). */
export function pageOffset(query: Pick<PageQuery, 'page' | 'pageSize'>): number {
  return (Math.max(1, query.page) - 1) * query.pageSize;
}

/** Builds the response of a list endpoint. */
export function pageOf<T>(items: T[], query: Pick<PageQuery, 'page' | 'pageSize'>, total: number): Page<T> {
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** OpenAPI: documents a 200 response as `Page<model>`. */
export function ApiPageResponse(model: ClassType<unknown>, description = '分页结果'): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'page', 'pageSize', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          page: { type: 'integer', minimum: 1, example: 1 },
          pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: DEFAULT_PAGE_SIZE },
          total: { type: 'integer', minimum: 0, example: 0 },
        },
      },
    }),
  );
}
