import { officialCalendar, resolveMonitoringParameters, type MonitoringParameters, type WorkingCalendar } from '../domain';

/**
 * The region's monitoring parameters for a fiscal year: DOMAIN.md's defaults, overridden by
 * MONITORING_PARAMETERS (JSON, e.g. `{"executionRatioBands":{"red":50,"yellow":70}}`).
 */
export function parametersFor(region: string, fiscalYear: number): MonitoringParameters {
  const overrides = process.env['MONITORING_PARAMETERS'] ? JSON.parse(process.env['MONITORING_PARAMETERS']) : {};
  return resolveMonitoringParameters(region, fiscalYear, overrides);
}

/** The State Council's calendar; a region's own extra holidays or working days come here when it has any. */
export function calendarFor(region: string): WorkingCalendar {
  return officialCalendar(region);
}
