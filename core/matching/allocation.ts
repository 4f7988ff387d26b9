import { openMinCostFlow } from '../allocation/mcf/index.ts';
import type { McfProblem } from '../allocation/mcf/index.ts';

/**
 * The city-wide internship allocation as a min-cost flow: maximise the total match score of the pairs chosen,
 * each student on at most one post, each post within its places, and the internship regulation's caps.
 *
 *   source ─1→ student ─1, −score→ post ─cap(post)→ enterprise ─cap(enterprise)→ sink
 *                 └──────────────── 1, cost 0 ────────────────────────────────────┘ (student left unplaced)
 *   observation posts (认识实习, outside the caps) ─cap(post)→ sink
 *
 * A post's capacity is min(places left, position cap left): the 20% cap is per position and every post is its
 * own position (its `positionStaff`), so it folds into the post's arc. The 10% cap is per enterprise and
 * spans its posts, so it needs the enterprise node. Integral capacities give an integral optimal flow, so the
 * optimum of the network is an assignment; the network simplex is deterministic, so the same input gives the
 * same assignment.
 */

export interface AllocationPost {
  /** Places this run may fill: min(places left, position cap left); never negative. */
  capacity: number;
  /** Index into `enterprises` for a 岗位实习 post under the enterprise cap; null for posts outside it. */
  enterprise: number | null;
}

export interface AllocationArc {
  student: number;
  post: number;
  /** Integer score (points × 10); only positive scores are worth an arc. */
  score: number;
}

export interface AllocationInput {
  studentCount: number;
  posts: readonly AllocationPost[];
  /** Interns each enterprise may still take under the 10% cap. */
  enterpriseCapacity: readonly number[];
  arcs: readonly AllocationArc[];
}

export interface AllocationResult {
  /** Per student, the post index, or −1 when unplaced. */
  postOf: Int32Array;
  /** Index into the input arcs of the chosen pairs, in student order. */
  chosenArcs: number[];
  totalScore: number;
}

export class AllocationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocationInputError';
  }
}

const isCount = (x: number) => Number.isInteger(x) && x >= 0;

export function buildAllocationNetwork(input: AllocationInput): McfProblem {
  const { studentCount: S, posts, enterpriseCapacity, arcs } = input;
  const P = posts.length;
  const E = enterpriseCapacity.length;
  posts.forEach((p, i) => {
    if (!isCount(p.capacity)) throw new AllocationInputError(`岗位 ${i} 的可分配名额须为非负整数（${p.capacity}）`);
    if (p.enterprise !== null && !(Number.isInteger(p.enterprise) && p.enterprise >= 0 && p.enterprise < E))
      throw new AllocationInputError(`岗位 ${i} 的企业编号无效`);
  });
  enterpriseCapacity.forEach((c, i) => {
    if (!isCount(c)) throw new AllocationInputError(`企业 ${i} 的实习生上限须为非负整数（${c}）`);
  });
  // Nodes: 0 source, 1 sink, then students, posts, enterprises.
  const student0 = 2,
    post0 = 2 + S,
    ent0 = 2 + S + P;
  const nodeCount = 2 + S + P + E;
  const arcCount = 2 * S + arcs.length + P + E;
  const source = new Int32Array(arcCount),
    target = new Int32Array(arcCount);
  const upper = new Float64Array(arcCount),
    cost = new Float64Array(arcCount);
  let a = 0;
  const add = (from: number, to: number, cap: number, c: number) => {
    source[a] = from;
    target[a] = to;
    upper[a] = cap;
    cost[a] = c;
    a++;
  };
  for (let s = 0; s < S; s++) add(0, student0 + s, 1, 0);
  for (let s = 0; s < S; s++) add(student0 + s, 1, 1, 0);
  for (const arc of arcs) {
    if (!(
      Number.isInteger(arc.student) &&
      arc.student >= 0 &&
      arc.student < S &&
      Number.isInteger(arc.post) &&
      arc.post >= 0 &&
      arc.post < P
    )) {
      throw new AllocationInputError('候选配对引用了不存在的学生或岗位');
    }
    if (!Number.isInteger(arc.score)) throw new AllocationInputError('配对分数须为整数');
    add(student0 + arc.student, post0 + arc.post, 1, -arc.score);
  }
  posts.forEach((p, i) => add(post0 + i, p.enterprise === null ? 1 : ent0 + p.enterprise, p.capacity, 0));
  enterpriseCapacity.forEach((c, i) => add(ent0 + i, 1, c, 0));
  const supply = new Float64Array(nodeCount);
  supply[0] = S;
  supply[1] = -S;
  return { nodeCount, arcCount, supply, source, target, lower: null, upper, cost };
}

