import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RequestContextMiddleware } from './request-context/request-context';
import { createValidationPipe } from './validation/validation';

/**
 * Import once in a service's root module: request/correlation ids on every route,
 * the problem+json filter and the Chinese validation pipe, all global.
 */
@Global()
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
  ],
})
export class HttpPlatformModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
