import type { FieldErrors } from '../errors.ts';
import type { DestinationGroup, GraduatesPolicy, SchoolLevel, SurveyPoint } from './policy.ts';

/**
 * A graduate's destination at one survey point, and the rules it must meet. Pure: the caller hands in what it
 * knows of the student (status, cohort) and the catalogues (districts, industries) as look-ups.
 */
export interface DestinationInput {
  graduationYear: number;
  surveyPoint: SurveyPoint;
  categoryCode: string;
  /** Employer (就业), business (自主创业): its name; a platform enterprise may be named by id. */
  employerName?: string | null;
  employerOrganisationId?: string | null;
  /** GB/T 4754 industry code of the employer. */
  industryCode?: string | null;
  /** School of further study and its level (专科, 本科 …). */
  studySchool?: string | null;
  studyLevel?: string | null;
  studyFullTime?: boolean | null;
  /** Where the graduate works or studies: a Zhengzhou district, or null = outside Zhengzhou. Undefined = not said. */
  districtId?: string | null;
  note?: string | null;
}

export interface StudentFacts {
  status: 'enrolled' | 'graduated' | 'withdrawn';
  cohort: number;
}

export interface DestinationLookups {
  district(id: string): boolean;
  industry(code: string): boolean;
}

/** Groups whose place of work or study must be stated (the retention rate depends on it). */
export const LOCATED_GROUPS: readonly DestinationGroup[] = ['employed', 'selfEmployed', 'flexible', 'furtherStudy'];

export function groupOf(policy: GraduatesPolicy, categoryCode: string): DestinationGroup | undefined {
  return policy.categories.find((c) => c.code === categoryCode)?.group;
}

/** The rule a destination for a student who has not graduated breaks (checked before the fields). */
export function notGraduatedReason(student: StudentFacts): string | null {
  if (student.status === 'graduated') return null;
  return student.status === 'withdrawn'
    ? '该学生学籍状态为“退学”，不是毕业生，不能登记毕业去向'
    : '该学生学籍状态为“在籍”，尚未毕业，不能登记毕业去向（请先在学生库将学籍状态改为“毕业”）';
}

/** Every problem of a destination's fields at once, by field; empty when it may be stored. */
export function checkDestination(
  policy: GraduatesPolicy,
  d: DestinationInput,
  student: StudentFacts,
  look: DestinationLookups,
  thisYear: number,
): FieldErrors {
  const fields: FieldErrors = {};
  const group = groupOf(policy, d.categoryCode);
  if (!group) fields.categoryCode = `毕业去向代码“${d.categoryCode}”不在${policy.categoriesSource}中`;
  if (d.graduationYear < student.cohort) fields.graduationYear = `毕业年份${d.graduationYear}早于入学年份${student.cohort}`;
  else if (d.graduationYear > thisYear) fields.graduationYear = `毕业年份${d.graduationYear}晚于今年（${thisYear}年）`;
  if (!group) return fields;
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (group === 'employed') {
    if (!has(d.employerName) && !has(d.employerOrganisationId)) fields.employerName = '就业的毕业生须填写就业单位名称';
    if (!has(d.industryCode)) fields.industryCode = '就业的毕业生须填写单位所属行业（国民经济行业分类代码）';
  }
  if (has(d.industryCode) && !look.industry(d.industryCode!))
    fields.industryCode = `行业代码“${d.industryCode}”不在国民经济行业分类（GB/T 4754）中`;
  if (group === 'furtherStudy') {
    if (!has(d.studySchool)) fields.studySchool = '升学的毕业生须填写录取学校';
    if (!has(d.studyLevel)) fields.studyLevel = '升学的毕业生须填写就读层次';
    if (d.studyFullTime === undefined || d.studyFullTime === null) fields.studyFullTime = '升学的毕业生须注明是否全日制';
  }
  if (has(d.studyLevel) && !policy.studyLevels.some((l) => l.code === d.studyLevel))
    fields.studyLevel = `就读层次“${d.studyLevel}”不在可选层次中`;
  if (group !== 'furtherStudy' && (has(d.studySchool) || has(d.studyLevel)))
    fields.studySchool = '只有去向为升学时才填写录取学校和就读层次';
  if (group !== 'employed' && group !== 'selfEmployed' && (has(d.employerName) || has(d.employerOrganisationId)))
    fields.employerName = '只有去向为就业或自主创业时才填写单位名称';
  if (LOCATED_GROUPS.includes(group)) {
    if (d.districtId === undefined) fields.districtId = '请填写工作或就读所在的郑州市区县，不在郑州市的请选择“郑州市外”';
    else if (d.districtId !== null && !look.district(d.districtId)) fields.districtId = '所选区县不在郑州市行政区划目录中';
  } else if (has(d.districtId)) fields.districtId = '该去向不填写工作或就读地点';
  return fields;
}

