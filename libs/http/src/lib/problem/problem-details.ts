/** RFC 9457 media type for problem details. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Base of every problem `type` URI; the code is appended in kebab case. */
export const PROBLEM_TYPE_BASE = 'https://bpm.local/problems/';

/** One field-level complaint, e.g. from validation or a domain rule naming its field. */
export interface ProblemFieldError {
  /** Path into the request body or query, e.g. `indicators[2].annualTarget`. */
  field: string;
  /** Chinese, names the field, readable by a finance clerk. */
  message: string;
}

/**
 * The body of every error response (RFC 9457), plus our extension members:
 * `code` (stable, for clients and tests), `errors` (field errors) and
 * `correlationId` (to quote when calling the help desk).
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** Chinese, written for the person at the screen; never internals. */
  detail: string;
  /** The request path that failed. */
  instance?: string;
  code: string;
  errors?: ProblemFieldError[];
  correlationId?: string;
  requestId?: string;
}

/** `NOT_OWNING_UNIT` → `https://bpm.local/problems/not-owning-unit`. */
export function problemType(code: string): string {
  const slug = code
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return PROBLEM_TYPE_BASE + (slug || 'error');
}

/** Short Chinese titles by status, used when a problem brings none of its own. */
export const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '无权访问',
  404: '未找到',
  405: '不支持的请求方式',
  406: '无法提供所要求的格式',
  408: '请求超时',
  409: '数据冲突',
  410: '资源已不存在',
  412: '数据已被修改',
  428: '缺少版本条件',
  413: '提交的内容过大',
  415: '不支持的内容类型',
  422: '业务规则不允许',
  429: '请求过于频繁',
  500: '服务器内部错误',
  502: '上游服务异常',
  503: '服务暂不可用',
  504: '上游服务超时',
};

/** Chinese details by status, for framework exceptions whose own message is English. */
export const STATUS_DETAILS: Readonly<Record<number, string>> = {
  400: '请求格式不正确，请检查后重新提交',
  401: '未登录或登录已失效，请重新登录',
  403: '您没有执行此操作的权限',
  404: '要访问的内容不存在，请检查地址或刷新后重试',
  405: '不支持此请求方式',
  406: '无法按所要求的格式返回数据',
  408: '请求超时，请稍后重试',
  409: '数据冲突，请刷新后重试',
  410: '要访问的内容已不存在',
  412: '该记录已被他人修改，请刷新后重试',
  428: '请先获取最新版本再提交修改（缺少 If-Match）',
  413: '提交的内容过大，请减小后重试',
  415: '不支持提交的内容类型，请使用 JSON',
  422: '提交的数据不符合业务规则',
  429: '请求过于频繁，请稍后再试',
  500: '系统内部错误，请稍后重试；如问题持续，请联系管理员并提供追踪编号',
  502: '依赖的服务出现异常，请稍后重试',
  503: '服务暂不可用，请稍后重试',
  504: '依赖的服务响应超时，请稍后重试',
};

/** Stable codes for framework exceptions that carry none. */
export const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  412: 'PRECONDITION_FAILED',
  428: 'PRECONDITION_REQUIRED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True when a message is written in Chinese (so it was meant for the user). */
export function isChinese(text: unknown): text is string {
  return typeof text === 'string' && CJK.test(text);
}
