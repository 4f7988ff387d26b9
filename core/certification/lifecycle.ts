import { AppError } from '../errors.ts';
import type { LifecycleRule, RevocationReason } from './policy.ts';

/**
 * The life of one application to become a 产教融合型企业 (发改社会〔2019〕590号 第八条至第十一条), as a state
 * machine: every transition is named (the audit row's action), checks the stage it starts from and the policy
 * file's deadlines against the day passed in, and answers the new state. Pure: no clock, no I/O.
 *
 * applied → districtReviewed → eligible → expertReviewed → reserve (培育储备库; three-year plan due in 3 months)
 * → cultivating (plan published; at least 1 year from entry into the reserve) → publicNotice (certified at a level,
 * objection period) → certified (with a validity) … annual reports by the end of January … → revoked (reason,
 * 5-year ban). A refusal at a review ends the case as `rejected`; an upheld objection too. A certification not
 * renewed lapses the day after its validity (`expired`, the daily job); the enterprise may then apply again.
 */
export const STAGES = [
  'applied',
  'districtReviewed',
  'eligible',
  'expertReviewed',
  'reserve',
  'cultivating',
  'publicNotice',
  'certified',
  'rejected',
  'revoked',
  'expired',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  applied: '已申报（待区县初审）',
  districtReviewed: '区县初审通过（待资格审查）',
  eligible: '资格审查通过（待专家评审）',
  expertReviewed: '专家评审通过（待入库）',
  reserve: '培育储备库（待公开建设规划）',
  cultivating: '建设培育中',
  publicNotice: '认定公示中',
  certified: '已认定',
  rejected: '未通过',
  revoked: '已取消认定',
  expired: '认定已到期',
};

export const LEVELS = ['city', 'province', 'nation'] as const;
export type CertificationLevel = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<CertificationLevel, string> = { city: '市级', province: '省级', nation: '国家级' };

/** Stages in which the case is still open (a new application is refused while one is). */
export const OPEN_STAGES: readonly Stage[] = [
  'applied',
  'districtReviewed',
  'eligible',
  'expertReviewed',
  'reserve',
  'cultivating',
  'publicNotice',
  'certified',
];

export interface CaseState {
  stage: Stage;
  appliedOn: string;
  reserveOn: string | null;
  planDueOn: string | null;
  planPublishedOn: string | null;
  level: CertificationLevel | null;
  certifiedOn: string | null;
  objectionUntil: string | null;
  validUntil: string | null;
  revokedOn: string | null;
  revocationReason: RevocationReason | null;
  bannedUntil: string | null;
  /** Years an annual integration report has been submitted for. */
  reportedYears: number[];
}

export type Transition =
  | { name: 'districtReview'; approve: boolean }
  | { name: 'eligibilityCheck'; approve: boolean }
  /**
   * The panel's outcome, read from the case's review round (the shared expert review): every assigned sheet in,
   * the aggregate against the policy's pass score. The bureau types no score and no verdict.
   */
  | { name: 'recordExpertReview'; assigned: number; submitted: number; score: number | null; passScore: number }
  | { name: 'enterReserve' }
  | { name: 'publishPlan' }
  | { name: 'certify'; level: CertificationLevel }
  | { name: 'closeNotice'; objectionUpheld: boolean }
  | { name: 'annualReport'; year: number }
  | { name: 'revoke'; reason: RevocationReason }
  /** The validity has passed (the daily job, server/certification/jobs/expiry.ts). */
  | { name: 'expire' };

export const TRANSITION_LABELS: Record<Transition['name'] | 'apply', string> = {
  apply: '企业申报',
  districtReview: '区县初审',
  eligibilityCheck: '市教育局资格审查',
  recordExpertReview: '确认专家评审结论',
  enterReserve: '纳入培育储备库',
  publishPlan: '公开三年建设规划',
  certify: '认定',
  closeNotice: '公示期满',
  annualReport: '报送年度报告',
  revoke: '取消认定',
  expire: '认定到期',
};

