/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(120_000);

const root = join(__dirname, '../../../..');
const generate = (...args: string[]) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, 'tools/console/generate-api-types.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.base.json') },
  });

// The console's client types are generated, never edited: this fails when the gateway's API
// changed and `npx nx run console:api-types` was not run (or the file was edited by hand).
it("the console's API types are current with the gateway's OpenAPI document", () => {
  const run = generate('--check');
  expect(`${run.stdout}${run.stderr}`).toContain('API types are current');
  expect(run.status).toBe(0);
});
