/**
 * Loads the indicator framework and the SAMPLE county library (示例数据) through the gateway,
 * as a finance admin would: `npx tsx tools/seed/seed.ts [--year 2026]` against a running
 * platform (GATEWAY_URL, default http://127.0.0.1:3000). Safe to run twice: what exists is skipped.
 */
import { signToken } from '../../apps/gateway/src/auth/sign-token';
import { sampleIndicatorLibrary } from './indicator-library.sample';

const gateway = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:3000';
const yearArg = process.argv.indexOf('--year');
const fiscalYear = yearArg > 0 ? Number(process.argv[yearArg + 1]) : sampleIndicatorLibrary.fiscalYear;

async function main() {
  const token = await signToken({ sub: 'seed', role: 'finance-admin', name: '示例数据导入' });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${gateway}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok && !/已存在|ALREADY|DUPLICATE/i.test(text)) throw new Error(`${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  const opened = await post('/indicator-libraries', { region: process.env['REGION'] ?? 'county', fiscalYear, costLevelEnabled: sampleIndicatorLibrary.costLevelEnabled });
  const libraryId: string = opened.libraryId ?? `${opened.region}-${fiscalYear}`;
  for (const category of sampleIndicatorLibrary.categories) await post(`/indicator-libraries/${encodeURIComponent(libraryId)}/categories`, { category });
  for (const indicator of sampleIndicatorLibrary.indicators) await post(`/indicator-libraries/${encodeURIComponent(libraryId)}/indicators`, { indicator });
  process.stdout.write(
    `seeded library ${libraryId}: ${sampleIndicatorLibrary.categories.length} categories, ${sampleIndicatorLibrary.indicators.length} indicators (示例数据)\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
