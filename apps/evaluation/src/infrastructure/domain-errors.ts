import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { isDomainError, type DomainError, type ErrorKind } from '@bpm/decider';
import { ProblemException } from '@bpm/http';

/**
 * The one place a domain refusal becomes an HTTP status, by its kind and never by its code:
 * not-found 404, forbidden 403, invalid 422, conflict 409, precondition 422 (a state the caller
 * can change, not a race). The Chinese message is the problem's `detail`.
 */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = { 'not-found': 404, forbidden: 403, invalid: 422, conflict: 409, precondition: 422 };

export const problemOf = (error: DomainError): ProblemException =>
  new ProblemException(STATUS_OF_KIND[error.kind], error.code, error.message, {
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
  });

/** Installed globally: a DomainError leaving a handler goes on as its problem; anything else passes untouched. */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw isDomainError(error) ? problemOf(error) : error;
      }),
    );
  }
}
