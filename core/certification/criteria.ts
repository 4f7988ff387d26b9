import type { Criterion, CriterionFact } from './policy.ts';

/**
 * The eligibility self-check: each criterion of the policy file against what the platform knows of the
 * enterprise. A `data` criterion is met or not from the facts (pre-filled, never retyped); an `evidence`
 * criterion waits for files, checked by the district and the bureau. Pure.
 */
export interface EligibilityFacts {
  aboveDesignatedSize: boolean;
  /** Last full year's training fund drawn over payroll, in percent; null without a declaration. */
  trainingFundDrawnPct: number | null;
  /** The plan's floor of the drawn share, in percent (policy rules.training_fund_share). */
  trainingFundMinPct: number;
  educationGroupsLed: number;
}

export type CriterionStatus = 'met' | 'missing' | 'evidence';

export interface CriterionResult extends Criterion {
  status: CriterionStatus;
  /** What the platform found, in words a clerk reads ("2025年度提取比例 1.2%"). */
  found: string | null;
}

export interface Eligibility {
  criteria: CriterionResult[];
  /** Basic criteria the data shows unmet: the enterprise cannot apply until they are. */
  missing: string[];
  /** At least one "one of" criterion met by data or awaiting evidence. */
  oneOfOpen: boolean;
  /** Nothing the data shows blocks an application (evidence still to be checked). */
  mayApply: boolean;
}

function check(fact: CriterionFact, f: EligibilityFacts): { met: boolean; found: string } {
  switch (fact) {
    case 'aboveDesignatedSize':
      return { met: f.aboveDesignatedSize, found: f.aboveDesignatedSize ? '企业库登记为规模以上企业' : '企业库登记为规模以下企业' };
    case 'trainingFundDrawn':
      return f.trainingFundDrawnPct === null
        ? { met: false, found: '尚无上一年度申报' }
        : { met: f.trainingFundDrawnPct >= f.trainingFundMinPct, found: `上一年度申报提取比例 ${f.trainingFundDrawnPct}%` };
    case 'educationGroupsLed':
      return { met: f.educationGroupsLed > 0, found: `载体库中牵头的职教集团 ${f.educationGroupsLed} 个` };
  }
}

export function checkEligibility(criteria: readonly Criterion[], facts: EligibilityFacts): Eligibility {
  const results: CriterionResult[] = criteria.map((c) => {
    if (c.check === 'evidence' || !c.fact) return { ...c, status: 'evidence', found: null };
    const r = check(c.fact, facts);
    // A data criterion the data does not meet may still be proved by evidence when the policy names some.
    return { ...c, status: r.met ? 'met' : c.evidence ? 'evidence' : 'missing', found: r.found };
  });
  const missing = results.filter((r) => r.group === 'basic' && r.status === 'missing').map((r) => r.code);
  const oneOf = results.filter((r) => r.group === 'oneOf');
  const oneOfOpen = oneOf.length === 0 || oneOf.some((r) => r.status !== 'missing');
  return { criteria: results, missing, oneOfOpen, mayApply: missing.length === 0 && oneOfOpen };
}
