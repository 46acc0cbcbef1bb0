import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { ServiceConfig } from '@bpm/config';
import { HttpPlatformModule } from '@bpm/http';
import { READ_MODEL_POOL, SERVICE_CONFIG, ServiceRuntimeModule } from '@bpm/service';
import { AdvanceKeyEvaluationHandler, KeyEvaluationCommandsController } from '../application/key-evaluation/key-evaluation-commands';
import { KeyEvaluationQueriesController } from '../application/key-evaluation/key-evaluation-queries';
import { ReportsController } from '../application/reports/reports';
import { OpenSelfEvaluationController, OpenSelfEvaluationHandler, OpenSelfEvaluationsForYearHandler } from '../application/self-evaluation/open-self-evaluation';
import { ActOnSelfEvaluationHandler, SelfEvaluationActionsController } from '../application/self-evaluation/self-evaluation-actions';
import { SelfEvaluationQueriesController } from '../application/self-evaluation/self-evaluation-queries';
import { ChangeThirdPartyHandler, ThirdPartyController } from '../application/third-party/third-party';
import { eventStoreProvider } from '../infrastructure/event-store.provider';
import { FactsConsumer } from '../infrastructure/facts.consumer';
import { ensureReadModelSchema } from '../infrastructure/read-model-schema';
import { ReadModels } from '../infrastructure/read-models';
import { loadRegionParameters, REGION_PARAMETERS } from '../infrastructure/region';
import { Relay } from '../infrastructure/relay';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ENTITIES } from '../projections/entities';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({ service: 'evaluation', dependencies: ['postgres', 'kafka'] }),
    HttpPlatformModule,
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG, READ_MODEL_POOL],
      useFactory: async (config: ServiceConfig, pool: Pool) => {
        await ensureReadModelSchema(pool);
        // 10: the facts consumer handles six partitions at once, each in a transaction, beside the queries.
        return { type: 'postgres' as const, url: config.READ_MODEL_DATABASE_URL, entities: ENTITIES, synchronize: false, poolSize: 10 };
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  controllers: [
    // Literal paths before parameterised ones of the same prefix (years/… before :projectId, candidates before :projectId).
    OpenSelfEvaluationController,
    SelfEvaluationActionsController,
    SelfEvaluationQueriesController,
    ThirdPartyController,
    KeyEvaluationQueriesController,
    KeyEvaluationCommandsController,
    ReportsController,
  ],
  providers: [
    // Read and validated once: a region with invalid parameters does not start.
    { provide: REGION_PARAMETERS, useFactory: () => loadRegionParameters(process.env) },
    eventStoreProvider,
    StreamCommands,
    ReadModels,
    Relay,
    FactsConsumer,
    OpenSelfEvaluationHandler,
    OpenSelfEvaluationsForYearHandler,
    ActOnSelfEvaluationHandler,
    ChangeThirdPartyHandler,
    AdvanceKeyEvaluationHandler,
  ],
})
export class AppModule {}
