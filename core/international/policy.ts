/**
 * The international section of the plan policy file (`international`, 二 (四) 13, 任务清单 17): the first year a
 * record may start in (the plan's period), the largest head-count or award count one record may carry, and the
 * target the verified records count toward. Pure: parsed JSON in, typed policy out, or every problem listed.
 */
export interface InternationalPolicy {
  article: string;
  note: string;
  firstYear: number;
  maxPeople: number;
  target: string;
}

export function parseInternationalPolicy(raw: unknown, targetCodes: readonly string[]): InternationalPolicy {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (k: string) => {
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push(`international.${k}: should be a non-empty string`);
    return String(o[k] ?? '');
  };
  const int = (k: string) => {
    if (!Number.isInteger(o[k]) || (o[k] as number) <= 0) problems.push(`international.${k}: should be a positive integer`);
    return Number(o[k]);
  };
  const policy = {
    article: str('article'),
    note: str('note'),
    firstYear: int('firstYear'),
    maxPeople: int('maxPeople'),
    target: str('target'),
  };
  if (!targetCodes.includes(policy.target)) problems.push(`international.target: ${policy.target} is not a target of the plan`);
  if (problems.length) throw new Error(`invalid international policy:\n${problems.join('\n')}`);
  return policy;
}
