/**
 * One county's year of budget execution data (1,000 projects × 12 months) imported end to end from
 * one .xlsx through the gateway, against merely parsing that file.
 *
 *   npx tsx tools/bench/execution-import.ts
 *
 * Boots monitoring and the gateway in this process on the local infrastructure; the projects are
 * announced on goal-declaration's topic first (setup, not measured).
 * Env: IMPORT_BENCH_PROJECTS (default 1000), plus the services' own (BPM_PG_PORT, BPM_KAFKA_PORT ...).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/execution-import-bench')).main(), { decoratorMetadata: true });
