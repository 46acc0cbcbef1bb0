import { HttpException } from '@nestjs/common';
import {
  ProblemDetails,
  ProblemFieldError,
  STATUS_CODES,
  STATUS_DETAILS,
  STATUS_TITLES,
  isChinese,
  problemType,
} from './problem-details';
import { ErrorKind, isErrorKind, statusOfKind } from './error-kind';
import { ProblemException } from './problem.exception';

/** What the filter sends: the body, its status, extra headers, and whether to log it as a fault. */
export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  headers: Record<string, string>;
  /** True for 5xx: a fault of ours, worth a log line with the stack. */
  isFault: boolean;
}

export interface ProblemContext {
  /** The request path (no query string). */
  instance?: string;
  correlationId?: string;
  requestId?: string;
}

export const CONCURRENCY_CODE = 'CONCURRENCY_CONFLICT';
export const CONCURRENCY_DETAIL = '该记录已被他人修改，请刷新后重试';
const MALFORMED_JSON_DETAIL = '提交的内容不是有效的 JSON，请检查格式后重试';

/** An error from a decider: a stable `code`, its `kind`, a Chinese `message`, maybe a `field`. */
export interface DomainErrorLike {
  code: string;
  kind: ErrorKind;
  message: string;
  field?: string;
}

/**
 * Duck-typed on purpose, so no service has to share a class with this library: a domain
 * error says what kind of refusal it is. Anything without a known kind (Node's coded
 * errors such as `ECONNREFUSED`, a library's own) is a fault.
 */
export function isDomainErrorLike(error: unknown): error is DomainErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return typeof e['code'] === 'string' && e['code'] !== '' && typeof e['message'] === 'string' && isErrorKind(e['kind']);
}

/** Thrown by the event store when the expected stream version does not hold. */
export function isConcurrencyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConcurrencyError';
}

/** Errors of Express's body parser and other http-errors users: a status and `expose: true`. */
function clientErrorOf(error: unknown): { status: number; type?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && e.expose === true) {
    return { status, type: typeof e.type === 'string' ? e.type : undefined };
  }
  return undefined;
}

function build(
  status: number,
  code: string,
  detail: string,
  ctx: ProblemContext,
  extra: { title?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
): ProblemResponse {
  const body: ProblemDetails = {
    type: problemType(code),
    title: extra.title ?? STATUS_TITLES[status] ?? '请求失败',
    status,
    detail,
    ...(ctx.instance !== undefined ? { instance: ctx.instance } : {}),
    code,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  };
  return { status, body, headers: extra.headers ?? {}, isFault: status >= 500 };
}

function fromHttpException(exception: HttpException, ctx: ProblemContext): ProblemResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = typeof response === 'string' ? response : fields['message'] ?? exception.message;
  const code =
    typeof fields['code'] === 'string' && fields['code'] !== ''
      ? fields['code']
      : STATUS_CODES[status] ?? `HTTP_${status}`;
  // Nest turns body-parser's SyntaxError into a bare 400 carrying the parser's message.
  if (status === 400 && typeof message === 'string' && !isChinese(message) && /JSON/.test(message)) {
    return build(400, 'MALFORMED_JSON', MALFORMED_JSON_DETAIL, ctx);
  }
  if (status === 400 && isDecodeFailure(message)) return malformedPath(ctx);
  // Framework messages are English ("Cannot GET /x"); only a Chinese one was written for the user.
  const detail = isChinese(message)
    ? message
    : STATUS_DETAILS[status] ?? (status >= 500 ? STATUS_DETAILS[500] : '请求未能完成');
  return build(status, code, status === 500 ? withTrace(detail, ctx) : detail, ctx);
}

/** The router's own decoding of a path parameter failed (`%ED%A0%80`, `%E0%A4%A`). */
const isDecodeFailure = (message: unknown): boolean => typeof message === 'string' && message.startsWith('Failed to decode param');
const malformedPath = (ctx: ProblemContext): ProblemResponse =>
  build(400, 'MALFORMED_PATH', '请求地址中含有无效的编码（不是有效的 UTF-8），请检查后重试', ctx);

function withTrace(detail: string, ctx: ProblemContext): string {
  return ctx.correlationId ? `${detail}（追踪编号：${ctx.correlationId}）` : detail;
}

/**
 * Maps anything thrown while serving a request to an RFC 9457 problem.
 * Nothing of an unknown error (message, stack, class) reaches the body.
 */
export function toProblem(exception: unknown, ctx: ProblemContext = {}): ProblemResponse {
  if (exception instanceof ProblemException) {
    return build(exception.getStatus(), exception.code, exception.detail, ctx, {
      title: exception.title,
      errors: exception.errors,
      headers: exception.headers,
    });
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception, ctx);
  }
  if (isConcurrencyError(exception)) {
    return build(409, CONCURRENCY_CODE, CONCURRENCY_DETAIL, ctx, { title: '数据已被修改' });
  }
  if (isDomainErrorLike(exception)) {
    const status = statusOfKind(exception.kind);
    const errors = typeof exception.field === 'string' && exception.field !== ''
      ? [{ field: exception.field, message: exception.message }]
      : undefined;
    return build(status, exception.code, exception.message, ctx, { errors });
  }
  const clientError = clientErrorOf(exception);
  if (clientError) {
    if (clientError.type === 'entity.parse.failed') {
      return build(400, 'MALFORMED_JSON', MALFORMED_JSON_DETAIL, ctx);
    }
    if (clientError.status === 400 && isDecodeFailure((exception as Error).message)) return malformedPath(ctx);
    return build(
      clientError.status,
      STATUS_CODES[clientError.status] ?? `HTTP_${clientError.status}`,
      STATUS_DETAILS[clientError.status] ?? '请求未能完成',
      ctx,
    );
  }
  return build(500, 'INTERNAL_ERROR', withTrace(STATUS_DETAILS[500], ctx), ctx);
}
