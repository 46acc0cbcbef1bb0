import { UseFilters, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { BEARER_AUTH_NAME } from '@bpm/http';
import { ApiProblems } from '../goal-declaration/api-docs';
import { UpstreamProblemFilter } from '../goal-declaration/upstream-problem';

/** A controller that forwards to evaluation: its problems pass through unchanged; 401, 403 and the upstream's 502/503/504 everywhere. */
export const ForwardsToEvaluation = (): ClassDecorator =>
  applyDecorators(UseFilters(UpstreamProblemFilter), ApiBearerAuth(BEARER_AUTH_NAME), ApiProblems(401, 403, 502, 503, 504));

export const anyObject = { schema: { type: 'object', additionalProperties: true } };
