import { resolveParameters, type GoalDeclarationParameters } from '../domain';

/**
 * The region (区划) this deployment serves and its parameters per fiscal year. Every number
 * in DOMAIN.md is a regional parameter; overrides come from REGION_PARAMETERS (JSON).
 */
export const REGION = process.env['REGION'] ?? 'county';

export function parametersFor(fiscalYear: number, region = REGION): GoalDeclarationParameters {
  const overrides = process.env['REGION_PARAMETERS'] ? JSON.parse(process.env['REGION_PARAMETERS']) : {};
  return resolveParameters(region, fiscalYear, overrides);
}
