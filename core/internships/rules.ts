import type { PlanPolicy, PlanRule } from '../plan/plan.ts';

/**
 * The internship regulation's checkable figures, read from the plan policy file by rule code. Every
 * refusal names the rule code, its name and its article, so a clerk can look it up.
 */
export interface RuleRef {
  code: string;
  name: string;
  article: string;
}

export interface InternshipRules {
  enterpriseCap: number;
  positionCap: number;
  payFloor: number;
  minAge: number;
  placementMinStudyYear: number;
  dailyHours: number;
  weeklyHours: number;
  forbiddenWorkplaces: Set<string>;
  forbiddenTasks: Set<string>;
  forbiddenFees: Set<string>;
  /** Parties of the tripartite agreement (the guardian's only while the student is under `adultAge`). */
  agreementParties: string[];
  /** Age from which a student signs without a guardian's consent. */
  adultAge: number;
  /** Who may pay the internship liability insurance (never the student). */
  insurancePayers: Set<string>;
  /** Days without a weekly log after which the school is alerted. */
  logGapDays: number;
  ref(code: string): RuleRef;
}

function need<K extends PlanRule['kind']>(plan: PlanPolicy, code: string, kind: K): Extract<PlanRule, { kind: K }> {
  const r = plan.rules[code];
  if (!r || r.kind !== kind) throw new Error(`policy file: rule ${code} of kind ${kind} is missing`);
  return r as Extract<PlanRule, { kind: K }>;
}

export function internshipRules(plan: PlanPolicy): InternshipRules {
  const list = (code: string) => new Set(need(plan, code, 'list').items.map((i) => i.code));
  return {
    enterpriseCap: need(plan, 'intern_enterprise_cap', 'share').value,
    positionCap: need(plan, 'intern_position_cap', 'share').value,
    payFloor: need(plan, 'intern_pay_floor', 'share').value,
    minAge: need(plan, 'intern_min_age', 'age').value,
    placementMinStudyYear: need(plan, 'placement_min_study_year', 'studyYear').value,
    dailyHours: need(plan, 'work_hours_daily', 'duration').value,
    weeklyHours: need(plan, 'work_hours_weekly', 'duration').value,
    forbiddenWorkplaces: list('forbidden_workplaces'),
    forbiddenTasks: list('forbidden_tasks'),
    forbiddenFees: list('forbidden_fees'),
    agreementParties: [...list('intern_agreement')],
    adultAge: need(plan, 'intern_guardian_age', 'age').value,
    insurancePayers: list('intern_insurance'),
    logGapDays: need(plan, 'intern_log_gap', 'duration').value,
    ref(code) {
      const r = plan.rules[code];
      if (!r) throw new Error(`policy file: no rule ${code}`);
      return { code, name: r.name, article: [r.source.document, r.source.article].filter(Boolean).join(' ') };
    },
  };
}
