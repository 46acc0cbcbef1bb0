import { AutoComplete, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { session } from '../../app/session';
import { ProblemAlert, PageState } from '../../shared/PageState';
import { ROLE_LABELS } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { SAMPLE_UNITS, SAMPLE_USERS } from './samples';

type LocalSignIn = components['schemas']['LocalSignInDto'];

/** Production: 统一身份认证 (OIDC authorization code, redirect to the identity provider). */
function oidcRedirect(oidc: { authorizeUrl: string; clientId: string }) {
  const url = new URL(oidc.authorizeUrl);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid profile');
  url.searchParams.set('redirect_uri', `${window.location.origin}/console/sign-in/callback`);
  window.location.assign(url.toString());
}

export function SignInPage() {
  const options = useLoad(() => unwrap(api.GET('/sign-in/options')).then((a) => a.data), []);
  const [form] = Form.useForm<LocalSignIn>();
  const [error, setError] = useState<unknown>();
  const role = Form.useWatch('role', form);

  const signIn = async (values: LocalSignIn) => {
    setError(undefined);
    try {
      const { data } = await unwrap(api.POST('/sign-in/local', { body: { ...values, unit: values.role === 'unit' ? values.unit : undefined } }));
      session.signIn(data.token);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          全面预算绩效管理平台
        </Typography.Title>
        <PageState loading={options.loading} error={options.error} onRetry={options.reload}>
          {options.data?.oidc && (
            <Button type="primary" block size="large" style={{ marginBottom: 16 }} onClick={() => options.data?.oidc && oidcRedirect(options.data.oidc)}>
              统一身份认证登录
            </Button>
          )}
          {options.data?.local ? (
            <Form<LocalSignIn>
              form={form}
              name="sign-in"
              layout="vertical"
              initialValues={{ role: 'unit', unit: SAMPLE_UNITS[0].id, ...SAMPLE_USERS['unit'] }}
              onValuesChange={(changed: Partial<LocalSignIn>) => changed.role && form.setFieldsValue(SAMPLE_USERS[changed.role] ?? {})}
              onFinish={signIn}
            >
              <Typography.Paragraph type="secondary">本地模式：选择示例角色与单位登录（仅用于本机试用）。</Typography.Paragraph>
              <ProblemAlert error={error} />
              <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
                <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              {role === 'unit' && (
                <Form.Item name="unit" label="所属单位（编码）" rules={[{ required: true, whitespace: true, message: '请选择或填写所属单位编码' }]}>
                  <AutoComplete options={SAMPLE_UNITS.map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }))} />
                </Form.Item>
              )}
              <Form.Item name="sub" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="name" label="姓名">
                <Input />
              </Form.Item>
              <Button type="primary" htmlType="submit" block>
                登录
              </Button>
            </Form>
          ) : (
            !options.data?.oidc && <Result status="warning" title="未配置登录方式" subTitle="请联系系统管理员配置统一身份认证（OIDC）。" />
          )}
        </PageState>
      </Card>
    </div>
  );
}
