import { addDays, annualReportDueOn } from './lifecycle.ts';
import type { LifecycleRule } from './policy.ts';

/**
 * Which certified enterprises owe an annual integration report, and the reminder each is due today (发改社会〔2019〕590号:
 * the report on a year by the end of January of the next). Pure: the day is passed in.
 */

/** A certified enterprise's case as the reminder and the list of those who have not reported read it. */
export interface ReportingCase {
  caseId: string;
  enterpriseId: string;
  stage: string;
  certifiedOn: string | null;
  validUntil: string | null;
  reportedYears: readonly number[];
}

/** The year whose report falls due in the calendar year of `today` (the year before). */
export const reportYearOn = (today: string) => Number(today.slice(0, 4)) - 1;

/**
 * Whether a case owes the report on `year`: certified in or before that year and still certified on its due day
 * (an enterprise whose certification lapsed or was revoked before the due day no longer reports).
 */
export function owesReport(c: ReportingCase, year: number, rules: LifecycleRule): boolean {
  if (!c.certifiedOn || Number(c.certifiedOn.slice(0, 4)) > year) return false;
  if (c.stage !== 'certified' && c.stage !== 'expired') return false;
  return c.validUntil !== null && c.validUntil >= annualReportDueOn(year, rules) && !c.reportedYears.includes(year);
}

export interface AnnualReportReminder {
  caseId: string;
  enterpriseId: string;
  year: number;
  dueOn: string;
  /** `d30`, `d7` … (the window before the due day) or `overdue`. */
  step: string;
  /** One message per enterprise (delivery prefixes its organisation), year and step, however often the job runs. */
  dedupeKey: string;
  title: string;
  body: string;
}

/**
 * The reminder each owing enterprise is due today: within the policy's windows before the due day the one of the
 * narrowest window reached (a job that missed a day still sends it, and never two of one window), after it the
 * overdue notice. The report due this calendar year is the one reminded; older missing years are on the list.
 */
export function annualReportReminders(cases: readonly ReportingCase[], today: string, rules: LifecycleRule): AnnualReportReminder[] {
  const year = reportYearOn(today);
  const dueOn = annualReportDueOn(year, rules);
  const overdue = today > dueOn;
  const window = rules.annualReportReminderDays.filter((d) => today >= addDays(dueOn, -d)).at(-1);
  if (!overdue && window === undefined) return [];
  const step = overdue ? 'overdue' : `d${window}`;
  return cases
    .filter((c) => owesReport(c, year, rules))
    .map((c) => ({
      caseId: c.caseId,
      enterpriseId: c.enterpriseId,
      year,
      dueOn,
      step,
      dedupeKey: `certification.annualReport:${year}:${step}`,
      title: overdue ? `${year}年度产教融合报告已逾期` : `请于${dueOn}前报送${year}年度产教融合报告`,
      body: overdue
        ? `贵企业${year}年度产教融合报告应于${dueOn}前报送，至今未报送。${rules.annualReportOverdue}`
        : `贵企业为产教融合型企业，须于${dueOn}前报送${year}年度产教融合工作报告（数据由年度申报预填）。`,
    }));
}
