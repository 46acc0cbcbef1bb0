/**
 * Schemathesis against the real gateway and every service behind it (real PostgreSQL and Kafka), once per
 * role, over every operation of the published OpenAPI document: zero 5xx, and zero answers that
 * break the document (status, content type, headers, body schema). One test per role.
 *
 * Bounded for CI (`BPM_FUZZ_EXAMPLES`, default 5 cases per operation and phase, examples and fuzzing phases, fixed seed);
 * the release check runs the same test longer, see docs/ARCHITECTURE.md ("Inputs").
 */
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule as GatewayModule } from '../../gateway/src/app/app.module';
import { signToken, type TokenClaims } from '../../gateway/src/auth/sign-token';
import { setupOpenApi } from '@bpm/http';
import { AppModule as GoalDeclarationModule } from '../../goal-declaration/src/app/app.module';
import { AppModule as MonitoringModule } from '../../monitoring/src/app/app.module';
import { AppModule as ResultApplicationModule } from '../../result-application/src/app/app.module';
import { AppModule as EvaluationModule } from '../../evaluation/src/app/app.module';
import { ensureSchemathesis } from '../../../tools/test/schemathesis';

const examples = Number(process.env['BPM_FUZZ_EXAMPLES'] ?? 5);
const seed = process.env['BPM_FUZZ_SEED'] ?? '20261128';
// The coverage phase (systematic negative values) takes about a minute per role here: release checks only.
const phases = process.env['BPM_FUZZ_PHASES'] ?? 'examples,fuzzing';
jest.setTimeout(Number(process.env['BPM_FUZZ_TIMEOUT_MS'] ?? 120_000));

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
].join(',');

/** Every service the gateway forwards to, with the variable that tells the gateway its address: one left out answers 503. */
const upstreams: { module: unknown; urlVariable: string }[] = [
  { module: GoalDeclarationModule, urlVariable: 'GOAL_DECLARATION_URL' },
  { module: MonitoringModule, urlVariable: 'MONITORING_URL' },
  { module: ResultApplicationModule, urlVariable: 'RESULT_APPLICATION_URL' },
  { module: EvaluationModule, urlVariable: 'EVALUATION_URL' },
];

let gateway: INestApplication;
const started: INestApplication[] = [];
let st: string;
let workDir: string;
const run = randomUUID().slice(0, 8);

async function boot(module: unknown, docs = false): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module as never] }).compile();
  const app = ref.createNestApplication({ logger: false });
  if (docs) setupOpenApi(app, { title: 'gateway', path: 'docs' });
  await app.listen(0, '127.0.0.1');
  return app;
}

beforeAll(async () => {
  st = ensureSchemathesis();
  workDir = mkdtempSync(join(tmpdir(), 'bpm-fuzz-'));
  for (const { module, urlVariable } of upstreams) {
    const app = await boot(module);
    started.push(app);
    process.env[urlVariable] = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }
  gateway = await boot(GatewayModule, true);
}, 300_000);
afterAll(async () => {
  await gateway?.close();
  for (const app of started.reverse()) await app.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The part of Schemathesis' NDJSON report (`ScenarioFinished.recorder`) that is counted here. */
interface Recorded {
  interactions?: Record<string, { response?: { status_code?: number } | null }>;
}

interface Findings {
  exitCode: number | null;
  cases: number;
  serverErrors: number;
  output: string;
}

/** Runs schemathesis as a child (async: this process serves the requests it sends). */
function schemathesis(token: string | undefined, name: string): Promise<Findings> {
  const { port } = gateway.getHttpServer().address() as AddressInfo;
  const ndjson = join(workDir, `${name}.ndjson`);
  const args = [
    'run',
    `http://127.0.0.1:${port}/docs-json`,
    '--checks', CHECKS,
    '--phases', phases,
    '--max-examples', String(examples),
    '--seed', seed,
    '--workers', '2',
    '--generation-database', 'none',
    '--request-timeout', '15',
    '--no-color',
    '--report', 'ndjson',
    '--report-ndjson-path', ndjson,
    '--exclude-path-regex', '^/health/',
    ...(token ? ['-H', `Authorization: Bearer ${token}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      let cases = 0;
      let serverErrors = 0;
      for (const line of existsSync(ndjson) ? readFileSync(ndjson, 'utf8').split('\n') : []) {
        if (!line.startsWith('{"ScenarioFinished"')) continue;
        const { recorder } = (JSON.parse(line) as { ScenarioFinished: { recorder: Recorded } }).ScenarioFinished;
        for (const interaction of Object.values(recorder.interactions ?? {})) {
          cases += 1;
          if ((interaction.response?.status_code ?? 0) >= 500) serverErrors += 1;
        }
      }
      resolve({ exitCode, cases, serverErrors, output });
    });
  });
}

/** The FAILURES and ERRORS sections of Schemathesis' report (its warnings are long and not findings). */
function failuresOf(output: string): string {
  const start = output.search(/={5,} (FAILURES|ERRORS) ={5,}/);
  const end = output.search(/={5,} WARNINGS ={5,}/);
  return start >= 0 ? output.slice(start, end > start ? end : undefined).slice(0, 20_000) : output.slice(-5_000);
}

const ROLES: Record<string, TokenClaims | undefined> = {
  unit: { sub: `zhang-${run}`, role: 'unit', unit: `U-FZ-${run}` },
  'finance-reviewer': { sub: `wang-${run}`, role: 'finance-reviewer' },
  'finance-admin': { sub: `zhao-${run}`, role: 'finance-admin' },
  auditor: { sub: `sun-${run}`, role: 'auditor' },
  evaluator: { sub: `zhou-${run}`, role: 'evaluator' },
  anonymous: undefined,
};

describe('Schemathesis over every operation, per role: no 5xx, no answer outside the document', () => {
  const totals = { cases: 0, serverErrors: 0 };
  afterAll(() => {
    process.stdout.write(`schemathesis: ${totals.cases} inputs tried, ${totals.serverErrors} answered 5xx\n`);
  });

  it.each(Object.keys(ROLES))('as %s', async (name) => {
    const started = Date.now();
    const claims = ROLES[name];
    const found = await schemathesis(claims ? await signToken(claims) : undefined, name);
    process.stdout.write(`schemathesis as ${name}: ${found.cases} inputs, ${found.serverErrors} 5xx, ${Math.round((Date.now() - started) / 1000)} s\n`);
    totals.cases += found.cases;
    totals.serverErrors += found.serverErrors;
    if (found.exitCode !== 0) process.stderr.write(failuresOf(found.output));
    expect({ exitCode: found.exitCode, serverErrors: found.serverErrors }).toEqual({ exitCode: 0, serverErrors: 0 });
    expect(found.cases).toBeGreaterThan(0);
  });
});
