/**
 * Assigning experts to subjects: each subject gets `perSubject` distinct experts, no expert with a conflict of
 * interest, and the load spread as evenly as the conflicts allow.
 *
 * A min-cost flow (the network-simplex solver of core/allocation/mcf): each subject sends `perSubject` units to a
 * sink through the experts it may have (one unit per expert); each expert reaches the sink through unit arcs
 * whose costs rise (the k-th unit costs k·W), so the optimum minimises Σ load², and a flow minimising a separable
 * convex cost is also one whose largest load is smallest and smallest load largest: whenever an assignment with
 * max − min ≤ 1 exists, this one has it. W exceeds every field cost put together, so among the most balanced
 * assignments it takes the one with the most experts of the subject's field.
 */
import { solveMinCostFlow } from '../allocation/mcf/index.ts';
import { conflictsOf, type ConflictData, type ReviewExpert, type ReviewSubject } from './conflicts.ts';

export interface AssignmentInput {
  subjects: readonly ReviewSubject[];
  experts: readonly ReviewExpert[];
  perSubject: number;
  conflicts: ConflictData;
}

export interface AssignmentPair {
  subjectIndex: number;
  expertIndex: number;
  /** The expert's fields include the subject's (or the subject names none). */
  fieldMatch: boolean;
}

export type AssignmentResult =
  | {
      ok: true;
      pairs: AssignmentPair[];
      /** Subjects assigned to each expert, in the input's order. */
      loads: number[];
      /** Expert–subject pairs left out because of a conflict. */
      conflictsExcluded: number;
    }
  | {
      ok: false;
      /** Subjects with fewer eligible experts than `perSubject`, and how many they have. */
      short: { subjectIndex: number; eligible: number }[];
    };

export function assignExperts(input: AssignmentInput): AssignmentResult {
  const { subjects, experts, perSubject, conflicts } = input;
  const S = subjects.length;
  const E = experts.length;
  if (!Number.isInteger(perSubject) || perSubject < 1) throw new RangeError('perSubject must be a positive integer');

  // Eligible pairs, subject by subject.
  const eligible: number[][] = [];
  const eligibleOfExpert = new Array<number>(E).fill(0);
  let conflictsExcluded = 0;
  const short: { subjectIndex: number; eligible: number }[] = [];
  for (let s = 0; s < S; s++) {
    const list: number[] = [];
    for (let e = 0; e < E; e++) {
      if (conflictsOf(experts[e]!, subjects[s]!, conflicts).length) conflictsExcluded++;
      else {
        list.push(e);
        eligibleOfExpert[e]!++;
      }
    }
    if (list.length < perSubject) short.push({ subjectIndex: s, eligible: list.length });
    eligible.push(list);
  }
  if (short.length) return { ok: false, short };
  if (S === 0) return { ok: true, pairs: [], loads: new Array<number>(E).fill(0), conflictsExcluded };

  const total = S * perSubject;
  const fieldWeight = 1;
  const W = total * fieldWeight + 1;
  const even = Math.floor(total / E);
  // Unit arcs per expert up to a little beyond the even share; past that one arc at the next unit's cost.
  const unitArcsOf = (e: number) => Math.min(eligibleOfExpert[e]!, 2 * (even + 1) + 2);

  let pairArcs = 0;
  for (const list of eligible) pairArcs += list.length;
  let loadArcs = 0;
  for (let e = 0; e < E; e++) loadArcs += unitArcsOf(e) + 1;
  const arcCount = pairArcs + loadArcs;
  const nodeCount = S + E + 1;
  const sink = S + E;
  const supply = new Float64Array(nodeCount);
  const source = new Int32Array(arcCount);
  const target = new Int32Array(arcCount);
  const upper = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  const match: boolean[] = [];
  let a = 0;
  for (let s = 0; s < S; s++) {
    supply[s] = perSubject;
    const field = subjects[s]!.field;
    for (const e of eligible[s]!) {
      const fits = field === null || experts[e]!.fields.includes(field);
      source[a] = s;
      target[a] = S + e;
      upper[a] = 1;
      cost[a] = fits ? 0 : fieldWeight;
      match.push(fits);
      a++;
    }
  }
  supply[sink] = -total;
  for (let e = 0; e < E; e++) {
    const units = unitArcsOf(e);
    for (let k = 1; k <= units; k++) {
      source[a] = S + e;
      target[a] = sink;
      upper[a] = 1;
      cost[a] = k * W;
      a++;
    }
    source[a] = S + e;
    target[a] = sink;
    upper[a] = Infinity;
    cost[a] = (units + 1) * W;
    a++;
  }
  const result = solveMinCostFlow({ nodeCount, arcCount, supply, source, target, lower: null, upper, cost });
  if (result.status !== 'optimal' || !result.flow) throw new Error(`expert assignment: flow ${result.status}`);
  const pairs: AssignmentPair[] = [];
  const loads = new Array<number>(E).fill(0);
  a = 0;
  for (let s = 0; s < S; s++) {
    for (const e of eligible[s]!) {
      if (result.flow[a]! > 0.5) {
        pairs.push({ subjectIndex: s, expertIndex: e, fieldMatch: match[a]! });
        loads[e]!++;
      }
      a++;
    }
  }
  return { ok: true, pairs, loads, conflictsExcluded };
}
