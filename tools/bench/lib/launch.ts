/**
 * The benches import the workspace libs and apps, which import each other as `@bpm/*`, so an entry
 * file re-runs itself once in a child process that can resolve those aliases:
 *
 * - plain code runs under tsx with TSX_TSCONFIG_PATH naming tools/bench/tsconfig.json (the root has
 *   only tsconfig.base.json, which tsx does not read by itself);
 * - Nest apps need `emitDecoratorMetadata` (constructor injection), which tsx's esbuild does not
 *   emit, so those benches run under @swc-node/register (as the Jest suites run under @swc/jest)
 *   with SWC_NODE_PROJECT naming tools/bench/tsconfig.swc.json (the same options, plus the baseUrl
 *   swc-node needs to resolve the paths against the workspace root).
 *
 * Entry files keep their real work in a dynamic import: static imports are resolved before any
 * code runs, so they would fail before the re-run could happen.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BENCH_TSCONFIG = path.join(__dirname, '..', 'tsconfig.json');
export const BENCH_SWC_TSCONFIG = path.join(__dirname, '..', 'tsconfig.swc.json');
const CHILD = 'BPM_BENCH_CHILD';

export function withWorkspacePaths(main: () => Promise<unknown>, options: { decoratorMetadata?: boolean } = {}): void {
  if (process.env[CHILD]) {
    main().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
    return;
  }
  const [execArgv, env] = options.decoratorMetadata
    ? [['-r', require.resolve('@swc-node/register')], { SWC_NODE_PROJECT: BENCH_SWC_TSCONFIG }]
    : [process.execArgv, { TSX_TSCONFIG_PATH: BENCH_TSCONFIG }];
  const result = spawnSync(process.execPath, [...execArgv, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    // Benchmarks run the services in local mode: development secret, derived internal-token keys.
    env: { BPM_LOCAL_MODE: 'true', ...process.env, ...env, [CHILD]: '1' },
  });
  process.exit(result.status ?? 1);
}
