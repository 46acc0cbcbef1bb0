import type { components } from './schema';

export type ProblemDetails = components['schemas']['ProblemDetails'];

/** An answer of the API that is not a success, carrying its problem+json as worded by the API. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail);
  }

  /** Field errors as the API names them (`declaration.indicators[0].annualTarget`). */
  get fieldErrors(): { field: string; message: string }[] {
    return this.problem.errors ?? [];
  }
}

const isProblem = (body: unknown): body is ProblemDetails =>
  typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string';

/** The API's problem, or one in the same words for a failure that never reached it. */
export function toProblem(status: number, body: unknown): ApiProblem {
  if (isProblem(body)) return new ApiProblem(status, body);
  const detail = status === 0 ? '无法连接服务器，请检查网络后重试' : `服务器返回了无法识别的应答（${status}）`;
  return new ApiProblem(status, { type: 'about:blank', title: '请求失败', status, detail, code: 'UNEXPECTED_RESPONSE' });
}

/** A message for anything thrown while talking to the API. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiProblem ? error.problem.detail : error instanceof Error ? error.message : String(error);
