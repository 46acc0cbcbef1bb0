import { Global, MiddlewareConsumer, Module, NestModule, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import helmet from 'helmet';
import { answerClientErrorsAsProblems } from './input-guard/client-error';
import { InputGuardMiddleware } from './input-guard/input-guard.middleware';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RequestContextMiddleware } from './request-context/request-context';
import { createValidationPipe } from './validation/validation';

/** Answers carry personal and financial data: no cache, no proxy, may keep them. */
function noStore(_req: unknown, res: { setHeader(name: string, value: string): unknown }, next: () => void): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Import once in a service's root module: security headers (helmet, which also drops
 * `X-Powered-By`) and `Cache-Control: no-store`, request/correlation ids, the input guard,
 * the problem+json filter (also for Node's own 400/431) and the Chinese validation pipe.
 */
@Global()
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
  ],
})
export class HttpPlatformModule implements NestModule, OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(helmet(), noStore, RequestContextMiddleware, InputGuardMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer?.();
    if (server) answerClientErrorsAsProblems(server);
  }
}
