/**
 * Schemathesis (PyPI), installed into a virtualenv under `.local/` once and reused: the API fuzz
 * test (apps/platform-e2e/src/fuzz.spec.ts) runs it. `npm test` calls this before Jest so the
 * install is not counted against a test's time; run on its own with `npx tsx tools/test/schemathesis.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Pinned: a new minor may add checks and change what "zero findings" means. */
export const SCHEMATHESIS_VERSION = '4.32.5';

const root = join(__dirname, '../..');

export function schemathesisVenv(localDir = process.env['BPM_LOCAL_DIR'] ?? join(root, '.local')): string {
  return join(localDir, `schemathesis-${SCHEMATHESIS_VERSION}`);
}

/**
 * Python 3.12 or newer where there is one: under 3.11, Hypothesis' lambda introspection trips a
 * CPython bug ("AST constructor recursion depth mismatch") in Schemathesis' coverage phase.
 */
function pickPython(): string {
  for (const candidate of ['python3.12', 'python3.13', 'python3']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return 'python3';
}

/** The `st` executable, installing it first if this version is not there yet; throws when it cannot. */
export function ensureSchemathesis(localDir?: string): string {
  const venv = schemathesisVenv(localDir);
  const st = join(venv, 'bin', 'st');
  if (existsSync(st)) return st;
  const python = process.env['PYTHON'] ?? pickPython();
  const step = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`schemathesis install failed: ${cmd} ${args.join(' ')} (exit ${r.status})`);
  };
  step(python, ['-m', 'venv', venv]);
  step(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  return st;
}

if (require.main === module) {
  try {
    process.stdout.write(`${ensureSchemathesis()}\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
