import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@bpm/contracts';
import { ProblemException } from '@bpm/http';
import {
  GOAL_STATUS_LABELS,
  PerformanceGoalEvent,
  PerformanceGoalState,
  evolveGoal,
  initialGoalState,
  performanceGoalStreamId,
} from '../domain/goal-domain';
import { AUDIT_EVENT_STORE, AuditEventStore } from './audit-store';
import { AuditEventDto, toAuditEvent } from './audit-event';
import { AuditHistoryDto, GoalStateAsOfDto, VerificationDto } from './audit.dto';

const GOAL_EVENT_TYPES: ReadonlySet<string> = new Set<PerformanceGoalEvent['type']>([
  'ProjectRegistered',
  'GoalDeclared',
  'GoalSubmittedForReview',
  'GoalApproved',
  'GoalReturned',
  'GoalRejected',
  'GoalAdjustmentRequested',
  'GoalAdjustmentRejected',
]);

const streamNotFound = (stream: string) =>
  new ProblemException(404, 'STREAM_NOT_FOUND', `未找到事件流“${stream}”：该记录不存在或尚无任何事件`, { title: '未找到' });

/** Folds a goal stream with the domain's own `evolve`; event types it does not know are skipped. */
export function foldGoal(events: readonly RecordedEvent[]): PerformanceGoalState {
  return events.reduce<PerformanceGoalState>(
    (state, e) => (GOAL_EVENT_TYPES.has(e.type) ? evolveGoal(state, { type: e.type, data: e.data } as PerformanceGoalEvent) : state),
    initialGoalState(),
  );
}

/** What auditors may ask of the event store: the history, the state at a moment, the chain's integrity. */
@Injectable()
export class AuditService {
  constructor(@Inject(AUDIT_EVENT_STORE) private readonly store: AuditEventStore) {}

  async streamEvents(stream: string, range: { from?: number; to?: number; asOf?: Date } = {}): Promise<AuditHistoryDto> {
    const events = await this.store.readStream(stream, range);
    if (events.length === 0) await this.assertExists(stream);
    return { stream, events: events.map(toAuditEvent) };
  }

  goalHistory(projectId: string): Promise<AuditHistoryDto> {
    return this.streamEvents(performanceGoalStreamId(projectId));
  }

  async goalStateAsOf(projectId: string, asOf: Date = new Date()): Promise<GoalStateAsOfDto> {
    const stream = performanceGoalStreamId(projectId);
    const events = await this.store.readStream(stream, { asOf });
    if (events.length === 0) {
      await this.assertExists(stream);
      // The record exists now but did not yet at that moment: there is nothing to show as of then.
      throw new ProblemException(404, 'NOT_YET_RECORDED', `该记录在所查询的时点（${asOf.toISOString()}）尚不存在`, { title: '未找到' });
    }
    const state = foldGoal(events);
    const last = events[events.length - 1];
    return {
      projectId,
      stream,
      asOf: asOf.toISOString(),
      version: last?.version ?? 0,
      ...(last ? { lastEventTime: last.time } : {}),
      status: state.status,
      statusLabel: GOAL_STATUS_LABELS[state.status] ?? state.status,
      state,
    };
  }

  async verifyGoal(projectId: string): Promise<VerificationDto> {
    const stream = performanceGoalStreamId(projectId);
    await this.assertExists(stream);
    const report = await this.store.verify({ streams: [stream] });
    const first = report.broken[0];
    return { stream, intact: report.ok, checked: report.eventsChecked, ...(first ? { firstBrokenLink: first } : {}) };
  }

  private async assertExists(stream: string): Promise<void> {
    const first = await this.store.readStream(stream, { to: 1 });
    if (first.length === 0) throw streamNotFound(stream);
  }
}

export type { AuditEventDto };
