/**
 * `npm start`: the whole platform on one machine. Starts the native infrastructure, builds
 * the six services, starts each in the background (logs in .local/logs), waits until every
 * one reports ready, and prints where to go. `npm stop` stops all of it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { servicePorts, infraPort } from '../../libs/config/src';
import { logFile, runningPid, startDetached, stopProcess, waitFor } from '../../deploy/local/processes';
import { repoRoot } from '../../deploy/local/paths';

const say = (m: string) => process.stdout.write(`[platform] ${m}\n`);

async function main() {
  const started = Date.now();
  const infra = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'deploy/local/infra.ts'), 'up'], {
    stdio: 'inherit',
  });
  if (infra.status !== 0) process.exit(1);

  say('building the services and the console');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects', [...Object.keys(servicePorts), 'console'].join(','), '--output-style=static'], {
    stdio: 'inherit',
    cwd: repoRoot,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });

  for (const service of Object.keys(servicePorts)) {
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
      ),
    ),
  );
  say(`everything is up in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  say(`gateway (REST API)   http://127.0.0.1:${servicePorts.gateway}`);
  say(`console (web)        http://127.0.0.1:${servicePorts.gateway}/console`);
  say(`OpenAPI page         http://127.0.0.1:${servicePorts.gateway}/docs`);
  say(`Temporal UI          http://127.0.0.1:${infraPort('BPM_TEMPORAL_UI_PORT')}`);
  say(`a token for a unit:  npx tsx tools/token/issue-token.ts --role unit --unit U001 --sub zhang3`);
  say(`logs                 ${logFile('*')}`);
  say('stop everything with: npm stop');
}

main().catch((e) => {
  process.stderr.write(`[platform] ${(e as Error).message}\n`);
  process.exit(1);
});
