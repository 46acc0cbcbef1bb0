/**
 * Relay throughput: EventRelay publishing N stored events into a fresh 6-partition topic, against
 * a bare kafkajs producer sending the same encoded messages in the same batch sizes (acks -1).
 *
 *   npx tsx tools/bench/relay.ts
 *
 * Env: DATABASE_URL, KAFKA_BROKERS (local dev defaults), RELAY_EVENTS (default 20000),
 * RELAY_BATCH (the relay's batchSize, default 500 = its default).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/relay-bench')).main());
