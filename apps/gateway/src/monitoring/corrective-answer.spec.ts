import { INestApplication } from '@nestjs/common';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ServiceConfig } from '@bpm/config';
import type { LazyTemporalConnection } from '@bpm/service';
import type { CorrectiveAnswer, HasWorkflowClient } from '@bpm/workflows';
import { OWN_CASE, OWN_PROJECT } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import { TemporalCorrectiveAnswers } from './corrective-answers';

/** The real adapter, with a fake workflow client standing in for Temporal's. */
class FakeTemporalAnswers extends TemporalCorrectiveAnswers {
  executeUpdate: (answer: CorrectiveAnswer) => Promise<unknown> = async () => ({ followUp: {}, caseVersion: 2 });
  readonly workflowIds: string[] = [];

  constructor() {
    super({} as LazyTemporalConnection, { TEMPORAL_NAMESPACE: 'default' } as ServiceConfig);
  }

  protected override async workflowClient(): Promise<HasWorkflowClient> {
    const getHandle = (workflowId: string) => {
      this.workflowIds.push(workflowId);
      return { executeUpdate: (_def: unknown, options: { args: [CorrectiveAnswer] }) => this.executeUpdate(options.args[0]) };
    };
    return { workflow: { getHandle } } as unknown as HasWorkflowClient;
  }
}

const refusal = (type: string, message: string, details?: unknown[]) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true, details }));

describe('POST /monitoring/cases/:caseId/answer (the follow-up’s Update `answer`)', () => {
  const stub = new StubGoalDeclaration();
  const answers = new FakeTemporalAnswers();
  let app: INestApplication;
  let tokens: Record<Person, string>;
  const url = `/monitoring/cases/${OWN_CASE}/answer`;

  beforeAll(async () => {
    await stub.start();
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, correctiveAnswers: answers });
    tokens = await tokensFor();
  });
  beforeEach(() => {
    stub.reset();
    stub.cases.set(OWN_CASE, { caseId: OWN_CASE, projectId: OWN_PROJECT, unitId: 'U001', status: 'open' });
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });

  it('executes the update as the unit user, then answers with the case as monitoring holds it', async () => {
    const seen: CorrectiveAnswer[] = [];
    answers.executeUpdate = async (a) => {
      seen.push(a);
      stub.cases.set(OWN_CASE, { caseId: OWN_CASE, projectId: OWN_PROJECT, unitId: 'U001', status: 'answered' });
      return { followUp: { status: 'answered' }, caseVersion: 2 };
    };
    const res = await call(app, tokens.unitU001, 'post', url, { choice: 'reallocate', reasons: '结余资金调剂' }).set('x-correlation-id', 'corr-case-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId: OWN_CASE, projectId: OWN_PROJECT, unitId: 'U001', status: 'answered' });
    expect(answers.workflowIds.at(-1)).toBe(`corrective-case-${OWN_CASE}`);
    expect(seen).toEqual([{ choice: 'reallocate', reasons: '结余资金调剂', actor: { id: 'zhang3', role: 'unit', unit: 'U001' }, correlationId: 'corr-case-1' }]);
    expect(stub.forwarded()).toEqual([]); // nothing posted to monitoring by the gateway itself: only the case read
  });

  it('answers a case already answered (the follow-up’s validator) as 409 with its Chinese message', async () => {
    answers.executeUpdate = async () => {
      throw refusal('CORRECTIVE_CASE_CLOSED', '该纠偏事项已答复，不能再次答复');
    };
    const res = await call(app, tokens.unitU001, 'post', url, { choice: 'continue', reasons: '继续实施' });
    expectProblem(res, 409, 'CORRECTIVE_CASE_CLOSED');
    expect(res.body.detail).toBe('该纠偏事项已答复，不能再次答复');
  });

  it('answers monitoring’s own refusal with the status of its problem', async () => {
    answers.executeUpdate = async () => {
      throw refusal('CORRECTIVE_CHOICE_INVALID', '纠偏措施（choice）应为 continue（继续）、reallocate（调剂）或 cancel（取消）', [{ status: 400 }]);
    };
    const res = await call(app, tokens.unitU001, 'post', url, { choice: 'later', reasons: 'x' });
    expectProblem(res, 400, 'CORRECTIVE_CHOICE_INVALID');
  });

  it('does not reach the workflow for another unit’s case: the same 404 as an unknown one', async () => {
    const before = answers.workflowIds.length;
    const res = await call(app, tokens.unitU002, 'post', url, { choice: 'continue', reasons: '继续实施' });
    expectProblem(res, 404, 'CORRECTIVE_CASE_NOT_FOUND');
    expect(answers.workflowIds).toHaveLength(before);
  });
});