/**
 * Destinations counted in groups (the SQL groups, this code classifies): one row per combination of the
 * figures' dimensions and the facts the definitions look at.
 */
export interface DestinationTally {
  graduationYear: number;
  surveyPoint: SurveyPoint;
  schoolLevel: SchoolLevel;
  categoryCode: string;
  /** The place of work or study is a Zhengzhou district. */
  inZhengzhou: boolean;
  studyLevel: string | null;
  studyFullTime: boolean | null;
  n: number;
}

export interface RateParts {
  numerator: number;
  denominator: number;
}

/** Whether one destination counts for 留郑率 (in the denominator, and in the numerator). */
export function retentionRole(policy: GraduatesPolicy, t: Omit<DestinationTally, 'n' | 'graduationYear'>) {
  const r = policy.retention;
  const group = groupOf(policy, t.categoryCode);
  const counted =
    !!group && t.surveyPoint === r.surveyPoint && r.schoolLevels.includes(t.schoolLevel) && r.denominatorGroups.includes(group);
  return { denominator: counted, numerator: counted && r.numeratorGroups.includes(group!) && t.inZhengzhou };
}

/** Whether one destination counts for 中职升学率: every recorded secondary graduate is in the denominator. */
export function progressionRole(policy: GraduatesPolicy, t: Omit<DestinationTally, 'n' | 'graduationYear'>) {
  const p = policy.progression;
  const group = groupOf(policy, t.categoryCode);
  const counted = t.surveyPoint === p.surveyPoint && p.schoolLevels.includes(t.schoolLevel);
  const level = policy.studyLevels.find((l) => l.code === t.studyLevel);
  const numerator =
    counted && !!group && p.numeratorGroups.includes(group) && !!level?.higherEducation && (!p.fullTimeOnly || t.studyFullTime === true);
  return { denominator: counted, numerator };
}

export function rateParts(
  policy: GraduatesPolicy,
  which: 'retention' | 'progression',
  rows: readonly Omit<DestinationTally, 'graduationYear'>[],
): RateParts {
  const role = which === 'retention' ? retentionRole : progressionRole;
  let numerator = 0;
  let denominator = 0;
  for (const r of rows) {
    const x = role(policy, r);
    if (x.denominator) denominator += r.n;
    if (x.numerator) numerator += r.n;
  }
  return { numerator, denominator };
}

/** The graduation year a headline figure shows: the latest one with any destination counted for it. */
export function latestMeasuredYear(
  policy: GraduatesPolicy,
  which: 'retention' | 'progression',
  rows: readonly DestinationTally[],
): number | null {
  const role = which === 'retention' ? retentionRole : progressionRole;
  const years = rows.filter((r) => r.n > 0 && role(policy, r).denominator).map((r) => r.graduationYear);
  return years.length ? Math.max(...years) : null;
}

/** A share in percent with one decimal, as the policy file states targets; null without a denominator. */
export function rateOf(p: RateParts): number | null {
  return p.denominator > 0 ? Math.round((p.numerator / p.denominator) * 1000) / 10 : null;
}

/** A name on a list others see: the surname and one * per other character (张三 → 张*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export interface DistrictGraduateParts {
  districtId: string | null;
  retentionNumerator: number;
  retentionDenominator: number;
  progressionNumerator: number;
  progressionDenominator: number;
}

/**
 * The cockpit's parts per district of the graduates' school: each figure of its latest measured graduation year
 * (city-wide, so every district shows the same year).
 */
export function headlinePartsByDistrict(
  policy: GraduatesPolicy,
  tallies: readonly (DestinationTally & { districtId: string | null })[],
): { years: { retention: number | null; progression: number | null }; parts: DistrictGraduateParts[] } {
  const years = {
    retention: latestMeasuredYear(policy, 'retention', tallies),
    progression: latestMeasuredYear(policy, 'progression', tallies),
  };
  const byDistrict = new Map<string | null, DistrictGraduateParts>();
  for (const t of tallies) {
    const p = byDistrict.get(t.districtId) ?? {
      districtId: t.districtId,
      retentionNumerator: 0,
      retentionDenominator: 0,
      progressionNumerator: 0,
      progressionDenominator: 0,
    };
    byDistrict.set(t.districtId, p);
    if (t.graduationYear === years.retention) {
      const r = retentionRole(policy, t);
      if (r.denominator) p.retentionDenominator += t.n;
      if (r.numerator) p.retentionNumerator += t.n;
    }
    if (t.graduationYear === years.progression) {
      const r = progressionRole(policy, t);
      if (r.denominator) p.progressionDenominator += t.n;
      if (r.numerator) p.progressionNumerator += t.n;
    }
  }
  return { years, parts: [...byDistrict.values()] };
}
