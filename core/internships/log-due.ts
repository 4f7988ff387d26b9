import { addDays, mondayOf } from './dates.ts';

/**
 * Which weekly log (实习周志) a student on an internship owes on `today`. A week's log may be written from its
 * Monday and is due by its Sunday; the weeks owed run from the week the internship started to the current week
 * (or the week it ends, if that is earlier). Pure: dates are YYYY-MM-DD calendar days.
 */
export interface LogDue {
  /** Monday of the earliest week without a log, or null when every week owed so far has one. */
  weekStart: string | null;
  /** The Sunday that week's log is due by. */
  due: string | null;
  /** Weeks owed so far without a log (the current week included). */
  missing: number;
  /** Weeks already past their Sunday without a log. */
  overdue: number;
}

export function logDue(startedOn: string, plannedEnd: string, loggedWeeks: readonly string[], today: string): LogDue {
  const done = new Set(loggedWeeks);
  const last = mondayOf(plannedEnd < today ? plannedEnd : today);
  let first: string | null = null;
  let missing = 0;
  let overdue = 0;
  for (let w = mondayOf(startedOn); w <= last; w = addDays(w, 7)) {
    if (done.has(w)) continue;
    first ??= w;
    missing += 1;
    if (addDays(w, 6) < today) overdue += 1;
  }
  return { weekStart: first, due: first && addDays(first, 6), missing, overdue };
}
