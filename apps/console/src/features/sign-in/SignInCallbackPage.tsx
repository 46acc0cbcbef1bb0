import { Result } from 'antd';

/**
 * Where the identity provider sends the user back. Exchanging the code for a token belongs to
 * the deployment's OIDC client (see README, 生产环境登录); until one is deployed, this page says so.
 */
export function SignInCallbackPage() {
  return <Result status="info" title="统一身份认证回调" subTitle="本部署尚未配置授权码换取令牌的服务，请联系系统管理员。" />;
}
