import { Alert, App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { libraryIdOf, type GoalDeclaration, type GoalView, type LibraryView } from '../../api/views';
import { PageState, ProblemAlert } from '../../shared/PageState';
import { BUDGET_LABELS, GOAL_STATUS_COLORS, GOAL_STATUS_LABELS, RATING_LABELS } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { GoalForm } from './goal-form/GoalForm';

const EDITABLE = ['draft', 'returned'];

/** The change is made only on the version this page read (412 otherwise: someone changed it meanwhile). */
const ifMatch = (etag?: string) => (etag ? { 'If-Match': etag } : undefined);

/** The goal and its ETag; the library of its year when there is one (a missing library is not an error here). */
async function loadGoal(projectId: string) {
  const { data, etag } = await unwrap(api.GET('/goals/{projectId}', { params: { path: { projectId } } }));
  const goal = data as unknown as GoalView;
  const libraryId = libraryIdOf(goal.project?.region, goal.fiscalYear);
  const library = await unwrap(api.GET('/indicator-libraries/{libraryId}', { params: { path: { libraryId } } })).then(
    (a) => a.data as unknown as LibraryView,
    () => undefined,
  );
  return { goal, etag, library, libraryId };
}

/**
 * 绩效目标申报: fill in the goal table, save (with If-Match: the version read), submit; after a
 * return, the reviewer's comments beside the indicators, revise and submit again.
 */
export function GoalPage() {
  const { projectId = '' } = useParams();
  const { message } = App.useApp();
  const loaded = useLoad(() => loadGoal(projectId), [projectId]);
  const [submitError, setSubmitError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);

  const save = async (declaration: GoalDeclaration) => {
    if (!loaded.data) return;
    const { libraryId, etag } = loaded.data;
    await unwrap(
      api.PUT('/goals/{projectId}/declaration', {
        params: { path: { projectId } },
        headers: ifMatch(etag),
        body: { declaration: { ...declaration, indicators: declaration.indicators.map((i) => ({ ...i })) }, libraryId },
      }),
    );
    message.success('目标表已保存');
    loaded.reload();
  };

  const submit = async () => {
    if (!loaded.data) return;
    setSubmitError(undefined);
    setSubmitting(true);
    try {
      const etag = loaded.data.etag;
      await unwrap(api.POST('/goals/{projectId}/submission', { params: { path: { projectId } }, headers: ifMatch(etag) }));
      message.success('已提交审核');
      loaded.reload();
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const goal = loaded.data?.goal;
  return (
    <PageState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload}>
      {goal && loaded.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Descriptions column={3} size="small" title={goal.project?.name}>
              <Descriptions.Item label="项目编码">{goal.projectId}</Descriptions.Item>
              <Descriptions.Item label="预算年度">{goal.fiscalYear}</Descriptions.Item>
              <Descriptions.Item label="预算类型">{BUDGET_LABELS[goal.project?.budget ?? ''] ?? goal.project?.budget}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={GOAL_STATUS_COLORS[goal.status]} data-testid="goal-status">
                  {GOAL_STATUS_LABELS[goal.status] ?? goal.status}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label="审核轮次">{goal.reviewRound ?? 0}</Descriptions.Item>
              {goal.approved?.rating && <Descriptions.Item label="审核等级">{RATING_LABELS[goal.approved.rating]}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {goal.status === 'returned' && (
            <Alert
              type="warning"
              showIcon
              data-testid="return-comments"
              message="审核人员已退回修改，请按以下意见修改后重新提交"
              description={
                <ul style={{ margin: 0 }}>
                  {(goal.lastReturnComments ?? []).map((c) => (
                    <li key={`${c.indicatorName}-${c.comment}`}>
                      {c.indicatorName}：{c.comment}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {!loaded.data.library && EDITABLE.includes(goal.status) && (
            <Alert type="info" showIcon message={`${goal.fiscalYear}年度指标库（${loaded.data.libraryId}）尚未建立，暂只能添加个性指标`} />
          )}
          <Card title="绩效目标表">
            <GoalForm
              key={`${goal.version}-${goal.status}`}
              initial={goal.declaration}
              library={loaded.data.library}
              comments={goal.status === 'returned' ? goal.lastReturnComments : []}
              disabled={!EDITABLE.includes(goal.status)}
              onSave={save}
            />
          </Card>
          {EDITABLE.includes(goal.status) && (
            <Card>
              <ProblemAlert error={submitError} />
              <Button type="primary" onClick={submit} loading={submitting} disabled={!goal.declaration}>
                提交审核
              </Button>
            </Card>
          )}
        </Space>
      )}
    </PageState>
  );
}
