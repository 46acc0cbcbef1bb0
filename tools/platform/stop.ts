/** `npm stop`: stops the six services, then the infrastructure. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { servicePorts } from '../../libs/config/src';
import { repoRoot } from '../../deploy/local/paths';
import { stopProcess } from '../../deploy/local/processes';

async function main() {
  for (const service of Object.keys(servicePorts)) {
    const stopped = await stopProcess(`app-${service}`);
    process.stdout.write(`[platform] ${service}: ${stopped ? 'stopped' : 'was not running'}\n`);
  }
  spawnSync(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'deploy/local/infra.ts'), 'down'], { stdio: 'inherit' });
}
void main();
