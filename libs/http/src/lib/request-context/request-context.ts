import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The ids of the request being served; copy them into event metadata. */
export interface RequestContext {
  /** This one HTTP request. */
  requestId: string;
  /** The whole business transaction; passed on to every downstream call and event. */
  correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The ids of the request being served, or undefined outside of a request. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` inside the given context (for consumers, jobs and tests). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Ids are echoed into response headers and logs, so a caller's value is kept only
 * when it looks like an id: no spaces, no control characters, at most 128 characters.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}$/;

function pickId(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && SAFE_ID.test(first.trim()) ? first.trim() : randomUUID();
}

/** Minimal shapes, so the middleware works with Express and anything like it. */
interface IncomingLike {
  headers: Record<string, string | string[] | undefined>;
  requestContext?: RequestContext;
}
interface OutgoingLike {
  setHeader(name: string, value: string): unknown;
}

/** Reads or makes the ids, echoes them in the response and stores them for the request. */
export function requestContextMiddleware(req: IncomingLike, res: OutgoingLike, next: (error?: unknown) => void): void {
  const context: RequestContext = {
    requestId: pickId(req.headers[REQUEST_ID_HEADER]),
    correlationId: pickId(req.headers[CORRELATION_ID_HEADER]),
  };
  req.requestContext = context;
  res.setHeader(REQUEST_ID_HEADER, context.requestId);
  res.setHeader(CORRELATION_ID_HEADER, context.correlationId);
  storage.run(context, () => next());
}

/** The Nest form of {@link requestContextMiddleware}. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingLike, res: OutgoingLike, next: (error?: unknown) => void): void {
    requestContextMiddleware(req, res, next);
  }
}

/** The context of a request: from async storage, or failing that from the request object. */
export function requestContextOf(req: unknown): RequestContext | undefined {
  return currentRequestContext() ?? (req as IncomingLike | undefined)?.requestContext;
}
