import { Alert, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { messageOf } from '../api/problem';

/** Loading, error (worded by the API) and empty states, the same on every page. */
export function PageState(props: { loading?: boolean; error?: unknown; empty?: boolean; emptyText?: string; children?: ReactNode; onRetry?: () => void }) {
  if (props.loading) return <Spin tip="加载中…" size="large"><div style={{ minHeight: 120 }} /></Spin>;
  if (props.error) {
    return (
      <Result
        status="warning"
        title="无法显示此页面"
        subTitle={<span data-testid="page-error">{messageOf(props.error)}</span>}
        extra={props.onRetry ? <a onClick={props.onRetry}>重试</a> : undefined}
      />
    );
  }
  if (props.empty) return <Empty description={props.emptyText ?? '暂无数据'} />;
  return <>{props.children}</>;
}

/** A refusal of the API shown as the API words it, next to the action that caused it. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" data-testid="problem" message={messageOf(error)} style={{ marginBottom: 16 }} />;
}
