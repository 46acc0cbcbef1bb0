import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, and the git-ignored folder where everything downloaded, built or stored lives. */
export const repoRoot = resolve(__dirname, '../..');
export const localDir = resolve(process.env['BPM_LOCAL_DIR'] ?? join(repoRoot, '.local'));

export function localPath(...parts: string[]): string {
  const path = join(localDir, ...parts);
  return path;
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
