import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@bpm/http';
import { performanceGoalStreamId, type GoalStateAsOf } from '@bpm/goal-declaration-contract';
import type { Actor } from '@bpm/contracts';
import { GoalDeclarationClient, path } from '../goal-declaration';
import { AUDIT_EVENT_STORE, AuditEventStore } from './audit-store';
import { AuditEventDto, toAuditEvent } from './audit-event';
import { AuditHistoryDto, VerificationDto } from './audit.dto';

const streamNotFound = (stream: string) =>
  new ProblemException(404, 'STREAM_NOT_FOUND', `未找到事件流“${stream}”：该记录不存在或尚无任何事件`, { title: '未找到' });

/** What auditors may ask of the event store: the history, the state at a moment, the chain's integrity. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(AUDIT_EVENT_STORE) private readonly store: AuditEventStore,
    private readonly goalDeclaration: GoalDeclarationClient,
  ) {}

  async streamEvents(stream: string, range: { from?: number; to?: number; asOf?: Date } = {}): Promise<AuditHistoryDto> {
    const events = await this.store.readStream(stream, range);
    if (events.length === 0) await this.assertExists(stream);
    return { stream, events: events.map(toAuditEvent) };
  }

  goalHistory(projectId: string): Promise<AuditHistoryDto> {
    return this.streamEvents(performanceGoalStreamId(projectId));
  }

  /**
   * The goal as it stood at `asOf`: goal-declaration folds its own stream with its own rules
   * and answers (its 404 for a goal with no events is relayed as is).
   */
  goalStateAsOf(actor: Actor, projectId: string, asOf: Date = new Date()): Promise<GoalStateAsOf> {
    return this.goalDeclaration.get<GoalStateAsOf>(actor, path`/internal/goals/${projectId}/state`, { asOf: asOf.toISOString() });
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
