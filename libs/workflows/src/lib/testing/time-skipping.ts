import { resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** The time-skipping test server built by `npm run infra:up` (or TEMPORAL_TEST_SERVER_PATH). Test-only. */
export const testServerPath = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../../..', '.local/temporal-test-server/run.sh');

/**
 * The SDK gives the test server 5 s to start; on a loaded machine it sometimes needs more.
 * A second or third try is a fresh server, not a retried test.
 */
export async function timeSkippingEnvironment(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServerPath } } });
    } catch (err) {
      if (attempt >= attempts || !String(err).includes('did not start within')) throw err;
    }
  }
}
