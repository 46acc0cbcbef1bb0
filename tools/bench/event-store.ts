/**
 * Event store throughput: PostgresEventStore appends and tail reads against the same INSERTs and
 * SELECTs issued directly with `pg` on a plain table of the same shape, in one run on one database.
 *
 *   npx tsx tools/bench/event-store.ts
 *
 * Env: DATABASE_URL (default the local dev PostgreSQL), BENCH_SECONDS (measured seconds per
 * scenario and target, default 3, split over two interleaved rounds).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/event-store-bench')).main());
