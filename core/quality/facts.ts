import { groupOf, rateOf, rateParts, type DestinationTally, type GraduatesPolicy, type RateParts } from '../graduates/index.ts';
import type { FactKey } from './policy.ts';

/**
 * One computed fact of a school and year: its value, and the parts it was computed from when it is a share or a
 * per-100 figure (shown beside it so a school can check it). `value` null: no data yet — nothing to count from
 * (no teachers, no graduates' destinations recorded, no funding declaration); never read as 0.
 */
export interface Fact {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export type SchoolFactValues = Record<FactKey, Fact>;

/** A share in percent with one decimal; no data without a denominator. */
export function shareFact(numerator: number, denominator: number): Fact {
  return { value: rateOf({ numerator, denominator }), numerator, denominator };
}

/** Per 100 students, one decimal; no data without students. */
export function per100Fact(count: number, students: number): Fact {
  return { value: students > 0 ? Math.round((count / students) * 1000) / 10 : null, numerator: count, denominator: students };
}

export const countFact = (n: number): Fact => ({ value: n });

const partsFact = (p: RateParts): Fact => ({ value: rateOf(p), ...p });

/**
 * A school's three destination figures of one graduation year from its destination tallies: 毕业去向落实率 (those
 * with a placed destination — the groups 留郑率 counts in its denominator — among all recorded at 留郑率's survey
 * point), 留郑率 and 中职升学率 by core/graduates' own definitions. A school whose level a figure does not cover
 * (升学率 for a 高职) has no data for it.
 */
export function destinationFacts(
  policy: GraduatesPolicy,
  tallies: readonly Omit<DestinationTally, 'graduationYear'>[],
): Pick<SchoolFactValues, 'employment_rate' | 'retention_rate' | 'progression_rate'> {
  const r = policy.retention;
  let placed = 0;
  let recorded = 0;
  for (const t of tallies) {
    if (t.surveyPoint !== r.surveyPoint) continue;
    recorded += t.n;
    const g = groupOf(policy, t.categoryCode);
    if (g && r.denominatorGroups.includes(g)) placed += t.n;
  }
  return {
    employment_rate: shareFact(placed, recorded),
    retention_rate: partsFact(rateParts(policy, 'retention', tallies)),
    progression_rate: partsFact(rateParts(policy, 'progression', tallies)),
  };
}
