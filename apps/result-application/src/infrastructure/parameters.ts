import { DEFAULT_RESULT_APPLICATION_PARAMETERS, NO_HOLIDAYS, validateResultApplicationParameters, type HolidayCalendar, type ResultApplicationParameters } from '../domain';

/**
 * The region's parameters and holiday calendar per fiscal year. Until the parameter store lands
 * no year has its own, so the defaults of DOMAIN.md apply; each set is checked by the one
 * validator when it is registered, so a bad edit stops the service at start.
 */
const byYear = new Map<number, { parameters: ResultApplicationParameters; calendar: HolidayCalendar }>();

export function registerYear(fiscalYear: number, parameters: ResultApplicationParameters, calendar: HolidayCalendar = NO_HOLIDAYS): void {
  const problems = validateResultApplicationParameters(parameters);
  if (problems.length) throw problems[0];
  byYear.set(fiscalYear, { parameters, calendar });
}

registerYear(0, DEFAULT_RESULT_APPLICATION_PARAMETERS);
const fallback = () => byYear.get(0) as { parameters: ResultApplicationParameters; calendar: HolidayCalendar };

export const parametersFor = (fiscalYear: number): ResultApplicationParameters => (byYear.get(fiscalYear) ?? fallback()).parameters;
export const calendarFor = (fiscalYear: number): HolidayCalendar => (byYear.get(fiscalYear) ?? fallback()).calendar;
