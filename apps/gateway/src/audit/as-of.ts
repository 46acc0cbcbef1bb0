/**
 * 时点 as an auditor writes it. A date alone means the end of that day where the region is
 * (a clerk asking "as of 2026-03-31" in Beijing means 23:59:59.999 Beijing time, not 08:00);
 * a date-time must carry its offset, so it is never read in the server's own zone.
 */
export const AS_OF_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The region's time zone: `BPM_TIME_ZONE`, Asia/Shanghai by default. */
export const regionTimeZone = (env: Record<string, string | undefined> = process.env): string =>
  env['BPM_TIME_ZONE']?.trim() || 'Asia/Shanghai';

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant `text` names, or undefined when it names none (2026-02-30, 25:00). */
export function parseAsOf(text: string, timeZone = regionTimeZone()): Date | undefined {
  if (!AS_OF_PATTERN.test(text)) return undefined;
  const date = DATE_ONLY.exec(text);
  if (!date) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return undefined;
  // Next local midnight: guess it as UTC, correct by the zone's offset (twice, across a DST change).
  const nextMidnightWall = Date.UTC(y, m - 1, d + 1);
  let instant = nextMidnightWall - zoneOffset(nextMidnightWall, timeZone);
  instant = nextMidnightWall - zoneOffset(instant, timeZone);
  return new Date(instant - 1);
}
