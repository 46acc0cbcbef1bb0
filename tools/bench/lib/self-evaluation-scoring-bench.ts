import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { fold } from '@bpm/decider';
import { PostgresEventStore } from '@bpm/event-store';
import {
  DEFAULT_EVALUATION_PARAMETERS,
  selfEvaluationDecider,
  type IndicatorActual,
  type PrefilledIndicator,
  type SelfEvaluationEvent,
} from '../../../apps/evaluation/src/domain';
import { DATABASE_URL, fmt, markdownTable, now } from './stats';

const COUNT = Number(process.env['SELF_EVALUATION_BENCH_COUNT'] ?? 1000);
const WRITERS = 4;
const parameters = DEFAULT_EVALUATION_PARAMETERS;
const evidence = [{ stream: 'goal-bench', version: 3, hash: 'a'.repeat(64) }];

/** One project's opened and filled form: 8 indicators over the three sections, every direction, some short of target. */
function project(i: number): SelfEvaluationEvent[] {
  const unit = { userId: 'u', role: 'unit' as const, unitId: `U${i % 60}` };
  const r = (n: number) => ((i * 7919 + n * 104729) % 1000) / 1000;
  const indicators: PrefilledIndicator[] = [
    { name: '数量1', level1: 'output', direction: '>=', weight: 15, target: 1000, monitoredActual: Math.round(800 + r(1) * 400), evidence },
    { name: '数量2', level1: 'output', direction: '>=', weight: 10, target: 50, monitoredActual: Math.round(40 + r(2) * 15), evidence },
    { name: '质量', level1: 'output', direction: '=', weight: 10, target: 100, monitoredActual: Math.round(90 + r(3) * 10), evidence },
    { name: '成本', level1: 'cost', direction: '<=', weight: 15, target: 200, monitoredActual: Math.round(180 + r(4) * 60), evidence },
    { name: '效益1', level1: 'benefit', direction: '>=', weight: 20, target: 80, monitoredActual: Math.round(60 + r(5) * 30), evidence },
    { name: '效益2', level1: 'benefit', direction: '<=', weight: 10, target: 5, monitoredActual: Math.round(r(6) * 8), evidence },
    { name: '可持续', level1: 'benefit', direction: 'qualitative', weight: 10, evidence },
    { name: '满意度', level1: 'satisfaction', direction: '>=', weight: 10, target: 90, monitoredActual: Math.round(85 + r(7) * 10), evidence },
  ];
  const actuals: IndicatorActual[] = indicators.map((x) =>
    x.direction === 'qualitative' ? { name: x.name, kind: 'qualitative', rating: 'partly-achieved', percentOfWeight: 70 } : { name: x.name, kind: 'confirmed' },
  );
  const reasons = indicators.map((x) => ({ indicatorName: x.name, nature: 'subjective' as const, text: '原因' }));
  const at = '2027-01-10T00:00:00.000Z';
  return [
    { type: 'SelfEvaluationOpened', data: { projectId: `P${i}`, unitId: unit.unitId, fiscalYear: 2026, kind: 'project', budgetFen: 100_000_000, executedFen: Math.round(80_000_000 + r(8) * 20_000_000), executionEvidence: evidence, indicators, at } },
    { type: 'SelfEvaluationFilled', data: { by: 'u', at, actuals, reasons } },
  ];
}

const submit = (events: SelfEvaluationEvent[]) =>
  selfEvaluationDecider.decide({ type: 'SubmitSelfEvaluation', data: { actor: { userId: 'u', role: 'unit', unitId: (events[0].data as { unitId: string }).unitId }, at: '2027-01-11T00:00:00.000Z', parameters } }, fold(selfEvaluationDecider, events));

