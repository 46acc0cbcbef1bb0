import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { ServiceConfig } from '@bpm/config';
import { HttpPlatformModule } from '@bpm/http';
import { READ_MODEL_POOL, SERVICE_CONFIG, ServiceRuntimeModule } from '@bpm/service';
import { CoverageController, GetCoverageHandler } from '../application/coverage/coverage';
import { DeclareGoalController, DeclareGoalHandler } from '../application/declare-goal/declare-goal';
import {
  CompleteExAnteAssessmentHandler,
  ExAnteAssessmentController,
  StartExAnteAssessmentHandler,
} from '../application/ex-ante-assessment/ex-ante-assessment';
import { GetGoalController, GetGoalHandler } from '../application/get-goal/get-goal.query';
import { GetGoalStateAsOfHandler, GoalStateAsOfController } from '../application/goal-state-as-of/goal-state-as-of';
import { ChangeIndicatorLibraryHandler, IndicatorLibraryController } from '../application/indicator-library/indicator-library.commands';
import { ListGoalsController, ListGoalsHandler } from '../application/list-goals/list-goals';
import { RecordReviewDeadlineController, RecordReviewDeadlineHandler } from '../application/record-review-deadline/record-review-deadline';
import { RegisterProjectController, RegisterProjectHandler } from '../application/register-project/register-project';
import { RequestGoalAdjustmentController, RequestGoalAdjustmentHandler } from '../application/request-goal-adjustment/request-goal-adjustment';
import { ListReviewTasksHandler, ReviewInboxController } from '../application/review-inbox/review-inbox';
import { ReviewGoalController, ReviewGoalHandler } from '../application/review-goal/review-goal';
import { SubmitGoalController, SubmitGoalHandler } from '../application/submit-goal/submit-goal';
import {
  ApplyForSupplementalFundsHandler,
  IssueFundNoticeHandler,
  SupplementalFundingController,
} from '../application/supplemental-funding/supplemental-funding';
import { eventStoreProvider } from '../infrastructure/event-store.provider';
import { REGION_SETTINGS, regionSettings } from '../infrastructure/region';
import { ensureReadModelSchema } from '../infrastructure/read-model-schema';
import { MonitoringEventsConsumer } from '../infrastructure/monitoring-events.consumer';
import { ReadModels } from '../infrastructure/read-models';
import { Relay } from '../infrastructure/relay';
import { Checkpoints } from '../infrastructure/checkpoints';
import { StreamCommands } from '../infrastructure/stream-commands';
import { GoalSummary } from '../projections/goal-summary.entity';
import { ReviewTask } from '../projections/review-task.entity';

const entities = [GoalSummary, ReviewTask];

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({ service: 'goal-declaration', dependencies: ['postgres', 'kafka'] }),
    HttpPlatformModule,
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG, READ_MODEL_POOL],
      useFactory: async (config: ServiceConfig, pool: Pool) => {
        await ensureReadModelSchema(pool);
        // 10: the monitoring-events consumer handles its six partitions at once, each in a transaction.
        return { type: 'postgres' as const, url: config.READ_MODEL_DATABASE_URL, entities, synchronize: false, poolSize: 10 };
      },
    }),
    TypeOrmModule.forFeature(entities),
  ],
  controllers: [
    IndicatorLibraryController,
    RegisterProjectController,
    DeclareGoalController,
    SubmitGoalController,
    ReviewGoalController,
    RecordReviewDeadlineController,
    RequestGoalAdjustmentController,
    GoalStateAsOfController,
    GetGoalController,
    ListGoalsController,
    ReviewInboxController,
    CoverageController,
    ExAnteAssessmentController,
    SupplementalFundingController,
  ],
  providers: [
    // Reads and validates REGION / REGION_PARAMETERS while the service starts: a bad value stops it here.
    { provide: REGION_SETTINGS, useFactory: regionSettings },
    eventStoreProvider,
    StreamCommands,
    ReadModels,
    Relay,
    MonitoringEventsConsumer,
    Checkpoints,
    ChangeIndicatorLibraryHandler,
    RegisterProjectHandler,
    DeclareGoalHandler,
    SubmitGoalHandler,
    ReviewGoalHandler,
    RecordReviewDeadlineHandler,
    RequestGoalAdjustmentHandler,
    GetGoalHandler,
    GetGoalStateAsOfHandler,
    ListGoalsHandler,
    ListReviewTasksHandler,
    GetCoverageHandler,
    StartExAnteAssessmentHandler,
    CompleteExAnteAssessmentHandler,
    IssueFundNoticeHandler,
    ApplyForSupplementalFundsHandler,
  ],
})
export class AppModule {}
