/**
 * The launcher from a clone in a 0700 folder (as root, PostgreSQL runs as `postgres`, who
 * cannot enter it), and a failed start that must leave nothing running. One sandbox for both,
 * failure first: a retry after a failure is exactly what used to meet "port taken".
 * Real processes, real ports; about a minute.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launcher, occupy, removeSandbox, sandboxClone, survivors, type Sandbox } from './sandbox-clone';

jest.setTimeout(420_000);

describe('infra:up from a clone in a 0700 folder', () => {
  let box: Sandbox;

  beforeAll(async () => {
    box = await sandboxClone();
  });

  afterAll(async () => {
    if (!box) return;
    await launcher(box, 'down');
    removeSandbox(box);
  });

  it('when one part fails (its port taken), names it with its log and stops every part it had started', async () => {
    const release = await occupy(Number(box.env['BPM_TEMPORAL_UI_PORT']));
    let result: { code: number | null; out: string };
    try {
      result = await launcher(box, 'up');
    } finally {
      await release();
    }
    expect(result.code).toBe(1);
    expect(result.out).toContain('[infra] temporal failed:');
    expect(result.out).toContain(`last lines of ${join(box.local, 'logs/temporal.log')}:`);
    expect(result.out).toMatch(/\| .*address already in use/);
    // PostgreSQL had been started (its log exists) and was stopped again.
    expect(existsSync(join(box.local, 'logs/postgres.log'))).toBe(true);
    expect(result.out).toMatch(/stopped what this run had started \(postgres[,)]/);
    expect(survivors(box)).toEqual([]);
  });

  it('then starts every part, answers status, and stops leaving nothing behind', async () => {
    expect(statSync(box.folder).mode & 0o777).toBe(0o700);
    const up = await launcher(box, 'up');
    expect(up.out).toContain('[infra] all up');
    expect(up.code).toBe(0);
    if (process.getuid?.() === 0) {
      // PostgreSQL's data went where its own user can reach it, owned by that user alone.
      const data = statSync(join(box.rootData, 'postgres-data'));
      expect(data.uid).not.toBe(0);
      expect(data.mode & 0o777).toBe(0o700);
    }
    expect((await launcher(box, 'status')).code).toBe(0);
    expect((await launcher(box, 'down')).code).toBe(0);
    expect(survivors(box)).toEqual([]);
  });
});
