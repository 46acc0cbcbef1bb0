import { createHash, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { infraUrls } from '@bpm/config';
import type { RecordedEvent } from '@bpm/contracts';
import { encodeEvent, topicFor } from '@bpm/messaging';

/** Another context's event as it appears on its topic, for evaluation's tests (the producer is real Kafka). */
export function recorded(source: string, subject: string, version: number, type: string, data: Record<string, unknown>): RecordedEvent {
  const hash = createHash('sha256').update(`${subject}:${version}:${randomUUID()}`).digest('hex');
  return {
    id: randomUUID(), type, source, subject, time: new Date().toISOString(), schemaVersion: 1, data,
    metadata: { actor: { id: 'test', role: 'system' }, correlationId: randomUUID() }, version, position: `0:${version}`,
    // Only a stream's first event has no predecessor (the codec refuses a later one without it).
    prevHash: version > 1 ? createHash('sha256').update(`${subject}:${version - 1}`).digest('hex') : null, hash,
  };
}

export type TestIndicator = { name: string; level1: 'output' | 'benefit' | 'satisfaction' | 'cost'; level2: string; direction: '>=' | '<=' | '=' | 'qualitative'; annualTarget: number | string; weight?: number; unitOfMeasure?: string };

/** A project registered and its goal approved, as goal-declaration announces them. */
export function approvedProject(p: { projectId: string; unitId: string; fiscalYear: number; amountYuan: number; name?: string; projectType?: string; indicators: TestIndicator[] }): RecordedEvent[] {
  const at = new Date().toISOString();
  const subject = `goal-${p.projectId}`;
  const project = { projectId: p.projectId, unitId: p.unitId, region: 'county', fiscalYear: p.fiscalYear, name: p.name ?? `项目${p.projectId}`, budget: 'general-public', projectType: p.projectType ?? 'ordinary', amount: p.amountYuan, isNew: false };
  return [
    recorded('goal-declaration', subject, 1, 'ProjectRegistered', { project, by: 'u', at }),
    recorded('goal-declaration', subject, 2, 'GoalDeclared', { projectId: p.projectId, version: 1, declaration: { overallGoal: '目标', indicators: p.indicators }, by: 'u', at }),
    recorded('goal-declaration', subject, 3, 'GoalApproved', { projectId: p.projectId, version: 1, reviewRound: 1, rating: 'good', isAdjustment: false, by: 'r', at }),
  ];
}

/** December's execution figures (fen) and the December monitoring report's actuals, as monitoring announces them. */
export function monitoredYear(p: { projectId: string; unitId: string; fiscalYear: number; budgetFen: number; paidFen: number; actuals: Record<string, number> }): RecordedEvent[] {
  const at = new Date().toISOString();
  return [
    recorded('monitoring', `projectExecution-${p.projectId}`, 1, 'ExecutionFiguresReceived', {
      projectId: p.projectId, unitId: p.unitId, fiscalYear: p.fiscalYear, month: 12, budget: p.budgetFen, allocated: p.budgetFen, paid: p.paidFen, expectedCarryOver: 0, channel: 'file', revision: 1, by: 's', at,
    }),
    recorded('monitoring', `monitoringReport-${p.projectId}-${p.fiscalYear}-12`, 4, 'MonitoringReportSubmitted', {
      content: { indicators: Object.entries(p.actuals).map(([indicatorName, actual]) => ({ indicatorName, actual, likelihood: 'certain' })) }, late: false, by: 'u', at,
    }),
  ];
}

export async function publish(events: RecordedEvent[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'evaluation-test', brokers: infraUrls().kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const e of events) await producer.send({ topic: topicFor(e.source), messages: [encodeEvent(e)] });
  } finally {
    await producer.disconnect();
  }
}
