/**
 * The funding section of the plan policy file (`funding`, 二 (五) 14, 任务清单 20): which school levels count as
 * 高职 and 中职, the sane bounds of a per-student figure in 元 (below the floor it was most likely typed in 万元),
 * the first year a declaration may be for, and the unit (policy `units[].code`) that enters the local 普通高中
 * figure. Pure: parsed JSON in, typed policy out, or every problem listed.
 */
export const FUNDING_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export type FundingLevel = (typeof FUNDING_LEVELS)[number];

export interface FundingPolicy {
  article: string;
  note: string;
  higherLevels: FundingLevel[];
  secondaryLevels: FundingLevel[];
  perStudentFloorYuan: number;
  perStudentCeilingYuan: number;
  firstYear: number;
  /** The unit code of the department that enters the 普通高中 figure (市财政局). */
  enteredBy: string;
}

export function parseFundingPolicy(raw: unknown): FundingPolicy {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (k: string) => {
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push(`funding.${k}: should be a non-empty string`);
    return String(o[k] ?? '');
  };
  const num = (k: string) => {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k]) || (o[k] as number) <= 0)
      problems.push(`funding.${k}: should be a positive number`);
    return Number(o[k]);
  };
  const levels = (k: string): FundingLevel[] => {
    const v = o[k];
    if (!Array.isArray(v) || !v.length || v.some((x) => !FUNDING_LEVELS.includes(x as FundingLevel))) {
      problems.push(`funding.${k}: should list school levels of ${FUNDING_LEVELS.join(', ')}`);
      return [];
    }
    return v as FundingLevel[];
  };
  const policy: FundingPolicy = {
    article: str('article'),
    note: str('note'),
    higherLevels: levels('higherLevels'),
    secondaryLevels: levels('secondaryLevels'),
    perStudentFloorYuan: num('perStudentFloorYuan'),
    perStudentCeilingYuan: num('perStudentCeilingYuan'),
    firstYear: num('firstYear'),
    enteredBy: str('enteredBy'),
  };
  if (policy.perStudentFloorYuan >= policy.perStudentCeilingYuan) problems.push('funding: the floor should be below the ceiling');
  if (policy.higherLevels.some((l) => policy.secondaryLevels.includes(l))) problems.push('funding: a level cannot be both 高职 and 中职');
  if (problems.length) throw new Error(`invalid funding policy:\n${problems.join('\n')}`);
  return policy;
}
