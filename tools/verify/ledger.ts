/**
 * The event store's audit ledger from the command line (database access needed; the offline check
 * of an export is verify.ts):
 *
 *   npx tsx tools/verify/ledger.ts export <projectId> [--stream s] [-o f.json]  one record's history + proof
 *   npx tsx tools/verify/ledger.ts keygen                                      create the local key pair (no database)
 *   npx tsx tools/verify/ledger.ts checkpoint                                  sign a checkpoint now
 *   npx tsx tools/verify/ledger.ts verify [--log checkpoints.jsonl]            every stream vs the checkpoints
 *   npx tsx tools/verify/ledger.ts backup -o store.jsonl                       logical backup (as the app role)
 *   npx tsx tools/verify/ledger.ts restore store.jsonl --into <schema>         restore (as the owner)
 *
 * Env: DATABASE_URL (the application role), EVENT_STORE_SCHEMA (event_store), CHECKPOINT_* (libs/config).
 * This file only makes the `@bpm/*` aliases resolvable (see tools/projections/rebuild.ts), then hands over.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const main = path.join(__dirname, 'ledger-main.ts');
if (process.env['TSX_TSCONFIG_PATH']) {
  require(main);
} else {
  const result = spawnSync(process.execPath, [...process.execArgv, main, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(__dirname, 'tsconfig.json') },
  });
  process.exit(result.status ?? 1);
}
