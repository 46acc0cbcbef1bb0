import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { InternalAuthModule, type InternalAudience } from '@bpm/auth';
import { loadServiceConfig, type ServiceConfig, type ServiceName } from '@bpm/config';
import { createKafka, createPool, createReadModelPool, LazyTemporalConnection } from './connections';
import { HealthController, PROBES } from './health/health.controller';
import { kafkaProbe, postgresProbe, temporalProbe, type Dependency, type Probe } from './health/probes';
import { KAFKA, PG_POOL, READ_MODEL_POOL, SERVICE_CONFIG, SERVICE_NAME, TEMPORAL_CONNECTION } from './tokens';

export interface RuntimeOptions {
  service: ServiceName;
  /** The dependencies readiness checks; a service lists only what it really uses. */
  dependencies: Dependency[];
  config?: ServiceConfig;
  /**
   * Who the callers are. `internal-token` (the default): every route but health needs an
   * internal token signed by the gateway or the orchestrator, addressed to this service.
   * `user-token`: the service checks people's tokens itself (the gateway only).
   */
  authentication?: 'internal-token' | 'user-token';
}

/** Configuration, shared connections and health endpoints: what every service starts with. */
@Global()
@Module({})
export class ServiceRuntimeModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(READ_MODEL_POOL) private readonly readModelPool: Pool,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: LazyTemporalConnection,
    @Inject(PROBES) private readonly probes: Probe[],
  ) {}

  static forRoot(options: RuntimeOptions): DynamicModule {
    const authentication = options.authentication ?? 'internal-token';
    if (authentication === 'internal-token' && options.service === 'gateway') {
      throw new Error('the gateway verifies user tokens itself: pass authentication: "user-token"');
    }
    return {
      module: ServiceRuntimeModule,
      imports: [
        TerminusModule,
        ...(authentication === 'internal-token' ? [InternalAuthModule.forService(options.service as InternalAudience)] : []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        // Read when the module is built, not when it is imported: bootstrap validates first.
        { provide: SERVICE_CONFIG, useFactory: () => options.config ?? loadServiceConfig(options.service) },
        { provide: PG_POOL, inject: [SERVICE_CONFIG], useFactory: (c: ServiceConfig) => createPool(c) },
        { provide: READ_MODEL_POOL, inject: [SERVICE_CONFIG], useFactory: (c: ServiceConfig) => createReadModelPool(c) },
        { provide: KAFKA, inject: [SERVICE_CONFIG], useFactory: (c: ServiceConfig) => createKafka(options.service, c) },
        {
          provide: TEMPORAL_CONNECTION,
          inject: [SERVICE_CONFIG],
          useFactory: (c: ServiceConfig) => new LazyTemporalConnection(c.TEMPORAL_ADDRESS),
        },
        {
          provide: PROBES,
          inject: [SERVICE_CONFIG, PG_POOL, KAFKA, TEMPORAL_CONNECTION],
          useFactory: (config: ServiceConfig, pool: Pool, kafka: Kafka, temporal: LazyTemporalConnection): Probe[] => {
            const all: Record<Dependency, () => Probe> = {
              postgres: () => postgresProbe(pool),
              kafka: () => kafkaProbe(kafka),
              temporal: () => temporalProbe(temporal, config.TEMPORAL_NAMESPACE),
            };
            return options.dependencies.map((d) => all[d]());
          },
        },
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG, PG_POOL, READ_MODEL_POOL, KAFKA, TEMPORAL_CONNECTION],
    };
  }

  async onApplicationShutdown() {
    for (const probe of this.probes) await probe.close?.().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
    await this.readModelPool.end().catch(() => undefined);
    await this.temporal.close().catch(() => undefined);
  }
}
