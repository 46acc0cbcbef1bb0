import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { ServiceConfig } from '@bpm/config';
import { HttpPlatformModule } from '@bpm/http';
import { READ_MODEL_POOL, SERVICE_CONFIG, ServiceRuntimeModule } from '@bpm/service';
import { ImportExecutionDataHandler } from '../application/import-execution-data/import-execution-data';
import { ImportExecutionDataController } from '../application/import-execution-data/import-execution-data.controller';
import { AllocationCheckController, CheckAllocationHandler } from '../application/corrective-cases/allocation-check';
import { ActOnCaseHandler, CorrectiveCasesController } from '../application/corrective-cases/corrective-cases';
import { OpenReportController, OpenReportHandler } from '../application/monitoring-reports/open-monitoring-report';
import { ActOnReportHandler, ReportActionsController } from '../application/monitoring-reports/report-actions';
import { GetProjectTimelineHandler, ProjectTimelineController } from '../application/project-timeline/project-timeline';
import { GetUnitScorecardHandler, UnitScorecardController } from '../application/unit-scorecard/unit-scorecard';
import { GetWarningBoardHandler, WarningBoardController } from '../application/warning-board/warning-board';
import { eventStoreProvider } from '../infrastructure/event-store.provider';
import { GoalEventsConsumer } from '../infrastructure/goal-events.consumer';
import { ensureReadModelSchema } from '../infrastructure/read-model-schema';
import { ReadModels } from '../infrastructure/read-models';
import { MonitoringReactions } from '../infrastructure/reactions';
import { Relay } from '../infrastructure/relay';
import { StreamCommands } from '../infrastructure/stream-commands';
import { CorrectiveCaseRow } from '../projections/corrective-case.entity';
import { ExecutionImport } from '../projections/execution-import.entity';
import { ExecutionMonth } from '../projections/execution-month.entity';
import { KnownProject } from '../projections/known-project.entity';
import { MonitoringReportRow } from '../projections/monitoring-report.entity';

const entities = [KnownProject, ExecutionMonth, ExecutionImport, MonitoringReportRow, CorrectiveCaseRow];

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({ service: 'monitoring', dependencies: ['postgres', 'kafka'] }),
    HttpPlatformModule,
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG, READ_MODEL_POOL],
      useFactory: async (config: ServiceConfig, pool: Pool) => {
        await ensureReadModelSchema(pool);
        // The goal-events consumer runs six partitions at once, each in its own transaction.
        return { type: 'postgres' as const, url: config.READ_MODEL_DATABASE_URL, entities, synchronize: false, poolSize: 10 };
      },
    }),
    TypeOrmModule.forFeature(entities),
  ],
  controllers: [
    ImportExecutionDataController,
    OpenReportController,
    ReportActionsController,
    CorrectiveCasesController,
    AllocationCheckController,
    ProjectTimelineController,
    WarningBoardController,
    UnitScorecardController,
  ],
  providers: [
    eventStoreProvider,
    StreamCommands,
    ReadModels,
    Relay,
    GoalEventsConsumer,
    MonitoringReactions,
    ImportExecutionDataHandler,
    OpenReportHandler,
    ActOnReportHandler,
    ActOnCaseHandler,
    CheckAllocationHandler,
    GetProjectTimelineHandler,
    GetWarningBoardHandler,
    GetUnitScorecardHandler,
  ],
})
export class AppModule {}
