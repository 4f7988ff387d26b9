/**
 * The platform's day is Zhengzhou's (China Standard Time, UTC+8, no daylight saving): deadlines, rules in force,
 * internship days and file stamps all turn over at midnight there, whatever the server's own time zone.
 */
export function todayOf(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
