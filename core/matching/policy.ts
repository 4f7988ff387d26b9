/**
 * The matching section of the plan policy file (`matching`): the weights of every part of a match score, the
 * factors of the major-fit levels, the commute distances, who is eligible for a post and how many candidate
 * posts the city-wide allocation keeps per student. Pure: takes parsed JSON, returns a typed policy or throws
 * listing every problem found.
 */

export const SCORE_PARTS = ['major', 'skills', 'location', 'cluster', 'preference', 'timing'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/** How a student's major relates to the majors an opportunity wants, best first. `open`: it names none. */
export const MAJOR_FIT_LEVELS = ['same', 'category', 'division', 'cluster', 'open', 'none'] as const;
export type MajorFitLevel = (typeof MAJOR_FIT_LEVELS)[number];

export const SCORE_PART_LABELS: Record<ScorePart, string> = {
  major: '专业对口',
  skills: '技能证书',
  location: '通勤',
  cluster: '产业对接',
  preference: '个人意向',
  timing: '时间',
};

export interface MatchingPolicy {
  article: string;
  note: string;
  /** Points of each part; a perfect match scores their sum. */
  weights: Record<ScorePart, number>;
  /** Share (0–1) of the major points each fit level earns. */
  majorLevels: Record<Exclude<MajorFitLevel, 'none'>, number>;
  /** Full commute points within `fullWithinKm`, none beyond `zeroBeyondKm`, linear between. */
  location: { fullWithinKm: number; zeroBeyondKm: number };
  /** A post that names majors takes students whose fit is at least this level. */
  eligibility: { minMajorFit: Exclude<MajorFitLevel, 'open' | 'none'> };
  allocation: { candidatesPerStudent: number; minScore: number };
  recommendations: { limit: number };
  /** A training demand's extra part: the best fitting course a school offers (training.ts). */
  training: { courseWeight: number };
}

export class MatchingPolicyError extends Error {
  issues: string[];
  constructor(issues: string[]) {
    super(`政策文件 matching 部分格式错误：\n${issues.join('\n')}`);
    this.name = 'MatchingPolicyError';
    this.issues = issues;
  }
}

type Obj = Record<string, unknown>;

export function parseMatchingPolicy(json: unknown): MatchingPolicy {
  const issues: string[] = [];
  const obj = (v: unknown, path: string): Obj => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    issues.push(`${path}: should be an object`);
    return {};
  };
  const num = (v: unknown, path: string, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      issues.push(`${path}: should be a number between ${min} and ${max}`);
      return min;
    }
    return v;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v === 'string' && v.trim()) return v;
    issues.push(`${path}: should be a non-empty string`);
    return '';
  };
  const o = obj(json, '$.matching');
  const w = obj(o.weights, '$.matching.weights');
  const weights = Object.fromEntries(SCORE_PARTS.map((p) => [p, num(w[p], `$.matching.weights.${p}`, 0, 1000)])) as Record<
    ScorePart,
    number
  >;
  const l = obj(o.majorLevels, '$.matching.majorLevels');
  const levels = ['same', 'category', 'division', 'cluster', 'open'] as const;
  const majorLevels = Object.fromEntries(
    levels.map((k) => [k, num(l[k], `$.matching.majorLevels.${k}`, 0, 1)]),
  ) as MatchingPolicy['majorLevels'];
  for (let i = 1; i < 4; i++) {
    if (majorLevels[levels[i]!] > majorLevels[levels[i - 1]!])
      issues.push(`$.matching.majorLevels.${levels[i]}: should not exceed ${levels[i - 1]}`);
  }
  const loc = obj(o.location, '$.matching.location');
  const location = {
    fullWithinKm: num(loc.fullWithinKm, '$.matching.location.fullWithinKm', 0, 1000),
    zeroBeyondKm: num(loc.zeroBeyondKm, '$.matching.location.zeroBeyondKm', 0, 1000),
  };
  if (location.zeroBeyondKm <= location.fullWithinKm) issues.push('$.matching.location.zeroBeyondKm: should exceed fullWithinKm');
  const el = obj(o.eligibility, '$.matching.eligibility');
  const minMajorFit = el.minMajorFit as MatchingPolicy['eligibility']['minMajorFit'];
  if (!['same', 'category', 'division', 'cluster'].includes(minMajorFit))
    issues.push('$.matching.eligibility.minMajorFit: should be same, category, division or cluster');
  const al = obj(o.allocation, '$.matching.allocation');
  const candidatesPerStudent = num(al.candidatesPerStudent, '$.matching.allocation.candidatesPerStudent', 1, 10_000);
  if (!Number.isInteger(candidatesPerStudent)) issues.push('$.matching.allocation.candidatesPerStudent: should be a whole number');
  const rec = obj(o.recommendations, '$.matching.recommendations');
  const tr = obj(o.training, '$.matching.training');
  const policy: MatchingPolicy = {
    article: str(o.article, '$.matching.article'),
    note: str(o.note, '$.matching.note'),
    weights,
    majorLevels,
    location,
    eligibility: { minMajorFit },
    allocation: { candidatesPerStudent, minScore: num(al.minScore, '$.matching.allocation.minScore', 0, 1000) },
    recommendations: { limit: Math.trunc(num(rec.limit, '$.matching.recommendations.limit', 1, 200)) },
    training: { courseWeight: num(tr.courseWeight, '$.matching.training.courseWeight', 0, 1000) },
  };
  if (issues.length) throw new MatchingPolicyError(issues);
  return policy;
}
