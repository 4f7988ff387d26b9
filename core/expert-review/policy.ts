/**
 * The expert-review section of the plan policy file (`expertReview`): how far back a joint application makes an
 * expert's organisation a conflict, how many experts a subject gets unless its call says otherwise, how much a
 * trimmed mean drops, and how far from the median a score must lie to be flagged. Pure: takes parsed JSON, returns
 * a typed policy or throws listing every problem found.
 */
export interface ExpertReviewPolicy {
  article: string;
  note: string;
  /** A joint application (co-applicants) within this many years makes the two organisations conflicted. */
  recentCoApplicantYears: number;
  /** Experts per subject when the call names none. */
  defaultExpertsPerSubject: number;
  /** A trimmed mean drops this many of the highest and as many of the lowest totals (when enough remain). */
  trimmedMeanDrop: number;
  /** A total is an outlier when |total − median| > k · MAD of its subject's totals (k here). */
  outlierMadFactor: number;
}

export class ExpertReviewPolicyError extends Error {
  issues: string[];
  constructor(issues: string[]) {
    super(`政策文件 expertReview 部分格式错误：\n${issues.join('\n')}`);
    this.name = 'ExpertReviewPolicyError';
    this.issues = issues;
  }
}

export function parseExpertReviewPolicy(json: unknown): ExpertReviewPolicy {
  const issues: string[] = [];
  const o = (
    typeof json === 'object' && json !== null && !Array.isArray(json) ? json : (issues.push('$.expertReview: should be an object'), {})
  ) as Record<string, unknown>;
  const num = (key: string, min: number, max: number, integer: boolean): number => {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      issues.push(`$.expertReview.${key}: should be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}`);
      return min;
    }
    return v;
  };
  const str = (key: string): string => {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v;
    issues.push(`$.expertReview.${key}: should be a non-empty string`);
    return '';
  };
  const policy: ExpertReviewPolicy = {
    article: str('article'),
    note: str('note'),
    recentCoApplicantYears: num('recentCoApplicantYears', 0, 20, true),
    defaultExpertsPerSubject: num('defaultExpertsPerSubject', 1, 50, true),
    trimmedMeanDrop: num('trimmedMeanDrop', 0, 10, true),
    outlierMadFactor: num('outlierMadFactor', 0.5, 20, false),
  };
  if (issues.length) throw new ExpertReviewPolicyError(issues);
  return policy;
}
