import type { OutcomeKind } from './kinds.ts';

/**
 * Recognition rules (学分认定与转换规则): "outcome X of issuer A counts as course Y of school B for N credits",
 * written for one outcome, a group (any outcome of a kind in a field at or above a level) or a whole program
 * (every outcome of the issuer in a field, converted by hours or by credits). Pure: the caller supplies the
 * rules in force and the date.
 */
export const RULE_SCOPES = ['outcome', 'group', 'program'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
export const CREDIT_MODES = ['fixed', 'perHours', 'ratio'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];
export const RULE_STATUSES = ['proposed', 'active', 'archived'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export interface OutcomeFacts {
  id: string;
  issuerId: string;
  kind: OutcomeKind;
  code: string | null;
  field: string | null;
  level: number | null;
  credits: number | null;
  hours: number | null;
}

export interface RuleFacts {
  id: string;
  ruleKey: string;
  version: number;
  status: RuleStatus;
  scope: RuleScope;
  issuerId: string;
  /** null on a program rule: every kind counts. */
  outcomeKind: OutcomeKind | null;
  outcomeCode: string | null;
  /** Field (major or occupation code) prefix for group and program rules. */
  field: string | null;
  minLevel: number | null;
  targetSchoolId: string;
  /** null: any program of the target school. */
  targetProgramId: string | null;
  targetCourseCode: string;
  targetCourseName: string;
  creditMode: CreditMode;
  /** fixed: the credits; perHours: hours per credit; ratio: credits granted per credit earned. */
  creditValue: number;
  maxCredits: number | null;
  /** ISO dates; effectiveTo is exclusive. */
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface TransferTarget {
  schoolId: string;
  programId: string;
  /** The day the rules must be in force (YYYY-MM-DD): the day the request is filed. */
  on: string;
}

export function inForce(rule: Pick<RuleFacts, 'status' | 'effectiveFrom' | 'effectiveTo'>, on: string): boolean {
  return rule.status === 'active' && rule.effectiveFrom <= on && (rule.effectiveTo === null || on < rule.effectiveTo);
}

export function ruleMatches(rule: RuleFacts, outcome: OutcomeFacts, target: TransferTarget): boolean {
  if (!inForce(rule, target.on)) return false;
  if (rule.targetSchoolId !== target.schoolId) return false;
  if (rule.targetProgramId !== null && rule.targetProgramId !== target.programId) return false;
  if (rule.issuerId !== outcome.issuerId) return false;
  if (rule.outcomeKind !== null && rule.outcomeKind !== outcome.kind) return false;
  switch (rule.scope) {
    case 'outcome':
      return rule.outcomeCode !== null && rule.outcomeCode === outcome.code;
    case 'group':
      return (
        fieldMatches(rule.field, outcome.field) && (rule.minLevel === null || (outcome.level !== null && outcome.level >= rule.minLevel))
      );
    case 'program':
      return fieldMatches(rule.field, outcome.field);
  }
}

function fieldMatches(ruleField: string | null, outcomeField: string | null): boolean {
  if (ruleField === null || ruleField === '') return true;
  return outcomeField !== null && outcomeField.startsWith(ruleField);
}

/** Credits a rule grants for an outcome, rounded down to half credits (as credit banks count), capped. */
export function convertCredits(
  rule: Pick<RuleFacts, 'creditMode' | 'creditValue' | 'maxCredits'>,
  outcome: Pick<OutcomeFacts, 'credits' | 'hours'>,
): number {
  let raw: number;
  switch (rule.creditMode) {
    case 'fixed':
      raw = rule.creditValue;
      break;
    case 'perHours':
      raw = outcome.hours && rule.creditValue > 0 ? outcome.hours / rule.creditValue : 0;
      break;
    case 'ratio':
      raw = (outcome.credits ?? 0) * rule.creditValue;
      break;
  }
  const halves = Math.floor(raw * 2 + 1e-9) / 2;
  return rule.maxCredits !== null ? Math.min(halves, rule.maxCredits) : halves;
}

const SPECIFICITY: Record<RuleScope, number> = { outcome: 3, group: 2, program: 1 };

export interface RuleMatch {
  rule: RuleFacts;
  credits: number;
}

/**
 * The rule that recognises an outcome: the most specific scope wins (one outcome over a group over a program),
 * then the latest version, then the most credits; a rule that would grant nothing does not count. null: manual review.
 */
export function pickRule(rules: RuleFacts[], outcome: OutcomeFacts, target: TransferTarget): RuleMatch | null {
  let best: RuleMatch | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, outcome, target)) continue;
    const credits = convertCredits(rule, outcome);
    if (credits <= 0) continue;
    const candidate = { rule, credits };
    if (!best || better(candidate, best)) best = candidate;
  }
  return best;
}

function better(a: RuleMatch, b: RuleMatch): boolean {
  const s = SPECIFICITY[a.rule.scope] - SPECIFICITY[b.rule.scope];
  if (s !== 0) return s > 0;
  if (a.rule.ruleKey === b.rule.ruleKey && a.rule.version !== b.rule.version) return a.rule.version > b.rule.version;
  if (a.credits !== b.credits) return a.credits > b.credits;
  return a.rule.id < b.rule.id;
}

/** What a rule must say to be well-formed for its scope; field → Chinese message. */
export function ruleShapeProblems(
  r: Pick<RuleFacts, 'scope' | 'outcomeKind' | 'outcomeCode' | 'field' | 'creditMode' | 'creditValue' | 'effectiveFrom' | 'effectiveTo'>,
): Record<string, string> {
  const p: Record<string, string> = {};
  if (r.scope === 'outcome') {
    if (!r.outcomeCode) p.outcomeCode = '单项规则需填写成果代码';
    if (!r.outcomeKind) p.outcomeKind = '单项规则需填写成果类型';
  }
  if (r.scope === 'group') {
    if (!r.outcomeKind) p.outcomeKind = '类别规则需填写成果类型';
    if (!r.field) p.field = '类别规则需填写领域（专业或职业代码前缀）';
  }
  if (r.scope === 'program' && !r.field) p.field = '整专业规则需填写来源专业代码';
  if (!(r.creditValue > 0)) p.creditValue = '折算值须大于 0';
  if (r.creditMode === 'fixed' && r.creditValue > 60) p.creditValue = '单条规则认定学分不超过 60';
  if (r.effectiveTo !== null && r.effectiveTo <= r.effectiveFrom) p.effectiveTo = '失效日期须晚于生效日期';
  return p;
}
