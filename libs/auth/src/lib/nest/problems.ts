import { ProblemException } from '@bpm/http';

const REALM = 'Bearer realm="bpm-internal"';

/** Refusals of the internal API, as problem+json with `WWW-Authenticate` (RFC 6750) on 401. */
export const internalAuthProblems = {
  missingToken: () =>
    new ProblemException(401, 'INTERNAL_TOKEN_MISSING', '内部接口只接受经网关或流程服务签发的访问令牌，本次请求没有令牌', {
      title: '未认证',
      headers: { 'WWW-Authenticate': REALM },
    }),
  invalidToken: () =>
    new ProblemException(401, 'INTERNAL_TOKEN_INVALID', '内部接口的访问令牌无效（签名、签发方、接收方或时间不符），请求被拒绝', {
      title: '未认证',
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
    }),
  expiredToken: () =>
    new ProblemException(401, 'INTERNAL_TOKEN_EXPIRED', '内部接口的访问令牌已过期，请重新发起请求', {
      title: '未认证',
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="expired"` },
    }),
  issuerForbidden: (allowed: readonly string[]) =>
    new ProblemException(403, 'INTERNAL_CALLER_FORBIDDEN', `此内部操作只能由${allowed.map((a) => ISSUER_LABELS[a] ?? a).join('或')}发起`, {
      title: '无权访问',
    }),
};

const ISSUER_LABELS: Record<string, string> = { gateway: '网关', orchestrator: '流程服务（审核流程）' };
