import { ProLayout } from '@ant-design/pro-components';
import { Button, Space, Typography } from 'antd';
import { Link, Outlet, matchPath, useLocation } from 'react-router-dom';
import { ROLE_LABELS } from '../shared/labels';
import { routes } from './routes';
import { session, type Identity } from './session';

/** The frame of every signed-in page: the role's menu on the left, who is signed in on top. */
export function ConsoleLayout({ identity }: { identity: Identity }) {
  const location = useLocation();
  const mine = routes.filter((r) => r.roles.includes(identity.role));
  const current = mine.find((r) => matchPath(r.path, location.pathname));
  return (
    <ProLayout
      title="全面预算绩效管理平台"
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: mine.filter((r) => r.menu).map((r) => ({ path: r.path, name: r.name })) }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      actionsRender={() => [
        <Space key="who" data-testid="who">
          <Typography.Text>{identity.name ?? identity.sub}</Typography.Text>
          <Typography.Text type="secondary">
            {ROLE_LABELS[identity.role] ?? identity.role}
            {identity.unit ? `（${identity.unit}）` : ''}
          </Typography.Text>
          <Button size="small" onClick={() => session.signOut()}>
            退出
          </Button>
        </Space>,
      ]}
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {current?.name}
      </Typography.Title>
      <Outlet />
    </ProLayout>
  );
}