export function allocateInternships(input: AllocationInput): AllocationResult {
  const { postOf, chosenArcs, totalScore } = allocateByColumnGeneration(input, () => []);
  return { postOf, chosenArcs, totalScore };
}

/** The node potentials π of an optimum by student and by post, and each student's post in it. */
export interface AllocationPrices {
  /** A pair (s, p) of score c has reduced cost −c + student[s] − post[p]: it improves the optimum when c + post[p] > student[s]. */
  student: Float64Array;
  post: Float64Array;
  /** Per student the post of the optimum (−1: unplaced): the only pair of the graph that can price negative. */
  assigned: Int32Array;
}

export interface ExactAllocation extends AllocationResult {
  /** The pairs of the final graph: the input's, then those priced in; chosenArcs index into it. */
  arcs: AllocationArc[];
  /** Pricing rounds; the last found no eligible pair outside the graph with a negative reduced cost. */
  rounds: number;
  /** Pairs priced into the graph over all rounds. */
  added: number;
  /** The optimum of the input graph, before pricing. */
  before: { placements: number; totalScore: number };
}

/**
 * The optimum over every eligible pair, solving only a pruned graph (column generation): solve the input arcs,
 * ask `price` for the pairs outside the graph that have a negative reduced cost under the optimum's potentials,
 * add them and solve again from the last basis (core/allocation/mcf sessions), until `price` finds none. Then no
 * pair left out could improve the answer — the LP optimality conditions hold for the whole graph — so the
 * optimum is that of the unpruned graph. `price` must answer only pairs outside the graph (the student's
 * assigned post is the one pair inside that can price negative); each round adds at least one new pair, so the
 * loop ends.
 */
export function allocateByColumnGeneration(
  input: AllocationInput,
  price: (prices: AllocationPrices) => readonly AllocationArc[],
  scoreBound = 0,
): ExactAllocation {
  const S = input.studentCount,
    P = input.posts.length;
  const problem = buildAllocationNetwork(input);
  let bound = scoreBound;
  for (const a of input.arcs) if (a.score > bound) bound = a.score;
  const session = openMinCostFlow(problem, { costBound: bound });
  const arcs = [...input.arcs];
  const inputArcs = input.arcs.length;
  const network = (i: number) => (i < inputArcs ? 2 * S + i : problem.arcCount + i - inputArcs);
  const read = () => {
    const r = session.result;
    // Every student can stay unplaced, so the network always has a feasible flow.
    if (r.status !== 'optimal' || !r.flow) throw new AllocationInputError(`求解失败（${r.status}）`);
    const postOf = new Int32Array(S).fill(-1);
    const chosenArcs: number[] = [];
    let totalScore = 0;
    arcs.forEach((arc, i) => {
      if (r.flow![network(i)]! > 0.5) {
        postOf[arc.student] = arc.post;
        chosenArcs.push(i);
        totalScore += arc.score;
      }
    });
    chosenArcs.sort((x, y) => arcs[x]!.student - arcs[y]!.student);
    return { postOf, chosenArcs, totalScore };
  };
  let answer = read();
  const before = { placements: answer.chosenArcs.length, totalScore: answer.totalScore };
  let rounds = 0;
  for (;;) {
    rounds++;
    const pi = session.potentials();
    const fresh = price({ student: pi.slice(2, 2 + S), post: pi.slice(2 + S, 2 + S + P), assigned: answer.postOf });
    if (fresh.length === 0) break;
    const k = fresh.length;
    const source = new Int32Array(k),
      target = new Int32Array(k),
      upper = new Float64Array(k).fill(1),
      cost = new Float64Array(k);
    fresh.forEach((arc, i) => {
      if (!(
        Number.isInteger(arc.student) &&
        arc.student >= 0 &&
        arc.student < S &&
        Number.isInteger(arc.post) &&
        arc.post >= 0 &&
        arc.post < P
      )) {
        throw new AllocationInputError('定价得到的配对引用了不存在的学生或岗位');
      }
      if (!(Number.isInteger(arc.score) && arc.score > 0 && arc.score <= bound))
        throw new AllocationInputError(`定价得到的配对分数须为 1 至 ${bound} 的整数（${arc.score}）`);
      source[i] = 2 + arc.student;
      target[i] = 2 + S + arc.post;
      cost[i] = -arc.score;
      arcs.push(arc);
    });
    session.addArcs({ source, target, upper, cost });
    answer = read();
  }
  return { ...answer, arcs, rounds, added: arcs.length - inputArcs, before };
}

/**
 * The k best of a student's scored candidates, best first, ties by the lower post index (deterministic). The
 * allocation keeps these per student: the optimum is over this candidate graph.
 */
export function bestCandidates<T extends { post: number; score: number }>(scored: T[], k: number): T[] {
  return scored.sort((x, y) => y.score - x.score || x.post - y.post).slice(0, k);
}
