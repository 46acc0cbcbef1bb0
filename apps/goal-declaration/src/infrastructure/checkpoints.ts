import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { checkpointConfig } from '@bpm/config';
import { Checkpointer, jsonlCheckpointSink, loadSigningKey, type CheckpointSink, type SignedCheckpoint } from '@bpm/event-store';
import { ensureTopics } from '@bpm/messaging';
import { KAFKA, PG_POOL } from '@bpm/service';

/**
 * Signs a checkpoint of the event store every CHECKPOINT_INTERVAL_MS (default a minute) and publishes
 * it to Kafka and the JSONL log. goal-declaration owns the store, so it runs the checkpointer; with
 * several instances, an advisory lock lets one sign at a time. Runs as the application role: the
 * checkpoint tables are append-only like the events.
 */
@Injectable()
export class Checkpoints implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private checkpointer?: Checkpointer;
  private producer?: Producer;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  async onApplicationBootstrap() {
    const config = checkpointConfig();
    const privateKey = loadSigningKey({ pem: config.signingKeyPem, file: config.signingKeyFile, createIfMissing: config.createKeyIfMissing });
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic: config.topic, numPartitions: 1 }]);
    } finally {
      await admin.disconnect();
    }
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    const producer = this.producer;
    const kafkaSink: CheckpointSink = {
      name: `kafka:${config.topic}`,
      async publish(c: SignedCheckpoint) {
        await producer.send({ topic: config.topic, acks: -1, messages: [{ key: c.statement.store, value: JSON.stringify(c) }] });
      },
    };
    this.checkpointer = new Checkpointer({
      pool: this.pool,
      schema: 'event_store',
      privateKey,
      intervalMs: config.intervalMs,
      sinks: [kafkaSink, jsonlCheckpointSink(config.logFile)],
      logger: this.logger,
    });
    this.checkpointer.start();
  }

  async onApplicationShutdown() {
    await this.checkpointer?.stop();
    await this.producer?.disconnect().catch(() => undefined);
  }
}
