import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { ServiceConfig } from '@bpm/config';
import { HttpPlatformModule } from '@bpm/http';
import { READ_MODEL_POOL, SERVICE_CONFIG, ServiceRuntimeModule } from '@bpm/service';
import { BudgetProposalController } from '../application/budget-proposals';
import { DisclosureController, PublicDisclosureController } from '../application/disclosures';
import { HistoryController } from '../application/history';
import { OverlapController } from '../application/overlaps';
import { ActOnRectificationHandler, GetRecordHandler, ListRecordsHandler, RectificationController } from '../application/rectification';
import { eventStoreProvider } from '../infrastructure/event-store.provider';
import { ensureReadModelSchema } from '../infrastructure/read-model-schema';
import { ReadModels } from '../infrastructure/read-models';
import { Relay } from '../infrastructure/relay';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ResultRecord } from '../projections/result-record.entity';

const entities = [ResultRecord];

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({ service: 'result-application', dependencies: ['postgres', 'kafka'] }),
    HttpPlatformModule,
    CqrsModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [SERVICE_CONFIG, READ_MODEL_POOL],
      useFactory: async (config: ServiceConfig, pool: Pool) => {
        await ensureReadModelSchema(pool);
        // The read-model role: it owns this schema's tables and the relay's checkpoints, never the events.
        return { type: 'postgres' as const, url: config.READ_MODEL_DATABASE_URL, entities, synchronize: false, poolSize: 5 };
      },
    }),
    TypeOrmModule.forFeature(entities),
  ],
  controllers: [RectificationController, BudgetProposalController, OverlapController, DisclosureController, PublicDisclosureController, HistoryController],
  providers: [eventStoreProvider, StreamCommands, ReadModels, Relay, ActOnRectificationHandler, ListRecordsHandler, GetRecordHandler],
})
export class AppModule {}
