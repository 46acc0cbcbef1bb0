import { ProblemException } from '@bpm/http';
import type { Role } from '@bpm/contracts';
import { ROLE_LABELS } from './auth.config';

const REALM = 'Bearer realm="bpm"';

/** 401 problems, each with the `WWW-Authenticate` header of RFC 6750. */
export const authProblems = {
  missingToken: () =>
    new ProblemException(401, 'UNAUTHENTICATED', '未登录或缺少访问令牌，请先登录', {
      title: '未登录',
      headers: { 'WWW-Authenticate': REALM },
    }),
  invalidToken: () =>
    new ProblemException(401, 'TOKEN_INVALID', '访问令牌无效，请重新登录', {
      title: '登录凭证无效',
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
    }),
  expiredToken: () =>
    new ProblemException(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录', {
      title: '登录已过期',
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="expired"` },
    }),
  badClaims: () =>
    new ProblemException(401, 'TOKEN_CLAIMS_INVALID', '访问令牌中的身份信息不完整（缺少用户、角色或所属单位），请重新登录', {
      title: '登录凭证无效',
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
    }),
  keysUnavailable: () =>
    new ProblemException(503, 'AUTH_KEYS_UNAVAILABLE', '身份认证服务暂不可用，请稍后重试', { title: '服务暂不可用' }),
  roleForbidden: (allowed: readonly Role[], actual: Role) =>
    new ProblemException(
      403,
      'ROLE_FORBIDDEN',
      `无权执行此操作：此操作仅限${allowed.map((r) => ROLE_LABELS[r]).join('或')}，当前角色为${ROLE_LABELS[actual] ?? actual}`,
      { title: '无权访问' },
    ),
  unitScopeForbidden: (ownUnit: string | undefined) =>
    new ProblemException(
      403,
      'UNIT_SCOPE_FORBIDDEN',
      `无权访问其他单位的数据：您只能查看和办理本单位${ownUnit ? `（${ownUnit}）` : ''}的事项`,
      { title: '无权访问' },
    ),
  evaluatorNotAssigned: () =>
    new ProblemException(403, 'EVALUATOR_NOT_ASSIGNED', '无权访问：第三方评价人员只能访问分配给自己的评价任务', {
      title: '无权访问',
    }),
};
