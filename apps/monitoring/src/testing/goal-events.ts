import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { infraUrls } from '@bpm/config';
import type { RecordedEvent } from '@bpm/contracts';
import { encodeEvent, topicFor } from '@bpm/messaging';

/** goal-declaration's events as they appear on its topic, for monitoring's tests (the producer is real Kafka). */
export function goalEvent(projectId: string, version: number, type: string, data: Record<string, unknown>): RecordedEvent {
  return {
    id: randomUUID(), type, source: 'goal-declaration', subject: `goal-${projectId}`, time: new Date().toISOString(), schemaVersion: 1, data,
    metadata: { actor: { id: 'test', role: 'system' }, correlationId: randomUUID() }, version, position: `0:${version}`,
    // A well-formed chain link: only a stream's first event has no previous hash.
    prevHash: version === 1 ? null : `h-${projectId}-${version - 1}`, hash: `h-${projectId}-${version}`,
  };
}

/** Registers a project and approves a goal table for it, as goal-declaration would announce it. */
export function approvedProjectEvents(p: { projectId: string; unitId: string; fiscalYear: number; amountYuan: number; indicators?: unknown[] }): RecordedEvent[] {
  const at = new Date().toISOString();
  const project = { projectId: p.projectId, unitId: p.unitId, region: 'county', fiscalYear: p.fiscalYear, name: `项目${p.projectId}`, budget: 'general-public', projectType: 'ordinary', amount: p.amountYuan, isNew: false };
  return [
    goalEvent(p.projectId, 1, 'ProjectRegistered', { project, by: 'u', at }),
    goalEvent(p.projectId, 2, 'GoalDeclared', { projectId: p.projectId, version: 1, declaration: { overallGoal: '目标', indicators: p.indicators ?? [] }, by: 'u', at }),
    goalEvent(p.projectId, 3, 'GoalApproved', { projectId: p.projectId, version: 1, reviewRound: 1, rating: 'good', isAdjustment: false, by: 'r', at }),
  ];
}

export async function publishGoalEvents(events: RecordedEvent[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'monitoring-test', brokers: infraUrls().kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic: topicFor('goal-declaration'), messages: events.map(encodeEvent) });
  } finally {
    await producer.disconnect();
  }
}
