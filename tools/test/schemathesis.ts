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
  const works = (python: string) => spawnSync(python, ['--version'], { stdio: 'ignore' }).status === 0;
  for (const candidate of ['python3.13', 'python3.12']) if (works(candidate)) return candidate;
  // pyenv hides versions other than the global one behind its shims: ask it where they live.
  const listed = spawnSync('pyenv', ['versions', '--bare'], { encoding: 'utf8' });
  const newer = (listed.stdout ?? '').split('\n').map((v) => v.trim()).filter((v) => /^3\.(1[2-9])\.\d+$/.test(v)).sort().reverse();
  for (const version of newer) {
    const prefix = spawnSync('pyenv', ['prefix', version], { encoding: 'utf8' }).stdout?.trim();
    if (prefix && works(join(prefix, 'bin', 'python3'))) return join(prefix, 'bin', 'python3');
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
