/**
 * Type check of every Nx project: `tsc --noEmit` on each project's own tsconfig(s), the
 * sources (tsconfig.app.json / tsconfig.lib.json) and the tests (tsconfig.spec.json), since
 * Jest runs through SWC and checks no types. Runs a few compilers at once; fails on any error.
 *
 *   npx tsx tools/check/typecheck.ts [project-dir …]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const CONFIGS = ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json'];

function projectDirs(): string[] {
  return ['apps', 'libs'].flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, parent, d.name, 'project.json')))
      .map((d) => join(root, parent, d.name)),
  );
}

type Result = { config: string; ok: boolean; output: string; ms: number };

function check(config: string): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    // Incremental: a second run on an unchanged tree takes seconds (the build info stays out of git).
    const buildInfo = join(root, 'node_modules', '.cache', 'typecheck', `${relative(root, config).replace(/[\\/]/g, '__')}.tsbuildinfo`);
    const args = [tsc, '-p', config, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', buildInfo];
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      // A spec config of a project without tests has no inputs: nothing to check, not a failure.
      const noInputs = /error TS18003/.test(output) && output.trim().split('\n').length === 1;
      resolve({ config: relative(root, config), ok: code === 0 || noInputs, output: noInputs ? '' : output, ms: Date.now() - started });
    });
  });
}

async function main() {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => join(root, d)) : projectDirs();
  const queue = dirs.flatMap((dir) => CONFIGS.map((c) => join(dir, c)).filter(existsSync));
  const workers = Math.max(1, Math.min(Number(process.env.TYPECHECK_WORKERS) || availableParallelism(), 4));
  const results: Result[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = await check(next);
        results.push(result);
        console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.config} (${(result.ms / 1000).toFixed(1)} s)`);
        if (!result.ok) console.log(result.output.trimEnd());
      }
    }),
  );
  const failed = results.filter((r) => !r.ok);
  console.log(`typecheck: ${results.length - failed.length} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failed.length ? 1 : 0);
}

void main();
