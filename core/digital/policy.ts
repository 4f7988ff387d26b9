/**
 * The digital vocational education section of the plan policy file (`digital`, 二 (四) 11, 任务清单 15): which school
 * levels are 职业学校 (the smart-campus share's denominator), the levels an online course is recognised at, the
 * smart-campus standard's items (each with its article) and how many must be met, and whether a 智慧职教示范校
 * applicant must first meet the standard. Pure: parsed JSON in, typed policy out, or every problem listed.
 */
export const DIGITAL_SCHOOL_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export const COURSE_LEVELS = ['city', 'province', 'national'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export interface StandardItem {
  code: string;
  name: string;
  text: string;
  article: string;
  required: boolean;
}

export interface DigitalPolicy {
  article: string;
  note: string;
  vocationalLevels: string[];
  onlineCourses: { article: string; levels: CourseLevel[]; maxMajors: number; maxCredits: number };
  smartCampus: { title: string; article: string; passItems: number; items: StandardItem[] };
  demoSchools: { article: string; requiresSmartCampus: boolean };
}

export function parseDigitalPolicy(raw: unknown): DigitalPolicy {
  const problems: string[] = [];
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const str = (o: Record<string, unknown>, path: string, k: string) => {
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push(`digital.${path}${k}: should be a non-empty string`);
    return String(o[k] ?? '');
  };
  const num = (o: Record<string, unknown>, path: string, k: string) => {
    if (!Number.isInteger(o[k]) || (o[k] as number) <= 0) problems.push(`digital.${path}${k}: should be a positive integer`);
    return Number(o[k]);
  };
  const among = <T extends string>(o: Record<string, unknown>, path: string, k: string, allowed: readonly T[]): T[] => {
    const v = o[k];
    if (!Array.isArray(v) || !v.length || v.some((x) => !allowed.includes(x as T))) {
      problems.push(`digital.${path}${k}: should list values of ${allowed.join(', ')}`);
      return [];
    }
    return v as T[];
  };
  const o = obj(raw);
  const oc = obj(o.onlineCourses);
  const sc = obj(o.smartCampus);
  const ds = obj(o.demoSchools);
  const items: StandardItem[] = (Array.isArray(sc.items) ? sc.items : []).map((x, i) => {
    const it = obj(x);
    const path = `smartCampus.items[${i}].`;
    if (typeof it.required !== 'boolean') problems.push(`digital.${path}required: should be true or false`);
    return {
      code: str(it, path, 'code'),
      name: str(it, path, 'name'),
      text: str(it, path, 'text'),
      article: str(it, path, 'article'),
      required: it.required === true,
    };
  });
  if (!items.length) problems.push('digital.smartCampus.items: the standard should have items');
  if (new Set(items.map((i) => i.code)).size !== items.length) problems.push('digital.smartCampus.items: codes should be unique');
  const policy: DigitalPolicy = {
    article: str(o, '', 'article'),
    note: str(o, '', 'note'),
    vocationalLevels: among(o, '', 'vocationalLevels', DIGITAL_SCHOOL_LEVELS),
    onlineCourses: {
      article: str(oc, 'onlineCourses.', 'article'),
      levels: among(oc, 'onlineCourses.', 'levels', COURSE_LEVELS),
      maxMajors: num(oc, 'onlineCourses.', 'maxMajors'),
      maxCredits: num(oc, 'onlineCourses.', 'maxCredits'),
    },
    smartCampus: {
      title: str(sc, 'smartCampus.', 'title'),
      article: str(sc, 'smartCampus.', 'article'),
      passItems: num(sc, 'smartCampus.', 'passItems'),
      items,
    },
    demoSchools: { article: str(ds, 'demoSchools.', 'article'), requiresSmartCampus: ds.requiresSmartCampus === true },
  };
  const required = items.filter((i) => i.required).length;
  if (policy.smartCampus.passItems > items.length || policy.smartCampus.passItems < required)
    problems.push('digital.smartCampus.passItems: should be between the required items and all items');
  if (problems.length) throw new Error(`invalid digital policy:\n${problems.join('\n')}`);
  return policy;
}
