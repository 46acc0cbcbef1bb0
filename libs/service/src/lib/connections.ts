import { Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import type { ServiceConfig, ServiceName } from '@bpm/config';

export function createPool(config: ServiceConfig): Pool {
  return new Pool({ connectionString: config.DATABASE_URL, max: 10 });
}

/** Connects only when first used: services without read models never open it. */
export function createReadModelPool(config: ServiceConfig): Pool {
  return new Pool({ connectionString: config.READ_MODEL_DATABASE_URL, max: 5 });
}

export function createKafka(service: ServiceName, config: ServiceConfig): Kafka {
  return new Kafka({ clientId: `bpm-${service}`, brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN });
}

/**
 * Temporal's connection is opened lazily: a service must start (and report not-ready)
 * while Temporal is down, not crash at boot.
 */
export class LazyTemporalConnection {
  private connection?: Promise<Connection>;
  constructor(private readonly address: string) {}

  get(): Promise<Connection> {
    this.connection ??= Connection.connect({ address: this.address }).catch((e) => {
      this.connection = undefined;
      throw e;
    });
    return this.connection;
  }

  async close() {
    const c = await this.connection?.catch(() => undefined);
    await c?.close();
  }
}
