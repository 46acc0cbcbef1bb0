/**
 * `npx nx run console:api-types`: rewrites apps/console/src/api/schema.d.ts from the gateway's
 * OpenAPI document. With `--check` it writes nothing and fails when the file is not current
 * (a console test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

const check = process.argv.includes('--check');

renderApiTypes()
  .then((text) => {
    if (check) {
      const current = readFileSync(API_TYPES_FILE, 'utf8') === text;
      process.stdout.write(current ? 'API types are current\n' : `${API_TYPES_FILE} is out of date: run npx nx run console:api-types\n`);
      process.exit(current ? 0 : 1);
    }
    writeFileSync(API_TYPES_FILE, text);
    process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
    process.exit(0);
  })
  .catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(2);
  });
