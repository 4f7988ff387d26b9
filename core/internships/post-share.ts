import { postsForStaff, type RangeRule } from '../registry/enterprise-expectations.ts';

/**
 * The plan's internship-post target per enterprise (二 (二) 5; 任务清单 7): enterprises above designated size
 * offer internship places for 2%–3% of their staff. The range comes in from the policy file. Pure.
 *
 * Standing (红黄绿): green at or above the lower bound (offering more than the upper bound is not a failure —
 * the regulation's own 10% cap guards the other side — so it is flagged `aboveMax`, not coloured); amber when
 * something is offered but less than the lower bound; red when nothing is; `na` where the rule does not bind.
 */
export type Rag = 'green' | 'amber' | 'red' | 'na';

export interface EnterpriseShareFacts {
  staffCount: number;
  aboveDesignatedSize: boolean;
  placesOffered: number;
  internsAccepted: number;
}

export interface ShareStanding {
  applies: boolean;
  placesShare: number | null;
  internsShare: number | null;
  placesStatus: Rag;
  internsStatus: Rag;
  minPosts: number;
  maxPosts: number;
  aboveMax: boolean;
}

/** Exact comparison: a share is compared as count ≥ whole posts asked for, never as a rounded fraction. */
export function ragOf(count: number, minCount: number): Exclude<Rag, 'na'> {
  if (count <= 0) return 'red';
  return count >= minCount ? 'green' : 'amber';
}

export function shareStanding(e: EnterpriseShareFacts, range: RangeRule): ShareStanding {
  const { minPosts, maxPosts } = postsForStaff(e.staffCount, range);
  const applies = e.aboveDesignatedSize && e.staffCount > 0;
  if (!applies) {
    return { applies, placesShare: null, internsShare: null, placesStatus: 'na', internsStatus: 'na', minPosts, maxPosts, aboveMax: false };
  }
  return {
    applies,
    placesShare: e.placesOffered / e.staffCount,
    internsShare: e.internsAccepted / e.staffCount,
    placesStatus: ragOf(e.placesOffered, minPosts),
    internsStatus: ragOf(e.internsAccepted, minPosts),
    minPosts,
    maxPosts,
    aboveMax: e.placesOffered > maxPosts,
  };
}

export interface RollupRow {
  key: string | null;
  name: string;
  enterprises: number;
  applicable: number;
  staffCount: number;
  placesOffered: number;
  internsAccepted: number;
  placesShare: number | null;
  internsShare: number | null;
  placesStatus: Rag;
  statusCounts: Record<Rag, number>;
}

export interface RollupItem extends EnterpriseShareFacts {
  placesStatus: Rag;
}

/**
 * Sums a group of enterprises. Only enterprises the rule binds count toward the staff, places and interns, so
 * the group's share is comparable with the 2%–3% range; the group's colour applies the same range to the sums.
 */
export function rollUp(key: string | null, name: string, items: readonly RollupItem[], range: RangeRule): RollupRow {
  const statusCounts: Record<Rag, number> = { green: 0, amber: 0, red: 0, na: 0 };
  let applicable = 0,
    staffCount = 0,
    placesOffered = 0,
    internsAccepted = 0;
  for (const e of items) {
    statusCounts[e.placesStatus] += 1;
    if (e.placesStatus === 'na') continue;
    applicable += 1;
    staffCount += e.staffCount;
    placesOffered += e.placesOffered;
    internsAccepted += e.internsAccepted;
  }
  const group = shareStanding({ staffCount, aboveDesignatedSize: applicable > 0, placesOffered, internsAccepted }, range);
  return {
    key,
    name,
    enterprises: items.length,
    applicable,
    staffCount,
    placesOffered,
    internsAccepted,
    placesShare: group.placesShare,
    internsShare: group.internsShare,
    placesStatus: group.placesStatus,
    statusCounts,
  };
}

/** One row per group, by name, the group without a key (no district / no cluster) last. */
export function rollUpBy<T extends RollupItem>(
  items: readonly T[],
  keyOf: (e: T) => string | null,
  nameOf: (key: string | null) => string,
  range: RangeRule,
): RollupRow[] {
  const groups = new Map<string | null, T[]>();
  for (const e of items) {
    const k = keyOf(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.entries()]
    .map(([k, g]) => rollUp(k, nameOf(k), g, range))
    .sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, na: 3 };

/** Those furthest from the target first: red, amber, green, not applicable; then the lower share; then the name. */
export function byUrgency(a: { placesStatus: Rag; placesShare: number | null; enterpriseName: string }, b: typeof a): number {
  return (
    RAG_ORDER[a.placesStatus] - RAG_ORDER[b.placesStatus] ||
    (a.placesShare ?? Infinity) - (b.placesShare ?? Infinity) ||
    a.enterpriseName.localeCompare(b.enterpriseName, 'zh-Hans-CN')
  );
}
