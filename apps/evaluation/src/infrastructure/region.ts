import { DEFAULT_EVALUATION_PARAMETERS, EvaluationParameters, validateEvaluationParameters } from '../domain';

/**
 * 评价参数 of this deployment's region (区划), per fiscal year: the defaults, overridden by
 * `EVALUATION_PARAMETERS` (JSON: `{ "default": {...}, "2026": {...} }`, each a partial set).
 * Read and validated once, when the service starts: a region with invalid parameters does not
 * start, rather than scoring every self-evaluation wrongly.
 */
export type RegionParameters = Readonly<{ region: string; forYear: (fiscalYear: number) => EvaluationParameters }>;

export const REGION_PARAMETERS = Symbol('REGION_PARAMETERS');

type Overrides = Partial<EvaluationParameters>;

export function loadRegionParameters(env: Record<string, string | undefined> = process.env): RegionParameters {
  const region = env['REGION'] ?? 'county';
  let raw: Record<string, Overrides> = {};
  if (env['EVALUATION_PARAMETERS']) {
    try {
      raw = JSON.parse(env['EVALUATION_PARAMETERS']);
    } catch {
      throw new Error('EVALUATION_PARAMETERS is not valid JSON');
    }
  }
  const base: EvaluationParameters = { ...DEFAULT_EVALUATION_PARAMETERS, ...(raw['default'] ?? {}) };
  const byYear = new Map<number, EvaluationParameters>();
  const check = (label: string, p: EvaluationParameters) => {
    const problems = validateEvaluationParameters(p);
    if (problems.length) throw new Error(`evaluation parameters of ${region} ${label} are invalid: ${problems.map((e) => e.message).join('; ')}`);
  };
  check('(default)', base);
  for (const [key, overrides] of Object.entries(raw)) {
    if (key === 'default') continue;
    const year = Number(key);
    if (!Number.isInteger(year)) throw new Error(`EVALUATION_PARAMETERS: "${key}" is not a fiscal year`);
    const p = { ...base, ...overrides };
    check(String(year), p);
    byYear.set(year, p);
  }
  return { region, forYear: (fiscalYear) => byYear.get(fiscalYear) ?? base };
}
