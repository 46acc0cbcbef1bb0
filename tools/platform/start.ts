/**
 * `npm start`: the whole platform on one machine. Brings up the native infrastructure while
 * building the six services (the two do not depend on each other), starts each service in the
 * background (logs in .local/logs), waits until every one reports ready, and prints where to go.
 * If anything fails, what this run started is stopped again and the failing part's log is shown.
 * `npm stop` stops all of it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { servicePorts, infraPort } from '../../libs/config/src';
import { abort, logFile, PartFailure, runLogged, runningPid, startDetached, stopProcess, waitFor } from '../../deploy/local/processes';
import { repoRoot } from '../../deploy/local/paths';
import { say as sayAs, seconds, step } from '../../deploy/local/progress';

const say = (m: string) => sayAs('platform', m);
const infraParts = ['postgres', 'kafka', 'temporal'];
const services = Object.keys(servicePorts);

/** `infra.ts up` as a child: it reports and cleans up its own failures. */
function infraUp(): { done: Promise<void>; interrupt: () => void } {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'deploy/local/infra.ts'), 'up'], { stdio: 'inherit' });
  const done = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new PartFailure('infrastructure', 'see the lines above')))),
  );
  return { done, interrupt: () => child.kill('SIGTERM') };
}

function buildServices(): Promise<void> {
  return step('platform', 'services', 'building the six services (webpack) and the console (vite)', 'usually 2-3 min', () =>
    runLogged('services build', 'build-services', 'npx', ['nx', 'run-many', '-t', 'build', '--projects', [...services, 'console'].join(','), '--output-style=static'], {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    }),
  );
}

async function startServices() {
  for (const service of services) {
    const name = `app-${service}`;
    if (runningPid(name)) await stopProcess(name);
    // Local mode: the development secret and the internal-token keys derived from it.
    startDetached(name, process.execPath, [join(repoRoot, 'dist/apps', service, 'main.js')], { BPM_LOCAL_MODE: 'true' }, repoRoot);
  }
  await Promise.all(
    Object.entries(servicePorts).map(([service, port]) =>
      waitFor(
        service,
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
          if (!res.ok) throw new Error(`readiness ${res.status}: ${await res.text()}`);
        },
        120_000,
        `app-${service}`,
      ).catch((e) => {
        abort.abort(e);
        throw e;
      }),
    ),
  );
}

async function main() {
  const started = Date.now();
  const infraBefore = infraParts.filter((p) => runningPid(p));
  const infra = infraUp();
  const giveUp = (e: unknown) => {
    if (!abort.signal.aborted) abort.abort(e);
    infra.interrupt(); // harmless once it has exited; otherwise it stops what it started
  };
  const fail = (e: unknown) => {
    giveUp(e);
    throw e;
  };
  process.on('SIGINT', () => giveUp(new PartFailure('platform', 'interrupted')));
  try {
    await Promise.all([infra.done.catch(fail), buildServices().catch(fail)]);
    await startServices();
  } catch {
    await Promise.allSettled([infra.done]);
    const failure = abort.signal.reason;
    if (failure instanceof PartFailure && failure.part !== 'infrastructure') process.stderr.write(failure.report('platform'));
    else if (!(failure instanceof PartFailure)) process.stderr.write(`[platform] ${(failure as Error)?.message ?? failure}\n`);
    for (const service of services) await stopProcess(`app-${service}`);
    for (const part of infraParts.filter((p) => !infraBefore.includes(p))) await stopProcess(part);
    say('stopped what this run had started; run `npm start` again once the cause is fixed');
    process.exit(1);
  }
  say(`everything is up in ${seconds(Date.now() - started)}`);
  say(`gateway (REST API)   http://127.0.0.1:${servicePorts.gateway}`);
  say(`console (web)        http://127.0.0.1:${servicePorts.gateway}/console`);
  say(`OpenAPI page         http://127.0.0.1:${servicePorts.gateway}/docs`);
  say(`Temporal UI          http://127.0.0.1:${infraPort('BPM_TEMPORAL_UI_PORT')}`);
  say(`a token for a unit:  npx tsx tools/token/issue-token.ts --role unit --unit U001 --sub zhang3`);
  say(`logs                 ${logFile('*')}`);
  say('stop everything with: npm stop');
}

void main();
