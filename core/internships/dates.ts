/** Calendar arithmetic on YYYY-MM-DD dates (UTC noon-free: whole days only). */
import { isoDateOf } from '../calendar.ts';
const toDay = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
const fromDay = (n: number) => isoDateOf(n * 86_400_000);

/** Days from `a` to `b` (negative when b is earlier). */
export const daysBetween = (a: string, b: string) => toDay(b) - toDay(a);
export const addDays = (d: string, n: number) => fromDay(toDay(d) + n);
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: string) => ((new Date(toDay(d) * 86_400_000).getUTCDay() + 6) % 7) + 1;
export const mondayOf = (d: string) => addDays(d, 1 - isoWeekday(d));

/** Two date ranges (inclusive) share at least one day. */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start <= b.end && b.start <= a.end;
