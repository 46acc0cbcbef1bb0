import { UseFilters, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { BEARER_AUTH_NAME, PROBLEM_CONTENT_TYPE, STATUS_TITLES } from '@bpm/http';
import { UpstreamProblemFilter } from './upstream-problem';

const problemRef = { $ref: '#/components/schemas/ProblemDetails' };

/** OpenAPI: the problem+json answers an operation may give. */
export const ApiProblems = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: STATUS_TITLES[status] ?? '请求失败',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
      }),
    ),
  );

/**
 * A controller that forwards to goal-declaration: its problems pass through unchanged,
 * and every operation may answer 400 (the input guard), 401, 403 and the upstream's 502/503/504.
 */
export const ForwardsToGoalDeclaration = (): ClassDecorator =>
  applyDecorators(UseFilters(UpstreamProblemFilter), ApiBearerAuth(BEARER_AUTH_NAME), ApiProblems(400, 401, 403, 502, 503, 504));
