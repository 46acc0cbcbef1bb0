import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, localPath, repoRoot } from './paths';

/** Copies a small pom's dependencies into .local/<name>/lib once; later runs find them there. */
export function mavenLib(name: string, pomDir: string): string {
  const lib = localPath(name, 'lib');
  if (existsSync(lib) && readdirSync(lib).some((f) => f.endsWith('.jar'))) return lib;
  ensureDir(lib);
  log(`${name}: fetching jars with Maven (first run only)`);
  execFileSync(
    'mvn',
    ['-q', '-B', '-f', join(repoRoot, pomDir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`],
    { stdio: 'inherit' },
  );
  return lib;
}

/** The Temporal CLI (dev server + UI), built from source with Go once into .local/bin. */
export const temporalCliVersion = 'v1.5.1';
export function temporalCli(): string {
  const bin = localPath('bin', 'temporal');
  if (existsSync(bin)) return bin;
  ensureDir(localPath('bin'));
  log(`temporal: building the Temporal CLI ${temporalCliVersion} with Go (first run only, a few minutes)`);
  // Later tags carry a `replace` directive that `go install` refuses.
  execFileSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@${temporalCliVersion}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: localPath('bin'), GOFLAGS: '-mod=mod' },
  });
  return bin;
}

export function log(message: string) {
  process.stdout.write(`[infra] ${message}\n`);
}
