import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { libraryIdOf, type DeclaredIndicator, type GoalView, type LibraryView } from '../../api/views';
import { PageState, ProblemAlert } from '../../shared/PageState';
import { DECISION_LABELS, DIRECTION_LABELS, KIND_LABELS, LEVEL1_LABELS, LEVEL2_LABELS, RATING_LABELS } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';

type Decision = components['schemas']['ReviewDecisionDto'];
interface DecisionForm {
  decision: Decision['decision'];
  rating: Decision['rating'];
  comments?: string;
  indicatorComments?: Record<string, string | undefined>;
}

async function load(projectId: string) {
  const goal = (await unwrap(api.GET('/goals/{projectId}', { params: { path: { projectId } } }))).data as unknown as GoalView;
  const libraryId = libraryIdOf(goal.project?.region, goal.fiscalYear);
  const library = await unwrap(api.GET('/indicator-libraries/{libraryId}', { params: { path: { libraryId } } })).then(
    (a) => a.data as unknown as LibraryView,
    () => undefined,
  );
  return { goal, library };
}

/**
 * 绩效目标审核: the declared goal beside the library's definition of each common indicator;
 * the decision, its rating and a comment per indicator. The API's refusal is shown as worded.
 */
export function ReviewPage() {
  const { projectId = '', round = '1' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const loaded = useLoad(() => load(projectId), [projectId]);
  const [form] = Form.useForm<DecisionForm>();
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);

  const decide = async (values: DecisionForm) => {
    setError(undefined);
    setSending(true);
    const indicatorComments = Object.entries(values.indicatorComments ?? {})
      .filter(([, comment]) => comment?.trim())
      .map(([indicatorName, comment]) => ({ indicatorName, comment: (comment ?? '').trim() }));
    try {
      await unwrap(
        api.POST('/tasks/{projectId}/rounds/{round}/decision', {
          params: { path: { projectId, round: Number(round) } },
          body: { decision: values.decision, rating: values.rating, comments: values.comments?.trim() || undefined, indicatorComments: indicatorComments.length ? indicatorComments : undefined },
        }),
      );
      message.success(`已${DECISION_LABELS[values.decision]}`);
      navigate('/reviewer/tasks');
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const goal = loaded.data?.goal;
  const definitions = loaded.data?.library?.indicators ?? {};
  const indicators = goal?.declaration?.indicators ?? [];
  return (
    <PageState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload}>
      {goal && goal.status !== 'submitted' && <Result status="info" title="此绩效目标当前不在待审核状态" subTitle={`当前状态：${goal.statusLabel ?? goal.status}`} />}
      {goal && goal.status === 'submitted' && (
        <Form<DecisionForm> form={form} name="review" layout="vertical" onFinish={decide} initialValues={{ decision: 'approve', rating: 'good' }}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small" title={goal.project?.name}>
              <Descriptions.Item label="预算单位">{goal.unitId}</Descriptions.Item>
              <Descriptions.Item label="预算年度">{goal.fiscalYear}</Descriptions.Item>
              <Descriptions.Item label="审核轮次">第{round}轮</Descriptions.Item>
            </Descriptions>
            <Alert type="info" style={{ marginTop: 12 }} message={`年度总体目标：${goal.declaration?.overallGoal ?? ''}`} />
          </Card>
          <Card title="绩效指标与指标库定义" style={{ marginBottom: 16 }}>
            <Table<DeclaredIndicator>
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={indicators}
              locale={{ emptyText: '目标表中没有指标' }}
              columns={[
                { title: '指标', dataIndex: 'name', render: (_, i) => <><Tag color={i.kind === 'common' ? 'blue' : 'green'}>{KIND_LABELS[i.kind]}</Tag>{i.name}</> },
                { title: '一级/二级', render: (_, i) => `${LEVEL1_LABELS[i.level1] ?? i.level1} / ${LEVEL2_LABELS[i.level2] ?? i.level2}` },
                { title: '年度指标值', render: (_, i) => `${DIRECTION_LABELS[i.direction] ?? i.direction} ${i.annualTarget ?? ''}${i.unitOfMeasure ?? ''}` },
                {
                  title: '指标库定义',
                  render: (_, i) => {
                    const d = i.indicatorId ? definitions[i.indicatorId] : undefined;
                    return d ? <span>{d.explanation}<br /><small>数据来源：{d.dataSource}</small></span> : <span style={{ color: '#999' }}>个性指标，无库内定义</span>;
                  },
                },
                {
                  title: '指标审核意见',
                  width: 280,
                  render: (_, i) => (
                    <Form.Item name={['indicatorComments', i.name]} noStyle>
                      <Input.TextArea rows={1} placeholder="退回时填写修改意见" data-testid={`comment-${i.name}`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Card>
          <Card title="审核结论">
            <ProblemAlert error={error} />
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="decision" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
                  <Radio.Group options={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="rating" label="审核等级" rules={[{ required: true, message: '请选择审核等级' }]}>
                  <Select style={{ width: 120 }} options={Object.entries(RATING_LABELS).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="comments" label="审核意见">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={sending}>
              提交审核结论
            </Button>
          </Card>
        </Form>
      )}
    </PageState>
  );
}
