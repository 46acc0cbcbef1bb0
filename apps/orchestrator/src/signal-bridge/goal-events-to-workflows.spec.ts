import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { infraUrls } from '@bpm/config';
import type { RecordedEvent } from '@bpm/contracts';
import { ContractViolation } from '@bpm/goal-declaration-contract';
import { goalReviewWorkflowId } from '@bpm/workflows';
import { routeGoalEvent } from './goal-events-to-workflows';

jest.setTimeout(30_000);

/** Against the real Temporal server, with no worker: a started review just waits in its queue. */
describe('goal events → review workflows', () => {
  let connection: Connection;
  let client: Client;
  const started: string[] = [];

  beforeAll(async () => {
    const { temporalAddress, temporalNamespace } = infraUrls();
    connection = await Connection.connect({ address: temporalAddress });
    client = new Client({ connection, namespace: temporalNamespace });
  });
  afterAll(async () => {
    for (const id of started) await client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
    await connection.close();
  });

  const submitted = (projectId: string, data: Record<string, unknown> = {}): RecordedEvent => ({
    id: randomUUID(),
    type: 'GoalSubmittedForReview',
    source: 'goal-declaration',
    subject: `goal-${projectId}`,
    time: new Date().toISOString(),
    schemaVersion: 1,
    data: {
      by: 'zhang3',
      at: new Date().toISOString(),
      projectId,
      unitId: 'U001',
      fiscalYear: 2026,
      version: 1,
      reviewRound: 1,
      submission: 1,
      isAdjustment: false,
      reviewDeadlineDays: 10,
      reminderDaysBefore: 2,
      ...data,
    },
    metadata: { actor: { id: 'zhang3', role: 'unit', unit: 'U001' }, correlationId: randomUUID() },
    version: 3,
    position: '1:1',
    prevHash: 'a',
    hash: 'b',
  });

  it('starts the review of a first submission, with the data the contract names', async () => {
    const projectId = `P-BR-${randomUUID().slice(0, 8)}`;
    await routeGoalEvent(submitted(projectId), client);
    const id = goalReviewWorkflowId(projectId, 1);
    started.push(id);
    const description = await client.workflow.getHandle(id).describe();
    expect(description.type).toBe('goalReview');
    expect(description.status.name).toBe('RUNNING');
  });

  it.each([
    ['a missing review round', { reviewRound: undefined }],
    ['a submission count that is not a number', { submission: '1' }],
    ['a deadline of no days', { reviewDeadlineDays: 0 }],
  ])('refuses a submission with %s as a contract violation, starting nothing', async (_what, data) => {
    const projectId = `P-BR-${randomUUID().slice(0, 8)}`;
    await expect(routeGoalEvent(submitted(projectId, data), client)).rejects.toBeInstanceOf(ContractViolation);
    await expect(client.workflow.getHandle(goalReviewWorkflowId(projectId, 1)).describe()).rejects.toThrow(/not found/i);
  });

  it('ignores the goal events that start nothing', async () => {
    const projectId = `P-BR-${randomUUID().slice(0, 8)}`;
    await routeGoalEvent({ ...submitted(projectId), type: 'GoalDeclared', data: { nonsense: true } }, client);
    await expect(client.workflow.getHandle(goalReviewWorkflowId(projectId, 1)).describe()).rejects.toThrow(/not found/i);
  });
});
