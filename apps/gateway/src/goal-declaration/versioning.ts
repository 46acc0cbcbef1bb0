import { Headers } from '@nestjs/common';

/**
 * Optimistic concurrency passed through: goal-declaration owns the versions. The gateway
 * hands a client's If-Match on unchanged and relays the ETag goal-declaration answers with
 * (a record's stream version, e.g. `"7"`). If-Match is optional: a client that sends none
 * keeps last-writer-wins (the append is still atomic at the version read).
 */
export const IfMatchHeader = (): ParameterDecorator => Headers('if-match');

/** Where a controller sets a response header (Express's response, passthrough mode). */
export interface HasHeaders {
  setHeader(name: string, value: string): unknown;
}

export function relayEtag(res: HasHeaders, etag: string | undefined): void {
  if (etag) res.setHeader('ETag', etag);
}
