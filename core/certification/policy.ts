/**
 * The certification section of the plan policy file (`certification`): the criteria of a 产教融合型企业 with their
 * source, each checked by the platform from its data or by evidence files, the lifecycle's deadlines and the ban
 * after a revocation (发改社会〔2019〕590号 and the city's practice). Pure: parsed JSON in, a typed policy out, or
 * an error listing every problem.
 */
import { AGGREGATIONS, type Aggregation, type RubricItem } from '../expert-review/index.ts';

/** Facts of the register and the declarations a `data` criterion is checked against. */
export const CRITERION_FACTS = ['aboveDesignatedSize', 'trainingFundDrawn', 'educationGroupsLed'] as const;
export type CriterionFact = (typeof CRITERION_FACTS)[number];

export const REVOCATION_REASONS = ['fraud', 'majorAccident', 'studentRights', 'dishonesty'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export const REVOCATION_REASON_LABELS: Record<RevocationReason, string> = {
  fraud: '申报、报告或评价中弄虚作假',
  majorAccident: '发生重大安全、环保、质量事故',
  studentRights: '侵害学生（学徒）合法权益',
  dishonesty: '被列入失信联合惩戒对象名单',
};

export interface RuleSource {
  document: string;
  article: string;
}

export interface Criterion {
  code: string;
  name: string;
  group: 'basic' | 'oneOf';
  /** `data`: checked from what the platform holds (pre-filled, never retyped); `evidence`: files the enterprise uploads. */
  check: 'data' | 'evidence';
  fact?: CriterionFact;
  /** What evidence proves it (for an evidence criterion, or a data criterion the data does not meet). */
  evidence?: string;
  source: RuleSource;
}

export interface LifecycleRule {
  planDueMonths: number;
  cultivationMinYears: number;
  validityYears: number;
  objectionDays: number;
  /** "MM-DD" of the year after the one reported on. */
  annualReportDue: string;
  /** Days before the due day from which an enterprise is reminded (one reminder per window, largest first). */
  annualReportReminderDays: number[];
  /** What follows a report not made in time (shown with the list of those who have not reported). */
  annualReportOverdue: string;
  banYears: number;
  source: RuleSource;
}

/**
 * The expert-review stage (第八条): the panel the bureau assigns from the shared expert pool, the rubric the
 * experts score on, how their totals aggregate and the aggregate a case needs to pass.
 */
export interface ReviewRule {
  expertsPerCase: number;
  aggregation: Aggregation;
  passScore: number;
  rubric: RubricItem[];
  source: RuleSource;
  note: string;
}

/** What certification brings (财税〔2019〕46号): a share of the year's qualifying investment credited against the surcharges. */
export interface SurchargeCreditRule {
  ratePct: number;
  source: RuleSource;
  note: string;
}

export interface CertificationPolicy {
  criteria: Criterion[];
  lifecycle: LifecycleRule;
  review: ReviewRule;
  surchargeCredit: SurchargeCreditRule;
  revocationReasons: RevocationReason[];
}

type Obj = Record<string, unknown>;

export function parseCertificationPolicy(json: unknown): CertificationPolicy {
  const issues: string[] = [];
  const obj = (v: unknown, path: string): Obj => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    issues.push(`${path}: should be an object`);
    return {};
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v === 'string' && v.trim()) return v;
    issues.push(`${path}: should be a non-empty string`);
    return '';
  };
  const int = (v: unknown, path: string, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issues.push(`${path}: should be an integer between ${min} and ${max}`);
      return min;
    }
    return v;
  };
  const source = (v: unknown, path: string): RuleSource => {
    const o = obj(v, path);
    return { document: str(o.document, `${path}.document`), article: str(o.article, `${path}.article`) };
  };
  const o = obj(json, '$.certification');
  const c = obj(o.criteria, '$.certification.criteria');
  const criteria: Criterion[] = [];
  const codes = new Set<string>();
  for (const group of ['basic', 'oneOf'] as const) {
    const list = Array.isArray(c[group])
      ? (c[group] as unknown[])
      : (issues.push(`$.certification.criteria.${group}: should be a list`), []);
    list.forEach((item, i) => {
      const path = `$.certification.criteria.${group}[${i}]`;
      const x = obj(item, path);
      const code = str(x.code, `${path}.code`);
      if (codes.has(code)) issues.push(`${path}.code: "${code}" twice`);
      codes.add(code);
      const check = x.check === 'data' || x.check === 'evidence' ? x.check : (issues.push(`${path}.check: data or evidence`), 'evidence');
      const fact = x.fact as CriterionFact | undefined;
      if (check === 'data' && !CRITERION_FACTS.includes(fact as CriterionFact))
        issues.push(`${path}.fact: one of ${CRITERION_FACTS.join(', ')} for a data criterion`);
      if (check === 'evidence' && typeof x.evidence !== 'string') issues.push(`${path}.evidence: what proves it`);
      criteria.push({
        code,
        name: str(x.name, `${path}.name`),
        group,
        check,
        ...(check === 'data' && { fact }),
        ...(typeof x.evidence === 'string' && { evidence: x.evidence }),
        source: source(x.source, `${path}.source`),
      });
    });
  }
  const l = obj(o.lifecycle, '$.certification.lifecycle');
  const due = str(l.annualReportDue, '$.certification.lifecycle.annualReportDue');
  if (due && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(due)) issues.push('$.certification.lifecycle.annualReportDue: "MM-DD"');
  const days = Array.isArray(l.annualReportReminderDays)
    ? (l.annualReportReminderDays as unknown[])
    : (issues.push('$.certification.lifecycle.annualReportReminderDays: should be a list'), []);
  const reminderDays = days.map((d, i) => int(d, `$.certification.lifecycle.annualReportReminderDays[${i}]`, 1, 180)).sort((a, b) => b - a);
  if (new Set(reminderDays).size !== reminderDays.length) issues.push('$.certification.lifecycle.annualReportReminderDays: days repeat');
  const lifecycle: LifecycleRule = {
    planDueMonths: int(l.planDueMonths, '$.certification.lifecycle.planDueMonths', 1, 24),
    cultivationMinYears: int(l.cultivationMinYears, '$.certification.lifecycle.cultivationMinYears', 0, 10),
    validityYears: int(l.validityYears, '$.certification.lifecycle.validityYears', 1, 20),
    objectionDays: int(l.objectionDays, '$.certification.lifecycle.objectionDays', 1, 60),
    annualReportDue: due,
    annualReportReminderDays: reminderDays,
    annualReportOverdue: str(l.annualReportOverdue, '$.certification.lifecycle.annualReportOverdue'),
    banYears: int(l.banYears, '$.certification.lifecycle.banYears', 0, 20),
    source: source(l.source, '$.certification.lifecycle.source'),
  };
  const r = obj(o.review, '$.certification.review');
  const items = Array.isArray(r.rubric) ? (r.rubric as unknown[]) : (issues.push('$.certification.review.rubric: should be a list'), []);
  const rubric: RubricItem[] = items.map((item, i) => {
    const path = `$.certification.review.rubric[${i}]`;
    const x = obj(item, path);
    const min = int(x.min, `${path}.min`, 0, 100);
    const max = int(x.max, `${path}.max`, 1, 100);
    if (max <= min) issues.push(`${path}: max should be above min`);
    return { code: str(x.code, `${path}.code`), label: str(x.label, `${path}.label`), min, max };
  });
  if (!rubric.length) issues.push('$.certification.review.rubric: should list at least one item');
  if (new Set(rubric.map((x) => x.code)).size !== rubric.length) issues.push('$.certification.review.rubric: item codes repeat');
  const top = rubric.reduce((sum, x) => sum + x.max, 0);
  const aggregation = AGGREGATIONS.includes(r.aggregation as Aggregation)
    ? (r.aggregation as Aggregation)
    : (issues.push(`$.certification.review.aggregation: one of ${AGGREGATIONS.join(', ')}`), 'mean');
  const passScore = int(r.passScore, '$.certification.review.passScore', 1, Math.max(1, top));
  const review: ReviewRule = {
    expertsPerCase: int(r.expertsPerCase, '$.certification.review.expertsPerCase', 1, 50),
    aggregation,
    passScore,
    rubric,
    source: source(r.source, '$.certification.review.source'),
    note: str(r.note, '$.certification.review.note'),
  };
  const sc = obj(o.surchargeCredit, '$.certification.surchargeCredit');
  const surchargeCredit: SurchargeCreditRule = {
    ratePct: int(sc.ratePct, '$.certification.surchargeCredit.ratePct', 1, 100),
    source: source(sc.source, '$.certification.surchargeCredit.source'),
    note: str(sc.note, '$.certification.surchargeCredit.note'),
  };
  const reasons = Array.isArray(o.revocationReasons) ? (o.revocationReasons as unknown[]) : [];
  for (const r of reasons)
    if (!REVOCATION_REASONS.includes(r as RevocationReason)) issues.push(`$.certification.revocationReasons: unknown "${String(r)}"`);
  if (!reasons.length) issues.push('$.certification.revocationReasons: should list the reasons');
  if (issues.length) throw new Error(`政策文件 certification 部分格式错误：\n${issues.join('\n')}`);
  return { criteria, lifecycle, review, surchargeCredit, revocationReasons: reasons as RevocationReason[] };
}