/** The stage each transition starts from. */
const FROM: Record<Transition['name'], readonly Stage[]> = {
  districtReview: ['applied'],
  eligibilityCheck: ['districtReviewed'],
  recordExpertReview: ['eligible'],
  enterReserve: ['expertReviewed'],
  publishPlan: ['reserve'],
  certify: ['cultivating'],
  closeNotice: ['publicNotice'],
  annualReport: ['certified'],
  revoke: ['reserve', 'cultivating', 'publicNotice', 'certified'],
  expire: ['certified'],
};

// Dates are "YYYY-MM-DD" in Beijing; month arithmetic clamps to the month's last day (Nov 30 + 3 months = Feb 28/29).
const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysIn(ny, nm)))}`;
}
export const addYears = (day: string, years: number) => addMonths(day, years * 12);
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const refuse = (rule: string, message: string) => new AppError('RULE_VIOLATION', message, { details: { rule } });

/**
 * Whether an enterprise may apply today: not while a case of it is open, not within the ban after a revocation.
 * `cases` are its earlier cases.
 */
export function checkMayApply(cases: ReadonlyArray<Pick<CaseState, 'stage' | 'bannedUntil'>>, today: string): void {
  if (cases.some((c) => OPEN_STAGES.includes(c.stage)))
    throw refuse('oneOpenCase', '本企业已有在办的产教融合型企业申报或有效认定，不能重复申报');
  const ban = cases
    .map((c) => c.bannedUntil)
    .filter((d): d is string => d !== null && d >= today)
    .sort()
    .at(-1);
  if (ban) throw refuse('banAfterRevocation', `本企业被取消产教融合型企业认定，${ban}前不得再次申报（发改社会〔2019〕590号）`);
}

export function newCase(appliedOn: string): CaseState {
  return {
    stage: 'applied',
    appliedOn,
    reserveOn: null,
    planDueOn: null,
    planPublishedOn: null,
    level: null,
    certifiedOn: null,
    objectionUntil: null,
    validUntil: null,
    revokedOn: null,
    revocationReason: null,
    bannedUntil: null,
    reportedYears: [],
  };
}

/** The due day of the annual report on `year` (policy: the end of January of the next year). */
export const annualReportDueOn = (year: number, rules: LifecycleRule) => `${year + 1}-${rules.annualReportDue}`;

export function transition(s: CaseState, t: Transition, today: string, rules: LifecycleRule): CaseState {
  if (!FROM[t.name].includes(s.stage))
    throw new AppError('INVALID_STATE', `当前阶段为“${STAGE_LABELS[s.stage]}”，不能进行“${TRANSITION_LABELS[t.name]}”：须按流程逐步办理`, {
      details: { rule: 'stageOrder', stage: s.stage, transition: t.name },
    });
  switch (t.name) {
    case 'districtReview':
      return { ...s, stage: t.approve ? 'districtReviewed' : 'rejected' };
    case 'eligibilityCheck':
      return { ...s, stage: t.approve ? 'eligible' : 'rejected' };
    case 'recordExpertReview':
      if (t.assigned === 0) throw refuse('expertReviewAssigned', '尚未组织专家评审：请先发起评审并分配评审专家');
      if (t.submitted < t.assigned || t.score === null)
        throw refuse(
          'expertReviewComplete',
          `专家评分尚未全部提交（已交 ${t.submitted} 份，共 ${t.assigned} 份），全部专家评分提交后方可作出评审结论`,
        );
      return { ...s, stage: t.score >= t.passScore ? 'expertReviewed' : 'rejected' };
    case 'enterReserve':
      return { ...s, stage: 'reserve', reserveOn: today, planDueOn: addMonths(today, rules.planDueMonths) };
    case 'publishPlan':
      if (s.planDueOn && today > s.planDueOn)
        throw refuse('planDeadline', `三年建设规划应在纳入培育储备库后${rules.planDueMonths}个月内（${s.planDueOn}前）公开，已逾期`);
      return { ...s, stage: 'cultivating', planPublishedOn: today };
    case 'certify': {
      const earliest = addYears(s.reserveOn!, rules.cultivationMinYears);
      if (today < earliest) throw refuse('cultivationPeriod', `纳入培育储备库满${rules.cultivationMinYears}年（${earliest}）后方可认定`);
      return { ...s, stage: 'publicNotice', level: t.level, certifiedOn: today, objectionUntil: addDays(today, rules.objectionDays) };
    }
    case 'closeNotice':
      if (today <= s.objectionUntil!) throw refuse('objectionPeriod', `公示期至${s.objectionUntil}，期满后方可确认`);
      if (t.objectionUpheld) return { ...s, stage: 'rejected' };
      return { ...s, stage: 'certified', validUntil: addYears(s.certifiedOn!, rules.validityYears) };
    case 'annualReport': {
      const firstYear = Number(s.certifiedOn!.slice(0, 4));
      const thisYear = Number(today.slice(0, 4));
      if (t.year < firstYear || t.year >= thisYear)
        throw refuse('annualReportYear', `年度报告报送已结束的认定年度（${firstYear}年至${thisYear - 1}年）`);
      if (s.reportedYears.includes(t.year)) throw new AppError('CONFLICT', `${t.year}年度报告已报送`);
      return { ...s, reportedYears: [...s.reportedYears, t.year].sort() };
    }
    case 'revoke':
      return { ...s, stage: 'revoked', revokedOn: today, revocationReason: t.reason, bannedUntil: addYears(today, rules.banYears) };
    case 'expire':
      if (s.validUntil === null || today <= s.validUntil) throw refuse('validity', `认定有效期至${s.validUntil ?? '—'}，尚未到期`);
      return { ...s, stage: 'expired' };
  }
}

export interface Deadlines {
  /** The plan is due and not published by its day. */
  planOverdue: boolean;
  /** The earliest day certification may be decided, once in the reserve. */
  cultivationEndsOn: string | null;
  /** Certified and past its validity. */
  expired: boolean;
  /** Years ended since certification whose report is due (past the end of January) and missing. */
  reportsOverdue: number[];
  /** The report year due next (not yet overdue), if any. */
  reportDue: { year: number; dueOn: string } | null;
}

export function deadlinesOf(s: CaseState, today: string, rules: LifecycleRule): Deadlines {
  const overdue: number[] = [];
  let due: Deadlines['reportDue'] = null;
  if (s.stage === 'certified' && s.certifiedOn) {
    for (let y = Number(s.certifiedOn.slice(0, 4)); y < Number(today.slice(0, 4)); y++) {
      if (s.reportedYears.includes(y)) continue;
      const dueOn = annualReportDueOn(y, rules);
      if (today > dueOn) overdue.push(y);
      else due ??= { year: y, dueOn };
    }
  }
  return {
    planOverdue: s.stage === 'reserve' && s.planDueOn !== null && today > s.planDueOn,
    cultivationEndsOn: s.reserveOn ? addYears(s.reserveOn, rules.cultivationMinYears) : null,
    expired: s.stage === 'certified' && s.validUntil !== null && today > s.validUntil,
    reportsOverdue: overdue,
    reportDue: due,
  };
}

/** The register's 产教融合型企业 status that follows from an enterprise's latest case (enterprises.integration_status). */
export type IntegrationStatus = 'none' | 'reserve' | 'applied' | 'certified_city' | 'certified_province' | 'certified_nation';
export function integrationStatusOf(s: Pick<CaseState, 'stage' | 'level' | 'validUntil'> | null, today: string): IntegrationStatus {
  if (!s) return 'none';
  switch (s.stage) {
    case 'applied':
    case 'districtReviewed':
    case 'eligible':
    case 'expertReviewed':
      return 'applied';
    case 'reserve':
    case 'cultivating':
    case 'publicNotice':
      return 'reserve';
    case 'certified':
      return s.validUntil !== null && today > s.validUntil ? 'none' : `certified_${s.level!}`;
    case 'rejected':
    case 'revoked':
    case 'expired':
      return 'none';
  }
}
