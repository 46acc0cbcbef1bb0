import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EventRelay, type RelayOptions } from './relay';
import { ensureTopics } from './topics';

/**
 * One bounded context's relay: at start it creates the topic the context owns, then publishes
 * its own stream categories to it; at shutdown it stops. Each service's `Relay` provider extends
 * this with its injected store, broker and pool, so the start-up order lives in one place.
 */
export abstract class ContextRelay {
  private readonly relay: EventRelay;

  protected constructor(
    private readonly kafka: Kafka,
    private readonly topic: { name: string; partitions: number },
    options: Omit<RelayOptions, 'kafka' | 'topicOf'>,
  ) {
    this.relay = new EventRelay({ pollIntervalMs: 100, logger: new Logger('Relay'), ...options, kafka, topicOf: () => topic.name });
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic: this.topic.name, numPartitions: this.topic.partitions }]);
    } finally {
      await admin.disconnect();
    }
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
