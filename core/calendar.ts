/**
 * The platform's day is Zhengzhou's (China Standard Time, UTC+8, no daylight saving): deadlines, rules in force,
 * internship days and file stamps all turn over at midnight there, whatever the server's own time zone.
 */
const ZHENGZHOU_OFFSET_MS = 8 * 3_600_000;

/** The instant shown as Zhengzhou wall-clock time in ISO form (`YYYY-MM-DDTHH:MM:SS.sssZ`, the Z not meant). */
const wallClock = (now: Date) => new Date(now.getTime() + ZHENGZHOU_OFFSET_MS).toISOString();

export function todayOf(now: Date): string {
  return wallClock(now).slice(0, 10);
}

/** A file name's time stamp in Zhengzhou time, `YYYYMMDD-HHMMSS` (backups sort by it). */
export function stampOf(now: Date): string {
  return wallClock(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * The YYYY-MM-DD of a date held as UTC midnight (calendar arithmetic on whole days, spreadsheet dates). Not for
 * "today": that is `todayOf(now)`.
 */
export function isoDateOf(utcMidnight: Date | number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** Noon in Zhengzhou on a business day (`YYYY-MM-DD`): the clock to pass when acting "on that day" (the demo's history). */
export function noonOf(day: string): Date {
  return new Date(Date.parse(`${day}T12:00:00Z`) - ZHENGZHOU_OFFSET_MS);
}
