/** Where goal-declaration's internal HTTP API is, and how long one call may take. */
export interface GoalReviewConfig {
  goalDeclarationUrl: string;
  timeoutMs: number;
}

export const GOAL_REVIEW_CONFIG = Symbol('GOAL_REVIEW_CONFIG');

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/** `GOAL_DECLARATION_URL` (default http://127.0.0.1:3001) and `UPSTREAM_TIMEOUT_MS` (default 10000). */
export function loadGoalReviewConfig(env: Env = process.env): GoalReviewConfig {
  const goalDeclarationUrl = (nonEmpty(env['GOAL_DECLARATION_URL']) ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
  const { protocol } = new URL(goalDeclarationUrl); // fail at start-up, not on the first review
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`GOAL_DECLARATION_URL must be an http(s) URL, got "${goalDeclarationUrl}"`);
  }
  const timeoutMs = Number(nonEmpty(env['UPSTREAM_TIMEOUT_MS']) ?? 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  return { goalDeclarationUrl, timeoutMs };
}
