export * from './working-days';
export { OFFICIAL_CALENDAR_YEARS, officialCalendarCovers, officialHoliday } from './official-calendar';
