import { Alert, Button, Card, DatePicker, Descriptions, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { PageState, ProblemAlert } from '../../shared/PageState';
import { EVENT_LABELS, ROLE_LABELS, labelOf } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';

type AsOf = components['schemas']['GoalStateAsOfDto'];
type Verification = components['schemas']['VerificationDto'];

async function load(projectId: string) {
  const path = { params: { path: { projectId } } };
  const [history, verification] = await Promise.all([
    unwrap(api.GET('/audit/goals/{projectId}/history', path)),
    unwrap(api.GET('/audit/goals/{projectId}/verification', path)),
  ]);
  return { events: history.data.events, verification: verification.data };
}

/** The chain check in words a clerk reads: intact, or where it first breaks. */
function ChainVerdict({ v }: { v: Verification }) {
  if (v.intact) return <Alert type="success" showIcon data-testid="chain-verdict" message="哈希链完整" description={`已校验 ${v.checked} 个事件，未发现篡改或缺失。`} />;
  const broken = v.firstBrokenLink;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="chain-verdict"
      message="哈希链已断裂"
      description={broken ? `第 ${broken.version} 个事件（${broken.eventId ?? '无编号'}）起无法验证：${broken.reason}` : `已校验 ${v.checked} 个事件，发现断链。`}
    />
  );
}

/** 记录时间线: every event of the record with actor, time and hash; the record as of a moment; the chain check. */
export function TimelinePage() {
  const { projectId = '' } = useParams();
  const loaded = useLoad(() => load(projectId), [projectId]);
  const [moment, setMoment] = useState<Dayjs | null>(null);
  const [asOf, setAsOf] = useState<{ data?: AsOf; error?: unknown }>({});

  const showAsOf = async () => {
    if (!moment) return;
    setAsOf({});
    try {
      const { data } = await unwrap(api.GET('/audit/goals/{projectId}/state', { params: { path: { projectId }, query: { asOf: moment.toISOString() } } }));
      setAsOf({ data });
    } catch (error) {
      setAsOf({ error });
    }
  };

  return (
    <PageState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} empty={loaded.data?.events.length === 0} emptyText="该记录尚无任何事件">
      {loaded.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <ChainVerdict v={loaded.data.verification} />
          <Card title={`事件时间线（项目 ${projectId}）`}>
            <Timeline
              data-testid="timeline"
              items={loaded.data.events.map((e) => ({
                key: e.id,
                children: (
                  <div>
                    <Typography.Text strong>
                      {e.version}. {labelOf(EVENT_LABELS, e.type)}
                    </Typography.Text>
                    <div>
                      {dayjs(e.time).format('YYYY-MM-DD HH:mm:ss')} · {String((e.actor as { id?: unknown }).id ?? '')}（{labelOf(ROLE_LABELS, (e.actor as { role?: unknown }).role)}）
                    </div>
                    <Typography.Text type="secondary" copyable={{ text: e.hash }} style={{ fontFamily: 'monospace' }}>
                      哈希 {e.hash.slice(0, 16)}…
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </Card>
          <Card title="指定时点的记录">
            <Space style={{ marginBottom: 12 }}>
              <DatePicker showTime value={moment} onChange={setMoment} placeholder="选择时点" />
              <Button onClick={showAsOf} disabled={!moment}>
                查看
              </Button>
            </Space>
            <ProblemAlert error={asOf.error} />
            {asOf.data && (
              <Descriptions column={2} size="small" bordered data-testid="as-of">
                <Descriptions.Item label="时点">{dayjs(asOf.data.asOf).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
                <Descriptions.Item label="状态">{asOf.data.statusLabel}</Descriptions.Item>
                <Descriptions.Item label="记录版本">{asOf.data.version}</Descriptions.Item>
                <Descriptions.Item label="最后事件时间">{asOf.data.lastEventTime ? dayjs(asOf.data.lastEventTime).format('YYYY-MM-DD HH:mm:ss') : '—'}</Descriptions.Item>
                <Descriptions.Item label="记录内容" span={2}>
                  <pre style={{ maxHeight: 240, overflow: 'auto', margin: 0 }}>{JSON.stringify(asOf.data.state, null, 2)}</pre>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Space>
      )}
    </PageState>
  );
}
