/**
 * What signed checkpoints cost appends: 16 writers appending to PostgresEventStore (as the
 * application role) with and without a Checkpointer signing every CHECKPOINT_BENCH_INTERVAL_MS in
 * the same process, rounds alternating, on one database.
 *
 *   npx tsx tools/bench/checkpoint.ts
 *
 * Env: DATABASE_URL / DATABASE_OWNER_URL (local defaults), BENCH_SECONDS (per round, default 5),
 * CHECKPOINT_BENCH_INTERVAL_MS (default 1000: sixty times the production default, to make the cost visible).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/checkpoint-bench')).main());
