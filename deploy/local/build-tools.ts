import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, localPath, repoRoot } from './paths';
import { logFile, runLogged } from './processes';
import { say, step } from './progress';

/**
 * Durations measured on a fresh machine (2 cores, empty Maven and Go caches), shown while the
 * step runs so nobody wonders whether it hangs. See README "First start".
 */
const usually = {
  kafka: 'first run only, usually ~1 min',
  'temporal-test-server': 'first run only, usually ~1 min',
  temporal: 'first run only, about 1,300 Go packages: 5 min on an idle 2-core machine, 20 when it is busy',
} as const;

// One Maven at a time: two of them filling the same ~/.m2 can corrupt each other's downloads.
let mavenQueue: Promise<unknown> = Promise.resolve();
const libs = new Map<string, Promise<string>>();

/** Copies a small pom's dependencies into .local/<name>/lib once; later runs find them there. */
export function mavenLib(name: 'kafka' | 'temporal-test-server', pomDir: string): Promise<string> {
  const lib = localPath(name, 'lib');
  if (existsSync(lib) && readdirSync(lib).some((f) => f.endsWith('.jar'))) return Promise.resolve(lib);
  let pending = libs.get(name);
  if (!pending) {
    pending = mavenQueue.then(() =>
      step('infra', `${name} jars`, 'downloading with Maven', usually[name], async () => {
        // Into a fresh folder, renamed when complete: a failed download never looks finished.
        const partial = `${lib}.partial`;
        rmSync(partial, { recursive: true, force: true });
        ensureDir(partial);
        await runLogged(name, `build-${name}`, 'mvn', [
          '-B', '-f', join(repoRoot, pomDir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`,
        ]);
        rmSync(lib, { recursive: true, force: true });
        renameSync(partial, lib);
        return lib;
      }),
    );
    mavenQueue = pending.catch(() => undefined);
    libs.set(name, pending);
  }
  return pending;
}

/** The Temporal CLI (dev server + UI), built from source with Go once into .local/bin. */
export const temporalCliVersion = 'v1.5.1';
let cli: Promise<string> | undefined;
export function temporalCli(): Promise<string> {
  const bin = localPath('bin', 'temporal');
  if (existsSync(bin)) return Promise.resolve(bin);
  cli ??= step('infra', 'temporal CLI', `building ${temporalCliVersion} from source with Go`, usually.temporal, async () => {
    ensureDir(localPath('bin'));
    rmSync(logFile('build-temporal'), { force: true }); // the package count below reads this run only
    // Later tags carry a `replace` directive that `go install` refuses. `-v` lists each package
    // as it compiles, so the log shows where a slow build is. The binary appears only on success.
    await runLogged('temporal', 'build-temporal', 'go', ['install', '-v', `github.com/temporalio/cli/cmd/temporal@${temporalCliVersion}`], {
      GOBIN: localPath('bin'),
      GOFLAGS: '-mod=mod',
    });
    return bin;
  }, () => goProgress(logFile('build-temporal')));
  return cli;
}

/** `go install -v` logs one line per package compiled, after the `go: downloading` lines. */
function goProgress(log: string): string {
  if (!existsSync(log)) return 'starting';
  const lines = readFileSync(log, 'utf8').split('\n');
  const downloads = lines.filter((l) => l.startsWith('go: downloading')).length;
  const compiled = lines.filter((l) => l && !l.startsWith('go: ')).length;
  if (compiled) return `${compiled} of about 1,300 packages compiled`;
  return downloads ? `${downloads} modules downloaded` : 'nothing compiled yet';
}

export function log(message: string) {
  say('infra', message);
}
