import { daysBetween } from './dates.ts';
import type { InternshipRules, RuleRef } from './rules.ts';

export type AlertKind = 'no_agreement' | 'no_insurance' | 'no_recent_log' | 'pay_below_floor' | 'hours_over_limit';

/** What the school needs to know about one placement to see whether it is in order. */
export interface PlacementFacts {
  status: string;
  kind: 'observation' | 'placement';
  plannedStart: string;
  plannedEnd: string;
  startedOn: string | null;
  agreementComplete: boolean;
  insurance: { coverageStart: string; coverageEnd: string } | null;
  /** The day the last weekly log was submitted. */
  lastLogOn: string | null;
  monthlyPayYuan: number;
  samePostWageYuan: number;
  dailyHours: number;
  weeklyHours: number;
  /** Most hours a weekly log / a check-in reported. */
  maxLogHours: number | null;
  maxCheckinHours: number | null;
}

export interface PlacementAlert {
  kind: AlertKind;
  rule: RuleRef;
  message: string;
}

const LIVE = new Set(['accepted', 'active']);

/** The alerts of one placement on `today`; ended placements raise none. Every threshold comes from the rules. */
export function placementAlerts(f: PlacementFacts, r: InternshipRules, today: string): PlacementAlert[] {
  if (!LIVE.has(f.status)) return [];
  const out: PlacementAlert[] = [];
  const add = (kind: AlertKind, code: string, message: string) => out.push({ kind, rule: r.ref(code), message });
  if (!f.agreementComplete) add('no_agreement', 'intern_agreement', '三方协议尚未签齐');
  const from = f.startedOn ?? f.plannedStart;
  if (!f.insurance) add('no_insurance', 'intern_insurance', '未登记实习责任保险');
  else if (f.insurance.coverageStart > from || f.insurance.coverageEnd < f.plannedEnd) {
    add(
      'no_insurance',
      'intern_insurance',
      `保险期间（${f.insurance.coverageStart} 至 ${f.insurance.coverageEnd}）未覆盖实习全程（${from} 至 ${f.plannedEnd}）`,
    );
  }
  if (f.status === 'active' && f.startedOn) {
    const since = f.lastLogOn ?? f.startedOn;
    const gap = daysBetween(since, today);
    if (gap > r.logGapDays)
      add(
        'no_recent_log',
        'intern_log_gap',
        f.lastLogOn ? `已${gap}天未提交实习周志（上次 ${f.lastLogOn}）` : `实习开始${gap}天仍未提交实习周志`,
      );
  }
  const floor = Math.ceil(f.samePostWageYuan * r.payFloor);
  if (f.kind === 'placement' && f.monthlyPayYuan < floor)
    add('pay_below_floor', 'intern_pay_floor', `月报酬 ${f.monthlyPayYuan} 元低于下限 ${floor} 元`);
  if (f.dailyHours > r.dailyHours || (f.maxCheckinHours ?? 0) > r.dailyHours) {
    add(
      'hours_over_limit',
      'work_hours_daily',
      `每日实习时间超过${r.dailyHours}小时（约定 ${f.dailyHours} 小时，签到最多 ${f.maxCheckinHours ?? 0} 小时）`,
    );
  }
  if (f.weeklyHours > r.weeklyHours || (f.maxLogHours ?? 0) > r.weeklyHours) {
    add(
      'hours_over_limit',
      'work_hours_weekly',
      `每周实习时间超过${r.weeklyHours}小时（约定 ${f.weeklyHours} 小时，周志最多 ${f.maxLogHours ?? 0} 小时）`,
    );
  }
  return out;
}
