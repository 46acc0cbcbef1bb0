import { Result } from 'antd';
import { Link } from 'react-router-dom';

export function NotFound() {
  return <Result status="404" title="页面不存在或无权访问" subTitle="请从左侧菜单进入。" extra={<Link to="/">返回首页</Link>} />;
}

export function Welcome() {
  return <Result status="info" title="欢迎使用全面预算绩效管理平台" subTitle="您的角色暂无可用的功能页面，相关功能正在建设中。" />;
}
