import { HttpException } from '@nestjs/common';
import { ProblemFieldError, STATUS_TITLES, problemType } from './problem-details';

export interface ProblemExceptionOptions {
  /** Short Chinese title; defaults to one by status. */
  title?: string;
  errors?: ProblemFieldError[];
  /** Extra response headers, e.g. `WWW-Authenticate` on a 401. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An HttpException that already knows its problem+json body. Throw it where a
 * handler, guard or pipe wants a precise status, code and Chinese detail.
 */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly detail: string;
  readonly title: string;
  readonly errors?: ProblemFieldError[];
  readonly headers?: Record<string, string>;

  constructor(status: number, code: string, detail: string, options: ProblemExceptionOptions = {}) {
    const title = options.title ?? STATUS_TITLES[status] ?? '请求失败';
    super(
      {
        type: problemType(code),
        title,
        status,
        detail,
        code,
        ...(options.errors ? { errors: options.errors } : {}),
      },
      status,
      { cause: options.cause },
    );
    this.name = 'ProblemException';
    this.code = code;
    this.detail = detail;
    this.title = title;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** Thrown by the validation pipe: 400 with one entry per offending field. */
export class RequestValidationException extends ProblemException {
  static readonly CODE = 'VALIDATION_FAILED';

  constructor(errors: ProblemFieldError[]) {
    const detail =
      errors.length === 0
        ? '提交的数据不符合要求'
        : `提交的数据有 ${errors.length} 处不符合要求：${errors.map((e) => e.message).join('；')}`;
    super(400, RequestValidationException.CODE, detail, { title: '提交的数据不符合要求', errors });
    this.name = 'RequestValidationException';
  }
}
