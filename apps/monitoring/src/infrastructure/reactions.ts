import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import type { EventStore } from '@bpm/event-store';
import { defineProjection, ProjectionRunner } from '@bpm/messaging';
import {
  correctiveCaseDecider,
  correctiveCaseStreamId,
  isDomainError,
  monitoringReportDecider,
  monitoringReportStreamId,
  type MonitoringReportOpened,
  type MonitoringWarningsAssessed,
  type Warning,
} from '../domain';
import type { ExecutionFiguresReceived } from '../application/import-execution-data/execution-ledger';
import { currentFigures } from '../application/import-execution-data/current-figures';
import { calendarFor } from './region';
import type { RequestActor } from './request-actor';
import { StreamCommands } from './stream-commands';
import { EVENT_STORE, SCHEMA } from './tokens';

/** The system acting on an event: correlated with it, caused by it. */
const systemActing = (cause: RecordedEvent): RequestActor => ({
  actor: { userId: 'monitoring', role: 'system' },
  metadata: { actor: { id: 'monitoring', role: 'system' }, correlationId: cause.metadata.correlationId, causationId: cause.id, requestId: randomUUID() },
  at: new Date().toISOString(),
});

/** One case per red warning of a project's month: the id is derived, so a replay finds the case already open. */
export const caseIdFor = (projectId: string, fiscalYear: number, month: number, w: Warning): string => {
  const subject = w.subject.kind === 'indicator' ? w.subject.indicatorName : 'execution';
  const digest = createHash('sha256').update(`${w.rule}|${subject}`).digest('hex').slice(0, 8);
  return `${projectId}-${fiscalYear}${String(month).padStart(2, '0')}-${digest}`;
};

/**
 * Monitoring's own process manager, following its store's log in order (checkpointed like a
 * projection): imported figures reach the month's open report (or the report, once opened, fetches
 * them), and each newly red warning opens a corrective case. Every step is idempotent, since
 * the deciders record nothing for figures already there and a case is opened once.
 */
@Injectable()
export class MonitoringReactions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MonitoringReactions');
  readonly runner: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource, private readonly streams: StreamCommands) {
    this.runner = new ProjectionRunner({
      projection: defineProjection({
        name: 'monitoring.reactions',
        categories: ['projectExecution', 'monitoringReport'],
        tables: [],
        apply: (event) => this.react(event),
      }),
      store,
      dataSource,
      schema: SCHEMA,
      batchSize: 50,
      pollIntervalMs: 200,
      logger: this.logger,
    });
  }

  async onApplicationBootstrap() {
    await this.runner.start();
  }

  async onApplicationShutdown() {
    await this.runner.stop();
  }

  private async react(event: RecordedEvent): Promise<void> {
    try {
      if (event.type === 'ExecutionFiguresReceived') await this.figuresToReport(event);
      if (event.type === 'MonitoringReportOpened') await this.reportFetchesFigures(event);
      if (event.type === 'MonitoringWarningsAssessed') await this.openCases(event);
    } catch (error) {
      // A refusal by the domain (report not open, case already open) is an answer, not a fault.
      if (!isDomainError(error)) throw error;
      this.logger.debug?.({ msg: 'reaction refused', eventId: event.id, code: error.code });
    }
  }

  private async figuresToReport(event: RecordedEvent) {
    const d = event.data as ExecutionFiguresReceived['data'];
    const stream = monitoringReportStreamId(d.projectId, d.fiscalYear, d.month);
    const report = await this.streams.load(monitoringReportDecider, stream);
    if (report.state.status === 'none') return; // the report fetches them when it opens
    await this.recordFigures(event, d.projectId, d.fiscalYear, d.month);
  }

  private async reportFetchesFigures(event: RecordedEvent) {
    const d = event.data as MonitoringReportOpened['data'];
    await this.recordFigures(event, d.projectId, d.fiscalYear, d.month);
  }

  private async recordFigures(cause: RecordedEvent, projectId: string, fiscalYear: number, month: number) {
    const execution = await currentFigures(this.streams, projectId, fiscalYear, month);
    if (!execution) return;
    const acting = systemActing(cause);
    await this.streams.execute(
      monitoringReportDecider,
      monitoringReportStreamId(projectId, fiscalYear, month),
      { type: 'RecordExecutionFigures', data: { ...execution, actor: acting.metadata.actor, at: acting.at } },
      acting,
    );
  }

  private async openCases(event: RecordedEvent) {
    const d = event.data as MonitoringWarningsAssessed['data'];
    if (!d.newlyRed.length) return;
    const report = await this.streams.load(monitoringReportDecider, event.subject);
    if (report.state.status === 'none') return;
    const r = report.state.report;
    for (const warning of d.newlyRed) {
      const caseId = caseIdFor(r.projectId, r.fiscalYear, r.month, warning);
      const stream = correctiveCaseStreamId(caseId);
      if ((await this.streams.load(correctiveCaseDecider, stream)).state.status !== 'none') continue;
      const acting = systemActing(event);
      await this.streams.execute(
        correctiveCaseDecider,
        stream,
        {
          type: 'OpenCorrectiveCase',
          data: {
            caseId, projectId: r.projectId, unitId: r.unitId, fiscalYear: r.fiscalYear, month: r.month, warning,
            parameters: r.parameters, calendar: calendarFor(r.parameters.region),
            actor: acting.metadata.actor, at: acting.at,
          },
        },
        acting,
      );
    }
  }
}
