/**
 * What the plan expects of one enterprise (二 (二) 5; 任务清单 7): internship posts of 2%–3% of staff for
 * enterprises above designated size, and a training fund of 1.5%–2.5% of the payroll with ≥60% of it for
 * front-line staff. The figures come in as rules (read from the policy file by the caller), never as
 * literals here, so a new plan is a data change. Pure.
 */

/** A range rule of the policy file: fractions (0.02 = 2%) and the article it comes from. */
export interface RangeRule {
  min: number;
  max: number;
  article: string;
}

export interface ShareRule {
  value: number;
  article: string;
}

export interface ExpectationRules {
  internshipPosts: RangeRule;
  trainingFund: RangeRule;
  trainingFundFrontline: ShareRule;
}

export interface EnterpriseFacts {
  staffCount: number;
  payrollYuan: number | null;
  aboveDesignatedSize: boolean;
}

export interface EnterpriseExpectations {
  internshipPosts: {
    /** The rule binds enterprises above designated size only (规模以上企业). */
    applies: boolean;
    minShare: number;
    maxShare: number;
    /** Whole posts: at least the lower share (rounded up), at most the upper share (rounded down, never below min). */
    minPosts: number;
    maxPosts: number;
    article: string;
  };
  trainingFund: {
    /** Null when the payroll is unknown: the range cannot be computed. */
    minYuan: number | null;
    maxYuan: number | null;
    minShare: number;
    maxShare: number;
    frontlineShare: number;
    /** The least of the lower-bound fund that goes to front-line staff. */
    frontlineMinYuan: number | null;
    article: string;
  };
}

/**
 * Shares become parts per million before multiplying, so 350 × 2% is exactly 7 posts and not
 * 7.000000000000001 rounded up to 8.
 */
const PPM = 1_000_000;
const ppm = (share: number) => Math.round(share * PPM);
const ceilShare = (base: number, share: number) => Math.ceil((base * ppm(share)) / PPM);
const floorShare = (base: number, share: number) => Math.floor((base * ppm(share)) / PPM);
const roundShare = (base: number, share: number) => Math.round((base * ppm(share)) / PPM);

/** Whole internship posts the range asks of a staff: at least the lower share (rounded up), at most the upper (rounded down, never below the least). */
export function postsForStaff(staffCount: number, range: RangeRule): { minPosts: number; maxPosts: number } {
  const minPosts = ceilShare(staffCount, range.min);
  return { minPosts, maxPosts: Math.max(minPosts, floorShare(staffCount, range.max)) };
}

export function enterpriseExpectations(e: EnterpriseFacts, rules: ExpectationRules): EnterpriseExpectations {
  const posts = rules.internshipPosts;
  const { minPosts, maxPosts } = postsForStaff(e.staffCount, posts);
  const fund = rules.trainingFund;
  const payroll = e.payrollYuan;
  const minYuan = payroll == null ? null : roundShare(payroll, fund.min);
  return {
    internshipPosts: {
      applies: e.aboveDesignatedSize,
      minShare: posts.min,
      maxShare: posts.max,
      minPosts,
      maxPosts,
      article: posts.article,
    },
    trainingFund: {
      minYuan,
      maxYuan: payroll == null ? null : roundShare(payroll, fund.max),
      minShare: fund.min,
      maxShare: fund.max,
      frontlineShare: rules.trainingFundFrontline.value,
      frontlineMinYuan: minYuan == null ? null : roundShare(minYuan, rules.trainingFundFrontline.value),
      article: fund.article,
    },
  };
}
