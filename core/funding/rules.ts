import type { FundingLevel, FundingPolicy } from './policy.ts';

/**
 * 生均财政拨款 (二 (五) 14): a school's yearly declaration — the general-budget appropriation (元) and the number
 * of students it is computed over — its per-student figure, and its standing against the plan: a public 高职 school
 * at or above the floor (rules.per_student_funding, 12,000 元), a public 中职 school above the same year's local
 * 普通高中 figure the 市财政局 enters ("可适当高于": above, not equal). Pure: the current year is passed in.
 */
export interface DeclarationInput {
  year: number;
  appropriationYuan: number;
  students: number;
}

export type FundingGroup = 'higher' | 'secondary';
export type FundingStanding = 'meets' | 'below' | 'noBenchmark' | 'notCounted';

export const FUNDING_STANDING_LABELS: Record<FundingStanding, string> = {
  meets: '达标',
  below: '未达标',
  noBenchmark: '普高数额未录入',
  notCounted: '不计入（民办或非职业院校）',
};

/** 元 per student, rounded to the yuan. */
export function perStudentYuan(appropriationYuan: number, students: number): number {
  return Math.round(appropriationYuan / students);
}

/** Field → 中文 problem; empty when the declaration can be saved. */
export function declarationProblems(policy: FundingPolicy, input: DeclarationInput, thisYear: number): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Number.isInteger(input.year) || input.year < policy.firstYear) fields.year = `年度须为${policy.firstYear}年或以后的整年`;
  else if (input.year > thisYear) fields.year = `不能申报未来年度（今年为${thisYear}年）`;
  if (!Number.isInteger(input.students) || input.students <= 0) fields.students = '在校生数须为正整数';
  if (!Number.isFinite(input.appropriationYuan) || input.appropriationYuan <= 0)
    fields.appropriationYuan = '财政拨款总额须为正数（单位：元）';
  if (fields.students || fields.appropriationYuan) return fields;
  const per = perStudentYuan(input.appropriationYuan, input.students);
  if (per < policy.perStudentFloorYuan)
    fields.appropriationYuan = `折合生均${per}元，低于${policy.perStudentFloorYuan}元，疑似按万元填写：拨款总额请按元填写`;
  else if (per > policy.perStudentCeilingYuan)
    fields.appropriationYuan = `折合生均${per}元，高于合理上限${policy.perStudentCeilingYuan}元，请核对拨款总额和在校生数`;
  return fields;
}

/** Which threshold a school answers to: public 高职 or public 中职; null for private schools and other levels. */
export function fundingGroupOf(policy: FundingPolicy, school: { ownership: string; level: string }): FundingGroup | null {
  if (school.ownership !== 'public') return null;
  if (policy.higherLevels.includes(school.level as FundingLevel)) return 'higher';
  if (policy.secondaryLevels.includes(school.level as FundingLevel)) return 'secondary';
  return null;
}

/** A declared figure against its threshold: the 高职 floor, or the same year's 普高 figure (null when not entered). */
export function fundingStanding(
  group: FundingGroup | null,
  perStudent: number,
  thresholds: { higherFloorYuan: number; highSchoolYuan: number | null },
): FundingStanding {
  if (group === null) return 'notCounted';
  if (group === 'higher') return perStudent >= thresholds.higherFloorYuan ? 'meets' : 'below';
  if (thresholds.highSchoolYuan === null) return 'noBenchmark';
  return perStudent > thresholds.highSchoolYuan ? 'meets' : 'below';
}

/** The 普高 figure the 市财政局 enters: positive, in 元, within the same bounds, not for a future year. */
export function highSchoolProblems(
  policy: FundingPolicy,
  input: { year: number; perStudentYuan: number },
  thisYear: number,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Number.isInteger(input.year) || input.year < policy.firstYear) fields.year = `年度须为${policy.firstYear}年或以后的整年`;
  else if (input.year > thisYear) fields.year = `不能录入未来年度（今年为${thisYear}年）`;
  const v = input.perStudentYuan;
  if (!Number.isFinite(v) || v <= 0) fields.perStudentYuan = '生均财政拨款须为正数（单位：元）';
  else if (v < policy.perStudentFloorYuan) fields.perStudentYuan = `低于${policy.perStudentFloorYuan}元，疑似按万元填写：请按元填写`;
  else if (v > policy.perStudentCeilingYuan) fields.perStudentYuan = `高于合理上限${policy.perStudentCeilingYuan}元，请核对`;
  return fields;
}
