/**
 * Rebuilds one projection from zero: empties its tables, resets its checkpoint, catches up.
 *
 *   npx tsx tools/projections/rebuild.ts <projection-name> [--registry <module>] [--list]
 *
 * The registry module (default tools/projections/registry.ts) exports `projections` and optionally
 * `createRuntime`. Otherwise the environment decides: DATABASE_URL, EVENT_STORE_SCHEMA
 * (event_store), READ_MODEL_SCHEMA (public), PROJECTION_CHECKPOINT_SCHEMA (= READ_MODEL_SCHEMA).
 *
 * This file only makes the workspace's `@bpm/*` path aliases resolvable (tsx reads tsconfig.json
 * from the working directory, and the workspace root has only tsconfig.base.json), then hands over.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const tsconfig = path.join(__dirname, 'tsconfig.json');
const main = path.join(__dirname, 'rebuild-main.ts');

if (process.env['TSX_TSCONFIG_PATH']) {
  require(main);
} else {
  const result = spawnSync(process.execPath, [...process.execArgv, main, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
  });
  process.exit(result.status ?? 1);
}
