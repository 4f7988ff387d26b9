import { addMonths, dateOfDay, dayNumber } from './calendar.ts';

/**
 * 教师企业实践 (二 (三) 10): a specialty teacher spends at least 1 year in enterprises in every 5 years.
 * The figures come in as a rule read from the policy file by the caller (`teacher_enterprise_practice`),
 * never as literals here. Pure: the reference date is passed in.
 *
 * How it is counted:
 * - the window is the `per` period ending on the reference date, both ends included: for 5 years and
 *   2025-06-30 it is 2020-07-01 … 2025-06-30 (a 29 February reference date looks back to 1 March);
 * - a period counts from its start to its end, both days included; an open period (no end yet) runs to the
 *   reference date; parts outside the window do not count;
 * - overlapping or touching periods (two placements at once, a record entered twice) are merged, so each
 *   calendar day counts once;
 * - a year of practice is 365 days, so one continuous calendar year always meets it, leap day or not.
 */
export interface PracticePeriod {
  /** "YYYY-MM-DD" */
  start: string;
  /** "YYYY-MM-DD", or null while the teacher is still in the enterprise. */
  end: string | null;
}

/** A duration rule of the policy file: `value` `unit` in every `per`. */
export interface PracticeRule {
  value: number;
  unit: string;
  per: { value: number; unit: string };
  article: string;
}

export interface PracticeStanding {
  asOf: string;
  windowStart: string;
  windowEnd: string;
  /** Distinct days of practice within the window. */
  days: number;
  requiredDays: number;
  /** Days still missing to meet the rule (0 when met). */
  remainingDays: number;
  met: boolean;
  article: string;
}

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { 年: 365, 月: 30, 周: 7, 日: 1, 天: 1 };
const MONTHS_PER_UNIT: Readonly<Record<string, number>> = { 年: 12, 月: 1 };

export function requiredPracticeDays(rule: PracticeRule): number {
  const perUnit = DAYS_PER_UNIT[rule.unit];
  if (perUnit === undefined) throw new Error(`企业实践规则的单位“${rule.unit}”无法换算为天数`);
  return Math.ceil(rule.value * perUnit);
}

/** First and last day of the look-back window ending on `asOf`. */
export function practiceWindow(asOf: string, per: PracticeRule['per']): { start: string; end: string } {
  const months = MONTHS_PER_UNIT[per.unit];
  if (months === undefined || !Number.isInteger(per.value * months))
    throw new Error(`企业实践规则的周期“${per.value}${per.unit}”无法换算为月数`);
  const start = dateOfDay(dayNumber(addMonths(asOf, -per.value * months)) + 1);
  return { start, end: asOf };
}

/** Distinct days covered by the periods within [from, to] (day numbers, inclusive), overlaps merged. */
export function coveredDays(periods: readonly PracticePeriod[], from: number, to: number): number {
  const spans: [number, number][] = [];
  for (const p of periods) {
    const start = dayNumber(p.start);
    const end = p.end === null ? to : dayNumber(p.end);
    if (p.end !== null && end < start) throw new Error(`企业实践的结束日期${p.end}早于开始日期${p.start}`);
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s <= e) spans.push([s, e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const span of spans) {
    if (current && span[0] <= current[1] + 1) {
      current[1] = Math.max(current[1], span[1]);
      continue;
    }
    if (current) total += current[1] - current[0] + 1;
    current = [span[0], span[1]];
  }
  if (current) total += current[1] - current[0] + 1;
  return total;
}

export function enterprisePracticeStanding(periods: readonly PracticePeriod[], asOf: string, rule: PracticeRule): PracticeStanding {
  const window = practiceWindow(asOf, rule.per);
  const days = coveredDays(periods, dayNumber(window.start), dayNumber(window.end));
  const requiredDays = requiredPracticeDays(rule);
  return {
    asOf,
    windowStart: window.start,
    windowEnd: window.end,
    days,
    requiredDays,
    remainingDays: Math.max(0, requiredDays - days),
    met: days >= requiredDays,
    article: rule.article,
  };
}
