import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '../../../..');
const sources = ['apps/console/src', 'apps/console/index.html', 'apps/console/vite.config.mts'].map((p) => join(repoRoot, p));
export const consoleDist = join(repoRoot, 'dist/apps/console');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the console (vite) unless dist/apps/console is newer than every source file. Answers the seconds it took. */
export function ensureConsoleBuilt(): number {
  const index = join(consoleDist, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...sources.map(newest))) return 0;
  const started = Date.now();
  const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(repoRoot, 'apps/console/vite.config.mts'), '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, and vite would then build React's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`the console did not build:\n${build.stdout}\n${build.stderr}`);
  return (Date.now() - started) / 1000;
}
