/**
 * Placement rate of a year (issue 5, views of the district and the bureau): students placed on a 岗位实习 post
 * running in the year, over the enrolled students of the cohorts the regulation allows one (二年级及以上). Pure.
 */

/** The calendar year as dates (posts running in the year overlap it). */
export function yearSpan(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The day the cohorts' study year is taken on: today within the current year, the year's last day for a past
 * year, its first day for a future one (the cohorts that will certainly be old enough).
 */
export function eligibilityDate(year: number, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  if (year === thisYear) return today;
  return year < thisYear ? `${year}-12-31` : `${year}-01-01`;
}

/** The newest cohort (year of enrolment) whose students are in at least `minStudyYear` on `date`; older cohorts are too. */
export function newestEligibleCohort(date: string, minStudyYear: number): number {
  // studyYearOn is y − cohort (+1 from September): solve studyYearOn(cohort, date) ≥ minStudyYear for cohort.
  return Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 9 ? 1 : 0) - minStudyYear;
}

/** placed / eligible, or null when nobody is eligible (no rate rather than 0%). */
export function placementRate(placed: number, eligible: number): number | null {
  return eligible > 0 ? placed / eligible : null;
}

export const PLACEMENT_ORDERS = ['rate', 'placed'] as const;
export type PlacementOrder = (typeof PLACEMENT_ORDERS)[number];

interface RateRow {
  name: string;
  eligible: number;
  placed: number;
  rate: number | null;
}

/**
 * Rows in the order a reader asks about: highest rate first (a row nobody is eligible in, with no rate, last),
 * or most students placed first; ties by the other figure, then by the larger cohort, then by name.
 */
export function orderPlacementRows<R extends RateRow>(rows: readonly R[], order: PlacementOrder): R[] {
  const rate = (r: R) => r.rate ?? -1;
  const first = order === 'rate' ? rate : (r: R) => r.placed;
  const second = order === 'rate' ? (r: R) => r.placed : rate;
  return [...rows].sort(
    (a, b) => first(b) - first(a) || second(b) - second(a) || b.eligible - a.eligible || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
