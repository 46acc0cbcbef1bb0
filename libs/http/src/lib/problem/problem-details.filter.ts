import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestContextOf } from '../request-context/request-context';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/**
 * The one exception filter of every service: whatever was thrown, the client gets
 * `application/problem+json` (RFC 9457) with a Chinese detail and the correlation id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<unknown>();
    const res = http.getResponse<unknown>();
    const adapter = this.adapterHost.httpAdapter;

    const ids = requestContextOf(req);
    const url = String(adapter.getRequestUrl(req) ?? '');
    const problem = toProblem(exception, {
      instance: url.split('?')[0],
      correlationId: ids?.correlationId,
      requestId: ids?.requestId,
    });

    if (problem.isFault) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(
        `${adapter.getRequestMethod?.(req) ?? ''} ${problem.body.instance} → ${problem.status} ` +
          `[correlationId=${ids?.correlationId ?? '-'}]`,
        stack,
      );
    }

    if (adapter.isHeadersSent(res)) {
      adapter.end(res);
      return;
    }
    for (const [name, value] of Object.entries(problem.headers)) adapter.setHeader(res, name, value);
    adapter.setHeader(res, 'Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    // A string body: the adapter leaves our Content-Type alone (it resets it for objects).
    adapter.reply(res, JSON.stringify(problem.body), problem.status);
  }
}
