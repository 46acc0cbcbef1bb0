import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { infraPort, infraUrls } from '../../libs/config/src/lib/infra-defaults';
import { log, mavenLib, temporalCli } from './build-tools';
import { ensureDir, localPath } from './paths';
import { portOpen, runningPid, startDetached, waitFor } from './processes';

/** The Temporal CLI dev server: a real Temporal server with its SQLite file and web UI. */
export const temporal = {
  name: 'temporal',
  port: () => infraPort('BPM_TEMPORAL_PORT'),
  uiPort: () => infraPort('BPM_TEMPORAL_UI_PORT'),
  async up() {
    const cli = await temporalCli();
    if (!runningPid('temporal')) {
      if (await portOpen(this.port())) {
        throw new Error(`port ${this.port()} is taken by another program; set BPM_TEMPORAL_PORT to a free port`);
      }
      const dir = ensureDir(localPath('temporal'));
      startDetached('temporal', cli, [
        'server', 'start-dev',
        // Loopback only, the UI too: its API lists every review to whoever can reach it.
        '--ip', '127.0.0.1',
        '--ui-ip', '127.0.0.1',
        '--port', String(this.port()),
        '--ui-port', String(this.uiPort()),
        '--db-filename', join(dir, 'temporal.db'),
        '--namespace', infraUrls().temporalNamespace,
        '--log-level', 'warn',
      ]);
    }
    await waitFor('Temporal', () => this.check(), 90_000, 'temporal');
    log(`temporal ready on 127.0.0.1:${this.port()}, UI http://127.0.0.1:${this.uiPort()}`);
  },
  /** Ready means the platform's namespace answers. */
  async check() {
    const { temporalAddress, temporalNamespace } = infraUrls();
    const connection = await Connection.connect({ address: temporalAddress, connectTimeout: 2000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: temporalNamespace });
    } finally {
      await connection.close();
    }
  },
};

/**
 * The Java test server with time skipping, for tests of year-long workflows.
 * `@temporalio/testing` starts it itself from this wrapper (`existing-path`), passing the port.
 */
export const temporalTestServer = {
  name: 'temporal-test-server',
  async prepare(): Promise<string> {
    const lib = await mavenLib('temporal-test-server', 'deploy/local/temporal-test-server');
    const script = join(ensureDir(localPath('temporal-test-server')), 'run.sh');
    writeFileSync(script, `#!/bin/sh\nexec java -Xmx512m -cp '${lib}/*' io.temporal.testserver.TestServer "$@"\n`);
    chmodSync(script, 0o755);
    log(`temporal test server ready: ${script}`);
    return script;
  },
};
