import type { OutcomeThresholds } from './warnings.ts';

/**
 * The graduates section of the plan policy file (`graduates`): the national graduate-destination categories
 * (毕业去向分类与代码) with the platform's grouping, the study levels, the survey points, and the exact
 * definitions of the two headline figures (留郑率, 中职升学率). Pure: takes parsed JSON, returns a typed policy or
 * throws listing every problem found.
 */

/** How the platform groups the national categories: what a destination must name depends on its group. */
export const DESTINATION_GROUPS = ['employed', 'furtherStudy', 'enlisted', 'selfEmployed', 'flexible', 'abroad', 'unplaced'] as const;
export type DestinationGroup = (typeof DESTINATION_GROUPS)[number];

export const DESTINATION_GROUP_LABELS: Record<DestinationGroup, string> = {
  employed: '就业',
  furtherStudy: '升学',
  enlisted: '应征义务兵',
  selfEmployed: '自主创业',
  flexible: '灵活就业',
  abroad: '出国、出境',
  unplaced: '待就业或暂不就业',
};

export const SURVEY_POINTS = ['graduation', 'sixMonths', 'oneYear'] as const;
export type SurveyPoint = (typeof SURVEY_POINTS)[number];

export const SCHOOL_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export interface DestinationCategory {
  code: string;
  name: string;
  group: DestinationGroup;
}
export interface StudyLevel {
  code: string;
  name: string;
  /** 全日制高等学历教育 when studied full time (专科 and above). */
  higherEducation: boolean;
}
export interface SurveyPointSpec {
  code: SurveyPoint;
  name: string;
  monthsAfter: number;
}
interface Source {
  document: string;
  article: string;
}
export interface RetentionDefinition {
  target: string;
  source: Source;
  surveyPoint: SurveyPoint;
  schoolLevels: SchoolLevel[];
  /** Groups that count as staying when the place of work or study is in Zhengzhou. */
  numeratorGroups: DestinationGroup[];
  /** Groups of the graduates the share is taken of. */
  denominatorGroups: DestinationGroup[];
  definition: string;
}
export interface ProgressionDefinition {
  target: string;
  source: Source;
  surveyPoint: SurveyPoint;
  schoolLevels: SchoolLevel[];
  numeratorGroups: DestinationGroup[];
  fullTimeOnly: boolean;
  definition: string;
}
export interface GraduatesPolicy {
  note: string;
  categoriesSource: string;
  categories: DestinationCategory[];
  studyLevels: StudyLevel[];
  surveyPoints: SurveyPointSpec[];
  /** 基本修业年限 by school level: a graduate's expected graduation year is the cohort plus this. */
  studyYears: Record<SchoolLevel, number>;
  retention: RetentionDefinition;
  progression: ProgressionDefinition;
  /** 专业预警 on outcomes: thresholds of 留郑率 and 去向落实率 by major (core/graduates/warnings.ts). */
  warnings: OutcomeThresholds & { article: string; note: string };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

export function parseGraduatesPolicy(raw: unknown): GraduatesPolicy {
  const problems: string[] = [];
  if (!isObj(raw)) throw new Error('policy: graduates section missing');
  const arr = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]) : (problems.push(`graduates.${k} must be a list`), []));
  const categories = arr('categories').map((c, i) => {
    if (!isObj(c) || !isStr(c.code) || !isStr(c.name) || !DESTINATION_GROUPS.includes(c.group as DestinationGroup))
      problems.push(`graduates.categories[${i}] needs code, name and a known group`);
    return c as unknown as DestinationCategory;
  });
  const codes = categories.map((c) => c.code);
  if (new Set(codes).size !== codes.length) problems.push('graduates.categories: duplicate code');
  const studyLevels = arr('studyLevels').map((s, i) => {
    if (!isObj(s) || !isStr(s.code) || !isStr(s.name) || typeof s.higherEducation !== 'boolean')
      problems.push(`graduates.studyLevels[${i}] needs code, name, higherEducation`);
    return s as unknown as StudyLevel;
  });
  const surveyPoints = arr('surveyPoints').map((s, i) => {
    if (!isObj(s) || !SURVEY_POINTS.includes(s.code as SurveyPoint) || !isStr(s.name) || typeof s.monthsAfter !== 'number')
      problems.push(`graduates.surveyPoints[${i}] needs a known code, name, monthsAfter`);
    return s as unknown as SurveyPointSpec;
  });
  const years = isObj(raw.studyYears) ? raw.studyYears : {};
  for (const l of SCHOOL_LEVELS) if (typeof years[l] !== 'number') problems.push(`graduates.studyYears.${l} must be a number`);
  const groups = (v: unknown, where: string) => {
    if (!Array.isArray(v) || !v.every((g) => DESTINATION_GROUPS.includes(g))) problems.push(`${where} must list known groups`);
    return (v ?? []) as DestinationGroup[];
  };
  const definition = (k: 'retention' | 'progression') => {
    const d = raw[k];
    if (!isObj(d) || !isStr(d.target) || !isStr(d.definition) || !isObj(d.source) || !isStr(d.source.article))
      problems.push(`graduates.${k} needs target, definition and source.article`);
    const o = (isObj(d) ? d : {}) as Record<string, unknown>;
    if (!SURVEY_POINTS.includes(o.surveyPoint as SurveyPoint)) problems.push(`graduates.${k}.surveyPoint unknown`);
    if (!Array.isArray(o.schoolLevels) || !o.schoolLevels.every((l) => SCHOOL_LEVELS.includes(l)))
      problems.push(`graduates.${k}.schoolLevels must list school levels`);
    groups(o.numeratorGroups, `graduates.${k}.numeratorGroups`);
    return o;
  };
  const retention = definition('retention');
  groups(retention.denominatorGroups, 'graduates.retention.denominatorGroups');
  const progression = definition('progression');
  if (typeof progression.fullTimeOnly !== 'boolean') problems.push('graduates.progression.fullTimeOnly must be true or false');
  const w = isObj(raw.warnings) ? raw.warnings : {};
  const share = (k: string) => {
    if (typeof w[k] !== 'number' || !((w[k] as number) >= 0 && (w[k] as number) <= 1))
      problems.push(`graduates.warnings.${k} must be a share 0–1`);
    return w[k] as number;
  };
  if (!Number.isInteger(w.minGraduates) || (w.minGraduates as number) < 1)
    problems.push('graduates.warnings.minGraduates must be a whole number ≥ 1');
  if (!isStr(w.article) || !isStr(w.note)) problems.push('graduates.warnings needs article and note');
  const warnings = {
    article: String(w.article ?? ''),
    note: String(w.note ?? ''),
    minRetentionShare: share('minRetentionShare'),
    minPlacementShare: share('minPlacementShare'),
    minGraduates: w.minGraduates as number,
  };
  if (problems.length) throw new Error(`policy: ${problems.join('; ')}`);
  return {
    warnings,
    note: String(raw.note ?? ''),
    categoriesSource: String(raw.categoriesSource ?? ''),
    categories,
    studyLevels,
    surveyPoints,
    studyYears: Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, years[l] as number])) as Record<SchoolLevel, number>,
    retention: retention as unknown as RetentionDefinition,
    progression: progression as unknown as ProgressionDefinition,
  };
}
