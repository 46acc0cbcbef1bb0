import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * A problem+json answer of an upstream service, to be sent on exactly as it came:
 * same status, same body, same content type (RFC 9457 passthrough).
 */
export class UpstreamProblemException extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly contentType: string,
  ) {
    super(`upstream problem ${status}`);
    this.name = 'UpstreamProblemException';
  }
}

/**
 * Relays an upstream problem unchanged. Registered per controller (`@UseFilters`), so it
 * takes precedence over the global problem filter, which handles everything else.
 */
@Catch(UpstreamProblemException)
export class UpstreamProblemFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: UpstreamProblemException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<unknown>();
    const adapter = this.adapterHost.httpAdapter;
    if (adapter.isHeadersSent(res)) {
      adapter.end(res);
      return;
    }
    adapter.setHeader(res, 'Content-Type', exception.contentType);
    adapter.reply(res, exception.body, exception.status);
  }
}
