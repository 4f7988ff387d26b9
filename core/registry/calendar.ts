import { isoDateOf } from '../calendar.ts';

/**
 * Calendar dates as the register keeps them ("YYYY-MM-DD", no time, no zone), counted as day numbers.
 * Pure arithmetic on the proleptic Gregorian calendar: no clock, no time zone can shift a date by one.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Year, month, day of a real calendar date, or null ("2023-02-29", "2024-13-01" and "2024-1-1" are not). */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** Days since 1970-01-01; throws on a string that is not a real date (callers validate input first). */
export function dayNumber(s: string): number {
  const p = parseDate(s);
  if (!p) throw new Error(`不是有效日期：${s}`);
  return Date.UTC(p.y, p.m - 1, p.d) / MS_PER_DAY;
}

export function dateOfDay(day: number): string {
  return isoDateOf(day * MS_PER_DAY);
}

/**
 * The same day `months` later (negative: earlier), clamped to the month's last day: 2024-02-29 minus
 * 12 months is 2023-02-28, and 2019-08-31 plus 6 months is 2020-02-29.
 */
export function addMonths(s: string, months: number): string {
  const p = parseDate(s);
  if (!p) throw new Error(`不是有效日期：${s}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(p.d, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
