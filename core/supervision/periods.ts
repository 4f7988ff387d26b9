import type { ReportFrequency } from '../plan/plan.ts';
import { isoDateOf } from '../calendar.ts';

/**
 * Reporting periods of the task list: from the period in which the plan was issued to the one holding its
 * horizon, each due `dueAfterDays` after it ends (policy file `supervision`). Pure; dates are YYYY-MM-DD
 * calendar days in China Standard Time, keys are 2024Q1, 2024H1, 2024 or 2024-03.
 */
export interface Period {
  key: string;
  label: string;
  start: string;
  end: string;
  /** The last day a report is on time. */
  due: string;
}

const MONTHS: Record<ReportFrequency, number> = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDateOf(d);
}

function keyOf(freq: ReportFrequency, y: number, m0: number): { key: string; label: string } {
  switch (freq) {
    case 'monthly':
      return { key: `${y}-${pad(m0 + 1)}`, label: `${y}年${m0 + 1}月` };
    case 'quarterly':
      return { key: `${y}Q${m0 / 3 + 1}`, label: `${y}年第${'一二三四'[m0 / 3]}季度` };
    case 'halfYearly':
      return { key: `${y}H${m0 / 6 + 1}`, label: `${y}年${m0 < 6 ? '上' : '下'}半年` };
    case 'yearly':
      return { key: String(y), label: `${y}年` };
  }
}

export function periodsOf(issued: string, horizon: string, frequency: ReportFrequency, dueAfterDays: number): Period[] {
  const step = MONTHS[frequency];
  let y = Number(issued.slice(0, 4));
  let m0 = Math.floor((Number(issued.slice(5, 7)) - 1) / step) * step;
  const out: Period[] = [];
  for (;;) {
    const start = `${y}-${pad(m0 + 1)}-01`;
    if (start > horizon) break;
    const endMonth = m0 + step;
    const end = `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`;
    out.push({ ...keyOf(frequency, y, m0), start, end, due: addDays(end, dueAfterDays) });
    m0 = endMonth;
    if (m0 >= 12) {
      m0 = 0;
      y += 1;
    }
  }
  return out;
}

/** Periods a report may be written for: those that have begun. */
export const openPeriods = (periods: readonly Period[], today: string) => periods.filter((p) => p.start <= today);

/** The period in progress today, or the last one once the plan's horizon has passed (null before the first). */
export function currentPeriod(periods: readonly Period[], today: string): Period | null {
  const open = openPeriods(periods, today);
  return open.find((p) => p.end >= today) ?? open[open.length - 1] ?? null;
}
