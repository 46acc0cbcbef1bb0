/**
 * The benches import the workspace libs, which import each other as `@bpm/*`. tsx resolves those
 * aliases only when TSX_TSCONFIG_PATH names a tsconfig with the paths (the root has only
 * tsconfig.base.json), so an entry file without it re-runs itself once with it set.
 *
 * Entry files keep their real work in a dynamic import: static imports are resolved before any
 * code runs, so they would fail before the re-run could happen.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BENCH_TSCONFIG = path.join(__dirname, '..', 'tsconfig.json');

export function withWorkspacePaths(main: () => Promise<unknown>): void {
  if (process.env['TSX_TSCONFIG_PATH']) {
    main().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
    return;
  }
  const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: BENCH_TSCONFIG },
  });
  process.exit(result.status ?? 1);
}
