/**
 * Scoring a county's self-evaluations: N (default 1,000) projects of 8 indicators each, every
 * direction, submitted through the self-evaluation decider (score with its derivation, grade,
 * flags), then the same N appended as SelfEvaluationSubmitted events to a fresh event-store schema
 * (load, fold, decide, append, 4 writers). Baseline: the same arithmetic in binary floating point.
 *
 *   npx tsx tools/bench/self-evaluation-scoring.ts
 *
 * Env: DATABASE_URL (local dev default), SELF_EVALUATION_BENCH_COUNT (default 1000).
 */
import { withWorkspacePaths } from './lib/launch';

withWorkspacePaths(async () => (await import('./lib/self-evaluation-scoring-bench')).main());
