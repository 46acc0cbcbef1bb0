import { DEFAULT_PARAMETERS, resolveParameters, type GoalDeclarationParameters, type ParameterOverrides } from '../domain';

/**
 * The region (区划) this deployment serves and its parameters per fiscal year: the one place
 * they are read. Every number in DOMAIN.md is a regional parameter; overrides come from
 * REGION_PARAMETERS (JSON). Read and validated once, at start ({@link loadRegionParameters}
 * runs as a provider), so a bad value stops the service instead of refusing a clerk's request.
 */
export type RegionSettings = Readonly<{ region: string; overrides: ParameterOverrides }>;

export class RegionParametersError extends Error {
  override readonly name = 'RegionParametersError';
}

export function loadRegionParameters(env: Record<string, string | undefined> = process.env): RegionSettings {
  const region = env['REGION']?.trim() || 'county';
  const raw = env['REGION_PARAMETERS'];
  let overrides: ParameterOverrides = {};
  if (raw !== undefined && raw.trim() !== '') {
    try {
      overrides = JSON.parse(raw) as ParameterOverrides;
    } catch (error) {
      throw new RegionParametersError(`REGION_PARAMETERS 不是有效的 JSON：${(error as Error).message}`);
    }
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
      throw new RegionParametersError('REGION_PARAMETERS 应为 JSON 对象');
    }
    const unknown = Object.keys(overrides).filter((key) => !(key in DEFAULT_PARAMETERS));
    if (unknown.length > 0) throw new RegionParametersError(`REGION_PARAMETERS 含未知参数：${unknown.join('、')}`);
  }
  try {
    // The rules do not depend on the year: one check covers them all.
    resolveParameters(region, new Date().getUTCFullYear(), overrides);
  } catch (error) {
    throw new RegionParametersError(`REGION_PARAMETERS 无效：${(error as Error).message}`);
  }
  return { region, overrides };
}

export const REGION_SETTINGS = Symbol('REGION_SETTINGS');

let settings: RegionSettings | undefined;

/** Called once at start (see app.module); later calls reuse what was read then. */
export function regionSettings(): RegionSettings {
  settings ??= loadRegionParameters();
  return settings;
}

export function parametersFor(fiscalYear: number, region = regionSettings().region): GoalDeclarationParameters {
  return resolveParameters(region, fiscalYear, regionSettings().overrides);
}
