/**
 * The calls section of the plan policy file (`calls`): the kinds of project a call may be opened for — the target
 * each feeds, who may apply, the eligibility rules the platform checks from the register, the application's
 * required sections, the rubric, how scores aggregate, experts per application and blind review — and the
 * objection period after publication. Pure: parsed JSON in, typed policy out, or every problem listed.
 */
import { AGGREGATIONS, type Aggregation, type RubricItem } from '../expert-review/scoring.ts';

export const APPLICANT_KINDS = ['school', 'enterprise'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const SCHOOL_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export const INTEGRATION_STATUSES = ['none', 'reserve', 'applied', 'certified_city', 'certified_province', 'certified_nation'] as const;

export type CallRule =
  | { code: 'school_level'; levels: (typeof SCHOOL_LEVELS)[number][] }
  | { code: 'school_ownership'; ownership: 'public' | 'private' }
  | { code: 'enterprise_integration'; statuses: (typeof INTEGRATION_STATUSES)[number][] }
  | { code: 'min_partners'; kind: 'school' | 'enterprise' | 'any'; count: number }
  | { code: 'min_team_members'; count: number }
  | { code: 'min_dual_qualified_members'; count: number };

export interface CallKind {
  code: string;
  name: string;
  article: string;
  /** The plan target (policy `targets[].code`) a funded project of this kind counts toward. */
  target: string;
  applicants: ApplicantKind[];
  rules: CallRule[];
  evidence: { code: string; label: string }[];
  rubric: RubricItem[];
  aggregation: Aggregation;
  expertsPerApplication: number;
  blind: boolean;
}

export interface CallsPolicy {
  article: string;
  note: string;
  objectionDays: number;
  kinds: CallKind[];
}

export class CallsPolicyError extends Error {
  issues: string[];
  constructor(issues: string[]) {
    super(`政策文件 calls 部分格式错误：\n${issues.join('\n')}`);
    this.name = 'CallsPolicyError';
    this.issues = issues;
  }
}

type Obj = Record<string, unknown>;

export function parseCallsPolicy(json: unknown, targetCodes: readonly string[]): CallsPolicy {
  const issues: string[] = [];
  const obj = (v: unknown, path: string): Obj => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    issues.push(`${path}: should be an object`);
    return {};
  };
  const arr = (v: unknown, path: string): unknown[] => {
    if (Array.isArray(v)) return v;
    issues.push(`${path}: should be an array`);
    return [];
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v === 'string' && v.trim()) return v;
    issues.push(`${path}: should be a non-empty string`);
    return '';
  };
  const int = (v: unknown, path: string, min: number, max: number): number => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    issues.push(`${path}: should be an integer between ${min} and ${max}`);
    return min;
  };
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], path: string): T => {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    issues.push(`${path}: should be one of ${allowed.join(', ')}`);
    return allowed[0]!;
  };
  const o = obj(json, '$.calls');
  const kinds = arr(o.kinds, '$.calls.kinds').map((k, i): CallKind => {
    const p = `$.calls.kinds[${i}]`;
    const kind = obj(k, p);
    const rules = arr(kind.rules, `${p}.rules`).map((r, j): CallRule => {
      const rp = `${p}.rules[${j}]`;
      const rule = obj(r, rp);
      const code = oneOf(
        rule.code,
        [
          'school_level',
          'school_ownership',
          'enterprise_integration',
          'min_partners',
          'min_team_members',
          'min_dual_qualified_members',
        ] as const,
        `${rp}.code`,
      );
      switch (code) {
        case 'school_level':
          return { code, levels: arr(rule.levels, `${rp}.levels`).map((l, n) => oneOf(l, SCHOOL_LEVELS, `${rp}.levels[${n}]`)) };
        case 'school_ownership':
          return { code, ownership: oneOf(rule.ownership, ['public', 'private'] as const, `${rp}.ownership`) };
        case 'enterprise_integration':
          return {
            code,
            statuses: arr(rule.statuses, `${rp}.statuses`).map((s, n) => oneOf(s, INTEGRATION_STATUSES, `${rp}.statuses[${n}]`)),
          };
        case 'min_partners':
          return {
            code,
            kind: oneOf(rule.kind, ['school', 'enterprise', 'any'] as const, `${rp}.kind`),
            count: int(rule.count, `${rp}.count`, 1, 50),
          };
        default:
          return { code, count: int(rule.count, `${rp}.count`, 1, 200) };
      }
    });
    const rubric = arr(kind.rubric, `${p}.rubric`).map((r, j): RubricItem => {
      const rp = `${p}.rubric[${j}]`;
      const item = obj(r, rp);
      const min = int(item.min, `${rp}.min`, 0, 1000);
      const max = int(item.max, `${rp}.max`, 1, 1000);
      if (max <= min) issues.push(`${rp}: max should exceed min`);
      return { code: str(item.code, `${rp}.code`), label: str(item.label, `${rp}.label`), min, max };
    });
    if (!rubric.length) issues.push(`${p}.rubric: should list at least one item`);
    const target = str(kind.target, `${p}.target`);
    if (target && !targetCodes.includes(target)) issues.push(`${p}.target: ${target} is not a target of the plan`);
    return {
      code: str(kind.code, `${p}.code`),
      name: str(kind.name, `${p}.name`),
      article: str(kind.article, `${p}.article`),
      target,
      applicants: arr(kind.applicants, `${p}.applicants`).map((a, n) => oneOf(a, APPLICANT_KINDS, `${p}.applicants[${n}]`)),
      rules,
      evidence: arr(kind.evidence, `${p}.evidence`).map((e, n) => {
        const ev = obj(e, `${p}.evidence[${n}]`);
        return { code: str(ev.code, `${p}.evidence[${n}].code`), label: str(ev.label, `${p}.evidence[${n}].label`) };
      }),
      rubric,
      aggregation: oneOf(kind.aggregation, AGGREGATIONS, `${p}.aggregation`),
      expertsPerApplication: int(kind.expertsPerApplication, `${p}.expertsPerApplication`, 1, 20),
      blind: typeof kind.blind === 'boolean' ? kind.blind : (issues.push(`${p}.blind: should be true or false`), false),
    };
  });
  const codes = kinds.map((k) => k.code);
  if (new Set(codes).size !== codes.length) issues.push('$.calls.kinds: codes should be unique');
  const policy: CallsPolicy = {
    article: str(o.article, '$.calls.article'),
    note: str(o.note, '$.calls.note'),
    objectionDays: int(o.objectionDays, '$.calls.objectionDays', 0, 60),
    kinds,
  };
  if (issues.length) throw new CallsPolicyError(issues);
  return policy;
}
