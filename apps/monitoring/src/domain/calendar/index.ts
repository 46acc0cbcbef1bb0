export * from './working-days';
export { OFFICIAL_CALENDAR_YEARS, officialHoliday } from './official-calendar';
