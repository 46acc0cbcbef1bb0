import { Injectable, NestMiddleware } from '@nestjs/common';
import { ProblemException, RequestValidationException } from '../problem/problem.exception';
import { MAX_JSON_DEPTH, findUnsafeInput, unsafeInputMessage, unsafeString } from './unsafe-input';

/** Minimal request shape (Express or alike). */
interface IncomingLike {
  method?: string;
  originalUrl?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;
/** Uploads, read by their route's own parser (a file interceptor, a raw body): not refused here. */
const UPLOAD_TYPE = /^(multipart\/form-data|application\/octet-stream)\b/i;

const invalid = (field: string, message: string) => new RequestValidationException([{ field, message }]);

/** A request that carries a body (RFC 9110: Content-Length > 0 or chunked). */
function hasBody(req: IncomingLike): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** Each path segment decodes to well-formed text without NUL. */
function checkPath(req: IncomingLike): void {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  for (const segment of path.split('/')) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      throw invalid('path', `请求地址中的“${segment.slice(0, 40)}”不是有效的 UTF-8 编码`);
    }
    const reason = unsafeString(text);
    if (reason) throw invalid('path', unsafeInputMessage({ path: [], reason }, '', '请求地址'));
  }
}

/** Integers written in a query string stay within what JavaScript and PostgreSQL count exactly. */
function checkQuery(query: unknown): void {
  const found = findUnsafeInput(query, 4);
  if (found) throw invalid(String(found.path[0] ?? 'query'), unsafeInputMessage(found, '', undefined));
  if (typeof query !== 'object' || query === null) return;
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && INTEGER_TEXT.test(item) && !Number.isSafeInteger(Number(item))) {
        throw invalid(key, `查询参数“${key}”的数值 ${item.slice(0, 30)} 超出允许范围`);
      }
    }
  }
}

/**
 * Runs before any route, pipe or validator: refuses a body that is not JSON, JSON nested deeper
 * than {@link MAX_JSON_DEPTH} (validators recurse; this walk does not), NUL bytes and lone
 * surrogates in the path, and query integers beyond the safe range. Field-level NUL/surrogate
 * checks with the field's Chinese label run in the validation pipe.
 */
export function guardInput(req: IncomingLike): void {
  checkPath(req);
  checkQuery(req.query);
  if (!hasBody(req)) return;
  const type = String(req.headers['content-type'] ?? '');
  if (UPLOAD_TYPE.test(type)) return;
  if (!JSON_TYPE.test(type)) {
    throw new ProblemException(400, 'BODY_NOT_JSON', '提交的内容必须是 JSON（Content-Type: application/json）');
  }
  const tooDeep = findUnsafeInput(req.body, MAX_JSON_DEPTH, false);
  if (tooDeep) throw invalid('body', unsafeInputMessage(tooDeep, '', '提交的内容'));
}

/** Thrown, not passed to `next`: Nest routes a middleware's throw through the problem+json filter. */
@Injectable()
export class InputGuardMiddleware implements NestMiddleware {
  use(req: IncomingLike, _res: unknown, next: () => void): void {
    guardInput(req);
    next();
  }
}
