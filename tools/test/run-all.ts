/**
 * The README's test command (`npm test`): starts the native infrastructure if it is not
 * already running, runs every Jest project in one run, stops what it started, and ends with
 * the line CI reads: `tests: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const localDir = process.env['BPM_LOCAL_DIR'] ?? join(root, '.local');
const infra = (cmd: string) =>
  spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'deploy/local/infra.ts'), cmd], {
    stdio: cmd === 'status' ? 'ignore' : 'inherit',
    cwd: root,
  }).status;

// Ctrl-C reaches Jest and the launcher too (same terminal group); this runner outlives them so it
// can still stop the infrastructure it started instead of leaving it holding the ports.
process.on('SIGINT', () => undefined);

mkdirSync(localDir, { recursive: true });
const alreadyRunning = infra('status') === 0;
if (alreadyRunning ? infra('prepare') !== 0 : infra('up') !== 0) {
  process.stdout.write('tests: 0 passed, 1 failed\n');
  process.exit(1);
}

// Schemathesis for the API fuzz test: installed (once, cached under .local) before Jest's clock starts.
if (spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'tools/test/schemathesis.ts')], { stdio: 'inherit', cwd: root }).status !== 0) {
  process.stderr.write('schemathesis could not be installed; the fuzz test will fail\n');
}

const results = join(localDir, 'jest-results.json');
rmSync(results, { force: true });
const jest = spawnSync(
  process.execPath,
  // 30 s per test and hook rather than Jest's 5: on two cores shared with other work, a real
  // server's start alone can take longer than 5 s; a test that hangs still fails.
  [require.resolve('jest/bin/jest'), '--ci', '--maxWorkers=2', '--testTimeout=30000', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
    env: {
      ...process.env,
      TEMPORAL_TEST_SERVER_PATH: join(localDir, 'temporal-test-server', 'run.sh'),
    },
  },
);

if (!alreadyRunning) infra('down');

let passed = 0;
let failed = 1;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  // A suite that could not even load counts as a failure, not as silence.
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
