import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';

export const BEARER_AUTH_NAME = 'bearer';

export interface OpenApiOptions {
  title: string;
  /** Where the UI is served; the JSON is at `<path>-json`. Default `docs`. */
  path?: string;
  description?: string;
  version?: string;
}

/**
 * The OpenAPI document, with JWT bearer auth applied to every operation (routes marked
 * public still work without it) and the problem+json schema registered. Also used without
 * serving it: the console's client types are generated from it.
 */
export function createOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion(options.version ?? '1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH_NAME)
    .addSecurityRequirements(BEARER_AUTH_NAME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ProblemDetails: {
        type: 'object',
        description: `RFC 9457 (${PROBLEM_CONTENT_TYPE})`,
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', format: 'uri', example: 'https://bpm.local/problems/validation-failed' },
          title: { type: 'string', example: '提交的数据不符合要求' },
          status: { type: 'integer', example: 400 },
          detail: { type: 'string', example: '提交的数据有 1 处不符合要求：页码（page）不能小于1' },
          instance: { type: 'string', example: '/api/goals' },
          code: { type: 'string', example: 'VALIDATION_FAILED' },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
          },
          correlationId: { type: 'string', format: 'uuid' },
          requestId: { type: 'string', format: 'uuid' },
        },
      },
    },
  };
  return document;
}

/** Serves the OpenAPI document (`<path>-json`) and its UI. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(options.path ?? 'docs', app, document);
  return document;
}
