import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '@bpm/http';

/**
 * Optimistic concurrency as HTTP says it: a record's strong ETag is its stream version
 * (`"7"`); a change sent with `If-Match: "7"` is appended only at version 7, else 412.
 * Without If-Match a change is appended at the version just read (a race in between is 409).
 */
export const etagOf = (streamVersion: number): string => `"${streamVersion}"`;

const STRONG_ETAG = /^"(\d{1,15})"$/;

/** The expected stream version from an If-Match header; undefined when absent or `*`. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  const match = STRONG_ETAG.exec(value);
  if (!match) {
    throw new ProblemException(400, 'IF_MATCH_INVALID', `版本条件（If-Match）“${value.slice(0, 40)}”无效：应为查询时返回的 ETag，如 "7"`);
  }
  return Number(match[1]);
}

export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest().headers['if-match']),
);

export function versionMismatch(expected: number, actual: number | undefined): ProblemException {
  const now = actual === undefined ? '' : `（当前为第${actual}版，您依据的是第${expected}版）`;
  return new ProblemException(412, 'VERSION_MISMATCH', `该记录已被他人修改${now}，请刷新后重试`, { title: '数据已被修改' });
}

/** Where a controller sets the ETag of what it answers. */
export interface HasHeaders {
  setHeader(name: string, value: string): unknown;
}