/** The baseline: the same weighted scores in floats, no derivation, no rules in words. */
function floatScore(events: SelfEvaluationEvent[]): number {
  const opened = events[0].data as { indicators: PrefilledIndicator[]; executedFen: number; budgetFen: number };
  let total = Math.min((opened.executedFen / opened.budgetFen) * 10, 10);
  const sectionOf = (l: string) => (l === 'cost' ? 'output' : l) as 'output' | 'benefit' | 'satisfaction';
  const weights: Record<string, number> = {};
  for (const x of opened.indicators) weights[sectionOf(x.level1)] = (weights[sectionOf(x.level1)] ?? 0) + (x.weight ?? 1);
  for (const x of opened.indicators) {
    const max = (parameters.selfEvaluationPoints[sectionOf(x.level1)] * (x.weight ?? 1)) / weights[sectionOf(x.level1)];
    const t = x.target ?? 0;
    const a = x.monitoredActual ?? 0;
    if (x.direction === 'qualitative') total += max * 0.7;
    else if (x.direction === '<=') total += a <= t ? max : a >= 2 * t ? 0 : (1 - (a - t) / t) * max;
    else total += a >= t ? max : (Math.max(a, 0) / t) * max;
  }
  return total;
}

function time(label: string, fn: () => void): number {
  const start = now();
  fn();
  const ms = now() - start;
  process.stderr.write(`${label}: ${fmt(ms, 1)} ms\n`);
  return ms;
}

export async function main(): Promise<void> {
  const forms = Array.from({ length: COUNT }, (_, i) => project(i));
  // Warm the JIT on a tenth, so the numbers are the steady state a long-running service sees.
  forms.slice(0, Math.ceil(COUNT / 10)).forEach(submit);
  const grades: Record<string, number> = {};
  const decided = time('decider', () => forms.forEach((f) => submit(f).forEach((e) => e.type === 'SelfEvaluationSubmitted' && (grades[e.data.grade] = (grades[e.data.grade] ?? 0) + 1))));
  let sink = 0;
  const floats = time('float baseline', () => forms.forEach((f) => (sink += floatScore(f))));

  const schema = `bench_se_${randomUUID().slice(0, 8)}`;
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema, listen: false, poolConfig: { max: WRITERS + 1 } });
  const raw = new Pool({ connectionString: DATABASE_URL, max: 1 });
  try {
    await store.migrate();
    const metadata = { actor: { id: 'bench', role: 'system' as const }, correlationId: 'bench' };
    for (let i = 0; i < COUNT; i += 100) {
      await Promise.all(forms.slice(i, i + 100).map((f, n) => store.appendToStream(`selfEvaluation-P${i + n}`, f, { expectedVersion: 'no-stream', metadata, source: 'evaluation' })));
    }
    let next = 0;
    const start = now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < COUNT) {
          const i = next++;
          const stream = `selfEvaluation-P${i}`;
          const stored = await store.readStream(stream);
          const events = stored.map((e) => ({ type: e.type, data: e.data }) as SelfEvaluationEvent);
          await store.appendToStream(stream, submit(events), { expectedVersion: stored.length, metadata, source: 'evaluation' });
        }
      }),
    );
    const stored = now() - start;
    process.stderr.write(`stored: ${fmt(stored, 0)} ms\n`);
    console.log(`\n### Scoring ${fmt(COUNT)} self-evaluations (8 indicators each; grades ${JSON.stringify(grades)})\n`);
    console.log(
      markdownTable(
        ['what', 'total', 'per self-evaluation'],
        [
          ['decider: score + derivation + grade + flags (decimal.js)', `${fmt(decided, 0)} ms`, `${fmt((decided / COUNT) * 1000, 0)} µs`],
          ['baseline: the same sums in floats, no derivation', `${fmt(floats, 1)} ms`, `${fmt((floats / COUNT) * 1000, 1)} µs`],
          [`stored: read, fold, decide, append (PostgreSQL, ${WRITERS} writers)`, `${fmt(stored / 1000, 2)} s`, `${fmt(stored / COUNT, 1)} ms`],
        ],
      ),
    );
    if (sink < 0) console.log(sink);
  } finally {
    await store.close();
    await raw.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch((e) => console.error('drop failed', e));
    await raw.end();
  }
}
