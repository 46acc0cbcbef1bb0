import { INestApplication } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import type { LazyTemporalConnection } from '@bpm/service';
import type { HasWorkflowClient, ReviewDecision } from '@bpm/workflows';
import { OWN_PROJECT } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import { TemporalReviewDecisions } from './review-decisions';

/** The real adapter, with a fake workflow client standing in for Temporal's. */
class FakeTemporalDecisions extends TemporalReviewDecisions {
  executeUpdate: (decision: ReviewDecision) => Promise<unknown> = async () => ({});
  describe: () => Promise<unknown> = async () => ({ status: { name: 'RUNNING' } });
  readonly workflowIds: string[] = [];

  constructor() {
    super({} as LazyTemporalConnection, { TEMPORAL_NAMESPACE: 'default' } as ServiceConfig);
  }

  protected override async workflowClient(): Promise<HasWorkflowClient> {
    const getHandle = (workflowId: string) => {
      this.workflowIds.push(workflowId);
      return {
        executeUpdate: (_def: unknown, options: { args: [ReviewDecision] }) => this.executeUpdate(options.args[0]),
        describe: () => this.describe(),
      };
    };
    return { workflow: { getHandle } } as unknown as HasWorkflowClient;
  }
}

const refusal = (type: string, message: string) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true }));

describe('POST /tasks/:projectId/rounds/:round/decision (Temporal Update `decide`)', () => {
  const stub = new StubGoalDeclaration();
  const decisions = new FakeTemporalDecisions();
  let app: INestApplication;
  let tokens: Record<Person, string>;
  const url = `/tasks/${OWN_PROJECT}/rounds/2/decision`;

  beforeAll(async () => {
    await stub.start();
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, reviewDecisions: decisions });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });

  it('executes the update as the reviewer, with the request’s correlation id', async () => {
    const seen: ReviewDecision[] = [];
    decisions.executeUpdate = async (d) => {
      seen.push(d);
      return { task: { projectId: OWN_PROJECT, status: 'awaiting-revision' }, goalStatus: 'returned', goalVersion: 3 };
    };
    const body = {
      decision: 'return',
      rating: 'fair',
      comments: '指标不够细化',
      indicatorComments: [{ indicatorName: '受益学生人数', comment: '请填写年度指标值' }],
    };
    const res = await call(app, tokens.reviewer, 'post', url, body).set('x-correlation-id', 'corr-review-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ task: { projectId: OWN_PROJECT, status: 'awaiting-revision' }, goalStatus: 'returned', goalVersion: 3 });
    expect(decisions.workflowIds.at(-1)).toBe(`goal-review-${OWN_PROJECT}-r2`);
    expect(seen).toEqual([{ ...body, actor: { id: 'wang5', role: 'finance-reviewer' }, correlationId: 'corr-review-1' }]);
    expect(stub.calls).toEqual([]);
  });

  it('answers the validator’s role refusal as a 403 problem with its Chinese message', async () => {
    decisions.executeUpdate = async () => {
      throw refusal('REVIEW_ROLE_FORBIDDEN', '只有财政审核人员可以作出审核决定');
    };
    const res = await call(app, tokens.reviewer, 'post', url, { decision: 'approve', rating: 'excellent' });
    expectProblem(res, 403, 'REVIEW_ROLE_FORBIDDEN');
    expect(res.body.detail).toBe('只有财政审核人员可以作出审核决定');
  });

  it('answers a closed task as 409', async () => {
    decisions.executeUpdate = async () => {
      throw refusal('REVIEW_TASK_CLOSED', '该审核任务已关闭');
    };
    const res = await call(app, tokens.reviewer, 'post', url, { decision: 'approve', rating: 'good' });
    expectProblem(res, 409, 'REVIEW_TASK_CLOSED');
    expect(res.body.detail).toBe('该审核任务已关闭');
  });

  it('answers an unknown workflow as 404', async () => {
    decisions.executeUpdate = async () => {
      throw new WorkflowNotFoundError('workflow not found', `goal-review-${OWN_PROJECT}-r2`, undefined);
    };
    decisions.describe = async () => {
      throw new WorkflowNotFoundError('workflow not found', `goal-review-${OWN_PROJECT}-r2`, undefined);
    };
    const res = await call(app, tokens.reviewer, 'post', url, { decision: 'reject', rating: 'poor', comments: '无法实现' });
    expectProblem(res, 404, 'REVIEW_TASK_NOT_FOUND');
    expect(res.body.detail).toBe('未找到该审核任务：如刚提交审核，任务可能仍在生成，请稍后重试');
  });

  it('answers 503 when Temporal cannot be reached', async () => {
    const down = new TemporalReviewDecisions(
      { get: () => Promise.reject(new Error('connect ECONNREFUSED')) } as unknown as LazyTemporalConnection,
      { TEMPORAL_NAMESPACE: 'default' } as ServiceConfig,
    );
    const downApp = await createGatewayApp({ goalDeclarationUrl: stub.url, reviewDecisions: down });
    try {
      const res = await call(downApp, tokens.reviewer, 'post', url, { decision: 'approve', rating: 'good' });
      expectProblem(res, 503, 'WORKFLOW_UNAVAILABLE');
    } finally {
      await downApp.close();
    }
  });

  it('passes the score through untouched: the grade bands are the region\'s, checked by goal-declaration', async () => {
    // 85 is 良 under the default bands, but a region may set its own: the gateway does not judge.
    const seen: ReviewDecision[] = [];
    decisions.executeUpdate = async (d) => {
      seen.push(d);
      return { task: { projectId: OWN_PROJECT, status: 'closed' }, goalStatus: 'approved', goalVersion: 4 };
    };
    const res = await call(app, tokens.reviewer, 'post', url, { decision: 'approve', rating: 'excellent', score: 85 });
    expect(res.status).toBe(200);
    expect(seen[0]).toMatchObject({ decision: 'approve', rating: 'excellent', score: 85 });
  });

  it('relays goal-declaration\'s own refusal of the score as its 422', async () => {
    const detail = '审核得分85分对应等级“良”，与评级“优”不一致';
    decisions.executeUpdate = async () => {
      throw new WorkflowUpdateFailedError(
        'Workflow Update failed',
        ApplicationFailure.create({ type: 'SCORE_RATING_MISMATCH', message: detail, nonRetryable: true, details: [{ status: 422 }] }),
      );
    };
    const res = await call(app, tokens.reviewer, 'post', url, { decision: 'approve', rating: 'excellent', score: 85 });
    expectProblem(res, 422, 'SCORE_RATING_MISMATCH');
    expect(res.body.detail).toBe(detail);
  });

  it.each([
    ['an unknown decision', url, { decision: 'maybe', rating: 'good' }, 'decision'],
    ['an unknown rating', url, { decision: 'approve', rating: 'great' }, 'rating'],
    ['a round of 0', `/tasks/${OWN_PROJECT}/rounds/0/decision`, { decision: 'approve', rating: 'good' }, 'round'],
    ['a score above 100', url, { decision: 'approve', rating: 'excellent', score: 120 }, 'score'],
    ['an indicator comment without text', url, { decision: 'return', rating: 'fair', indicatorComments: [{ indicatorName: 'x' }] }, 'indicatorComments[0].comment'],
  ])('refuses %s with a Chinese 400', async (_what, target, body, field) => {
    const res = await call(app, tokens.reviewer, 'post', target, body);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
