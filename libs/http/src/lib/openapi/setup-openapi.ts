import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, STATUS_TITLES } from '../problem/problem-details';

export const BEARER_AUTH_NAME = 'bearer';

export interface OpenApiOptions {
  title: string;
  /** Where the UI is served; the JSON is at `<path>-json`. Default `docs`. */
  path?: string;
  description?: string;
  version?: string;
}

const problemAnswer = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

/**
 * What the input guard and Node answer on any operation, declared where the guard lives:
 * 400 (NUL bytes, lone surrogates, nesting, non-JSON bodies, unsafe integers), 431 (headers over
 * 16 kB) and, where a body is accepted, 413 (over the body limit).
 */
function declareGuardAnswers(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      responses['400'] ??= problemAnswer(STATUS_TITLES[400]);
      responses['431'] ??= problemAnswer('请求头过大');
      if (operation.requestBody) responses['413'] ??= problemAnswer(STATUS_TITLES[413]);
    }
  }
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
  declareGuardAnswers(document);
  return document;
}

/** Serves the OpenAPI document (`<path>-json`) and its UI. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = createOpenApiDocument(app, options);
  SwaggerModule.setup(options.path ?? 'docs', app, document);
  return document;
}
