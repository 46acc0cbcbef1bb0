/**
 * End-to-end latency through the gateway over real HTTP: goal declarations and review decisions,
 * sequentially, against GET /health/live on the same gateway as the bare round trip.
 *
 *   npx tsx tools/bench/gateway-latency.ts
 *
 * Boots goal-declaration, gateway and orchestrator in this process on the local infrastructure.
 * Env: GATEWAY_BENCH_COUNT (default 1000), GATEWAY_BENCH_DECISION_BUDGET_S (default 300),
 * plus the services' own (DATABASE_URL, KAFKA_BROKERS, TEMPORAL_ADDRESS ...).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/gateway-latency-bench')).main(), { decoratorMetadata: true });
