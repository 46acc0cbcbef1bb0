import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The worker bundles workflow code from source (Temporal's own bundler), so it needs the
 * file on disk: found by walking up from here, the same from `src/` under Jest and from
 * `dist/` after a build. WORKFLOWS_PATH overrides it for a container image.
 */
export function workflowsPath(): string {
  if (process.env['WORKFLOWS_PATH']) return process.env['WORKFLOWS_PATH'];
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs/workflows/src/workflows.ts');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('libs/workflows/src/workflows.ts not found; set WORKFLOWS_PATH');
}
