import type { DigitalPolicy, StandardItem } from './policy.ts';

/**
 * Digital vocational education (二 (四) 11): the rules of a school's smart-campus self-assessment against the
 * published standard, of a 精品在线课程 declaration, and of a 智慧职教示范校 application. Pure.
 */
export interface AssessedItem {
  code: string;
  met: boolean;
  /** What shows the item is met (systems, figures, a link): the bureau reviews it. */
  note: string | null;
}

/** Field → 中文 problem: every item of the standard answered once, none outside it, a met item explained. */
export function assessmentProblems(standard: readonly StandardItem[], items: readonly AssessedItem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Set(standard.map((s) => s.code));
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (!known.has(it.code)) fields[`items.${i}.code`] = `“${it.code}”不是已发布的智慧校园建设标准中的条目`;
    else if (seen.has(it.code)) fields[`items.${i}.code`] = `条目“${it.code}”重复填写`;
    else if (it.met && !it.note?.trim()) fields[`items.${i}.note`] = '自评为达到的条目须说明依据（系统、数据或链接）';
    seen.add(it.code);
  });
  const missing = standard.filter((s) => !seen.has(s.code));
  if (missing.length) fields.items = `标准的每一条都须自评，缺少：${missing.map((s) => s.name).join('、')}`;
  return fields;
}

export interface StandardResult {
  met: number;
  total: number;
  /** Required items not met: a school missing one does not meet the standard whatever its count. */
  missingRequired: string[];
  meets: boolean;
}

/** Whether the items as assessed meet the standard: every required item, and at least `passItems` in all. */
export function standardResult(
  standard: readonly StandardItem[],
  passItems: number,
  items: readonly Pick<AssessedItem, 'code' | 'met'>[],
): StandardResult {
  const met = new Set(items.filter((i) => i.met).map((i) => i.code));
  const missingRequired = standard.filter((s) => s.required && !met.has(s.code)).map((s) => s.name);
  const count = standard.filter((s) => met.has(s.code)).length;
  return { met: count, total: standard.length, missingRequired, meets: !missingRequired.length && count >= passItems };
}

export interface CourseInput {
  level: string;
  majorCodes: readonly string[];
  credits: number;
  enrolments: number;
}

/** Field → 中文 problem of a course declaration (the Zod schema has checked types and lengths). */
export function courseProblems(policy: DigitalPolicy, c: CourseInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const rules = policy.onlineCourses;
  if (!rules.levels.includes(c.level as never)) fields.level = '课程级别须为市级、省级或国家级';
  if (!c.majorCodes.length) fields.majorCodes = '请至少填写一个服务的专业';
  else if (c.majorCodes.length > rules.maxMajors) fields.majorCodes = `服务的专业最多${rules.maxMajors}个`;
  else if (new Set(c.majorCodes).size !== c.majorCodes.length) fields.majorCodes = '服务的专业有重复';
  if (!(c.credits > 0) || c.credits > rules.maxCredits || Math.round(c.credits * 2) !== c.credits * 2)
    fields.credits = `学分须在0.5至${rules.maxCredits}之间，以0.5为单位`;
  if (!Number.isInteger(c.enrolments) || c.enrolments < 0) fields.enrolments = '选课人数须为非负整数';
  return fields;
}

/**
 * Why a school may not (yet) apply to be a 智慧职教示范校, or null: when the policy asks for it, the school's
 * smart-campus self-assessment against the standard in force must have been accepted by the bureau and meet it.
 */
export function demoApplicationProblem(policy: DigitalPolicy, assessment: { status: string; meets: boolean } | null): string | null {
  if (!policy.demoSchools.requiresSmartCampus) return null;
  if (!assessment) return '申报智慧职教示范校须先按现行智慧校园建设标准完成自评';
  if (assessment.status !== 'accepted') return '智慧校园自评尚未经市教育局审核通过，暂不能申报智慧职教示范校';
  if (!assessment.meets) return '本校智慧校园自评未达到标准，暂不能申报智慧职教示范校';
  return null;
}
