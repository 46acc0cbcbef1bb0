/** The console's client types (openapi-typescript) from the gateway's document. */
import openapiTS, { astToString } from 'openapi-typescript';
import { join } from 'node:path';
import { gatewayOpenApiDocument } from './openapi-document';

export const API_TYPES_FILE = join(__dirname, '../../apps/console/src/api/schema.d.ts');

const HEADER = '// Generated from the gateway\'s OpenAPI document by `npx nx run console:api-types` (tools/console). Do not edit.\n';

export async function renderApiTypes(): Promise<string> {
  const document = await gatewayOpenApiDocument();
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
