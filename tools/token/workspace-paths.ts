import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Runs `main` (a file next to this one) under tsx with this folder's tsconfig.json, so the
 * workspace's `@bpm/*` aliases resolve (tsx reads tsconfig.json from the working directory, and
 * the workspace root has only tsconfig.base.json). The same trampoline as tools/projections.
 */
export function runWithWorkspacePaths(main: string): void {
  const file = path.join(__dirname, main);
  if (process.env['TSX_TSCONFIG_PATH']) {
    require(file);
    return;
  }
  const result = spawnSync(process.execPath, [...process.execArgv, file, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(__dirname, 'tsconfig.json') },
  });
  process.exit(result.status ?? 1);
}
