import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { LazyTemporalConnection } from '../connections';

export type Dependency = 'postgres' | 'kafka' | 'temporal';
export interface Probe {
  name: Dependency;
  check(): Promise<void>;
  close?(): Promise<void>;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms))]);

export const postgresProbe = (pool: Pool): Probe => ({
  name: 'postgres',
  check: async () => {
    await withTimeout(pool.query('select 1'), 3000, 'postgres');
  },
});

/** Kafka is ready when the cluster answers a metadata request with at least one broker. */
export const kafkaProbe = (kafka: Kafka): Probe => {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  return {
    name: 'kafka',
    check: async () => {
      connected ??= admin.connect().catch((e) => {
        connected = undefined;
        throw e;
      });
      await withTimeout(connected, 3000, 'kafka');
      const cluster = await withTimeout(admin.describeCluster(), 3000, 'kafka');
      if (!cluster.brokers.length) throw new Error('no Kafka broker');
    },
    close: async () => {
      if (connected) await admin.disconnect();
    },
  };
};

export const temporalProbe = (temporal: LazyTemporalConnection, namespace: string): Probe => ({
  name: 'temporal',
  check: async () => {
    const connection = await withTimeout(temporal.get(), 3000, 'temporal');
    await withTimeout(connection.workflowService.describeNamespace({ namespace }), 3000, 'temporal');
  },
});
