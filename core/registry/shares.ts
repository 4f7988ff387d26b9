/**
 * A school's standing against the plan's share rules, the figures passed in as rules read from the policy
 * file by the caller (never literals here). Pure.
 *
 * - 实践性教学课时 ≥ 50% of hours, per program (二 (三) 8, `practice_teaching_share`);
 * - part-time teachers (兼职教师 and 产业导师 alike) filled to 30% of the staffing quota, never above it (二 (三) 10,
 *   `part_time_teacher_quota`: 聘足配齐);
 * - dual-qualified teachers ≥ 70% of specialty teachers (二 (三) 10; 任务清单 13, `dual_qualified_share`).
 */
export interface ShareRule {
  comparator: '>=' | '<=';
  /** A fraction: 0.3 = 30%. */
  value: number;
  article: string;
}

export interface ShareStanding {
  /** null when the base is unknown or zero: nothing to compare. */
  share: number | null;
  limit: number;
  comparator: '>=' | '<=';
  met: boolean | null;
  article: string;
}

/**
 * Shares become parts per million before comparing, so 7 of 10 meets 70% exactly rather than failing on
 * 0.7 × 10 = 7.000000000000001.
 */
const PPM = 1_000_000;
const ppm = (share: number) => Math.round(share * PPM);

function compare(numerator: number, denominator: number, rule: ShareRule): boolean {
  const left = numerator * PPM;
  const right = ppm(rule.value) * denominator;
  return rule.comparator === '>=' ? left >= right : left <= right;
}

function standing(numerator: number, denominator: number | null, rule: ShareRule): ShareStanding {
  const known = denominator !== null && denominator > 0;
  return {
    share: known ? numerator / denominator : null,
    limit: rule.value,
    comparator: rule.comparator,
    met: known ? compare(numerator, denominator, rule) : null,
    article: rule.article,
  };
}

/** A program's recorded practice-teaching share (a fraction) against the rule; unknown when not recorded. */
export function practiceShareStanding(share: number | null, rule: ShareRule): ShareStanding {
  if (share === null) return { share: null, limit: rule.value, comparator: rule.comparator, met: null, article: rule.article };
  // Shares are stored to three decimals: compare in thousandths as whole numbers.
  return { ...standing(Math.round(share * 1000), 1000, rule), share };
}

/** 聘足配齐: short of the quota's share (flagged), filled to it, or over it (beyond what may be hired). */
export type PartTimeFill = 'short' | 'full' | 'over';

export interface PartTimeStanding extends ShareStanding {
  partTime: number;
  staffingQuota: number | null;
  /** The most part-time teachers the quota allows — and the number to fill it to; null without a quota. */
  maxPartTime: number | null;
  /** null without a quota (nothing to compare). */
  fill: PartTimeFill | null;
  /** Part-time teachers still to hire to fill the share (0 unless short). */
  shortfall: number;
}

/**
 * Part-time teachers and industry mentors against the school's 教职工核定编制数. The plan says schools hire them "按
 * 教职工核定编制数额30%的比例聘足配齐" (二 (三) 10): the share is both the most a school may hire and what it should
 * fill, so a school below it is short (not met, and shown so), one at it is filled, one above it is over the limit.
 * Whole teachers: the share of the quota rounded down.
 */
export function partTimeStanding(partTime: number, staffingQuota: number | null, rule: ShareRule): PartTimeStanding {
  const max = staffingQuota === null ? null : Math.floor((staffingQuota * ppm(rule.value)) / PPM);
  const base = standing(partTime, staffingQuota, rule);
  const fill: PartTimeFill | null = max === null || !staffingQuota ? null : partTime < max ? 'short' : partTime > max ? 'over' : 'full';
  return {
    ...base,
    met: fill === null ? null : fill === 'full',
    partTime,
    staffingQuota,
    maxPartTime: max,
    fill,
    shortfall: fill === 'short' ? max! - partTime : 0,
  };
}

export interface DualQualifiedStanding extends ShareStanding {
  dualQualified: number;
  specialty: number;
  /** More specialty teachers who would need to qualify to meet the rule (0 when met). */
  shortfall: number;
}

/** Dual-qualified specialty teachers over all specialty teachers. */
export function dualQualifiedStanding(dualQualified: number, specialty: number, rule: ShareRule): DualQualifiedStanding {
  const needed = Math.ceil((specialty * ppm(rule.value)) / PPM);
  return {
    ...standing(dualQualified, specialty, rule),
    dualQualified,
    specialty,
    shortfall: Math.max(0, needed - dualQualified),
  };
}
