import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  McfInputError,
  openMinCostFlow,
  parseDimacs,
  solveMinCostFlow,
  type McfProblem,
  type McfResult,
  type SupplyType,
} from '../../core/allocation/mcf/index.ts';

/**
 * The network simplex (core/allocation/mcf) on hand-checked problems, on LEMON's GEQ supply semantics, on
 * degenerate and unbounded cases, and against an independent solver (successive shortest paths with
 * Bellman-Ford, written from the problem's definition) on 1,000 small seeded random graphs and 60 small allocation graphs.
 */

interface Arc {
  u: number;
  v: number;
  lo?: number;
  hi: number;
  c: number;
}

function problem(supply: number[], arcs: Arc[]): McfProblem {
  const m = arcs.length;
  const hasLower = arcs.some((a) => (a.lo ?? 0) !== 0);
  return {
    nodeCount: supply.length,
    arcCount: m,
    supply: Float64Array.from(supply),
    source: Int32Array.from(arcs.map((a) => a.u)),
    target: Int32Array.from(arcs.map((a) => a.v)),
    lower: hasLower ? Float64Array.from(arcs.map((a) => a.lo ?? 0)) : null,
    upper: Float64Array.from(arcs.map((a) => a.hi)),
    cost: Float64Array.from(arcs.map((a) => a.c)),
  };
}

/** Bounds, the supply constraints of the given type, and the reported cost = Σ flow·cost. */
function assertValidFlow(p: McfProblem, r: McfResult, type: SupplyType = 'geq') {
  assert.equal(r.status, 'optimal');
  const flow = r.flow!;
  assert.equal(flow.length, p.arcCount);
  const net = new Array<number>(p.nodeCount).fill(0);
  let cost = 0n;
  for (let a = 0; a < p.arcCount; a++) {
    const f = flow[a]!;
    assert.ok(Number.isInteger(f), `flow on arc ${a} is an integer`);
    assert.ok(f >= (p.lower ? p.lower[a]! : 0) && f <= p.upper[a]!, `flow ${f} on arc ${a} within bounds`);
    net[p.source[a]!]! += f;
    net[p.target[a]!]! -= f;
    cost += BigInt(f) * BigInt(p.cost[a]!);
  }
  for (let u = 0; u < p.nodeCount; u++) {
    if (type === 'geq') assert.ok(net[u]! >= p.supply[u]!, `node ${u}: net outflow ${net[u]} ≥ supply ${p.supply[u]}`);
    else assert.ok(net[u]! <= p.supply[u]!, `node ${u}: net outflow ${net[u]} ≤ supply ${p.supply[u]}`);
  }
  assert.equal(cost, r.cost);
}

function solve(p: McfProblem, type: SupplyType = 'geq') {
  const r = solveMinCostFlow(p, { supplyType: type });
  if (r.status === 'optimal') assertValidFlow(p, r, type);
  return r;
}

describe('hand-checked problems', () => {
  test('the textbook example: 4 units from node 1 to node 4, cost 14', () => {
    const r = solve(
      problem(
        [4, 0, 0, -4],
        [
          { u: 0, v: 1, hi: 4, c: 2 },
          { u: 0, v: 2, hi: 2, c: 2 },
          { u: 1, v: 2, hi: 2, c: 1 },
          { u: 1, v: 3, hi: 3, c: 3 },
          { u: 2, v: 3, hi: 5, c: 1 },
        ],
      ),
    );
    assert.equal(r.cost, 14n);
    assert.deepEqual([...r.flow!], [2, 2, 2, 0, 4]);
  });

  test('a 2×2 assignment as min cost flow, maximising the score', () => {
    // source 0, students 1–2, posts 3–4, sink 5; scores s1:(p1 9, p2 6) s2:(p1 8, p2 1) → best 6 + 8 = 14.
    const r = solve(
      problem(
        [2, 0, 0, 0, 0, -2],
        [
          { u: 0, v: 1, hi: 1, c: 0 },
          { u: 0, v: 2, hi: 1, c: 0 },
          { u: 1, v: 3, hi: 1, c: -9 },
          { u: 1, v: 4, hi: 1, c: -6 },
          { u: 2, v: 3, hi: 1, c: -8 },
          { u: 2, v: 4, hi: 1, c: -1 },
          { u: 3, v: 5, hi: 1, c: 0 },
          { u: 4, v: 5, hi: 1, c: 0 },
          { u: 0, v: 5, hi: 2, c: 0 },
        ],
      ),
    );
    assert.equal(r.cost, -14n);
    assert.deepEqual([...r.flow!].slice(2, 6), [0, 1, 1, 0]);
  });

  test('negative costs: a negative cycle of finite capacity is used to the full', () => {
    // 0→1 cost −5 cap 3, 1→0 cost 2 cap 5: each unit round the cycle earns 3; capacity 3 → −9.
    const r = solve(
      problem(
        [0, 0],
        [
          { u: 0, v: 1, hi: 3, c: -5 },
          { u: 1, v: 0, hi: 5, c: 2 },
        ],
      ),
    );
    assert.equal(r.cost, -9n);
    assert.deepEqual([...r.flow!], [3, 3]);
  });

  test('a self-loop with a negative cost is saturated, with a positive cost left empty', () => {
    const r = solve(
      problem(
        [1, -1],
        [
          { u: 0, v: 0, hi: 4, c: -2 },
          { u: 1, v: 1, hi: 4, c: 3 },
          { u: 0, v: 1, hi: 1, c: 1 },
        ],
      ),
    );
    assert.equal(r.cost, -7n);
    assert.deepEqual([...r.flow!], [4, 0, 1]);
  });

  test('lower bounds force flow even where it costs', () => {
    // 2 units must go 0→1 (lower 2, cost 5) and come back 1→0 (cost 1) since nothing else is wanted.
    const r = solve(
      problem(
        [0, 0],
        [
          { u: 0, v: 1, lo: 2, hi: 6, c: 5 },
          { u: 1, v: 0, hi: 9, c: 1 },
        ],
      ),
    );
    assert.equal(r.cost, 12n);
    assert.deepEqual([...r.flow!], [2, 2]);
  });

  test('negative lower bounds (flow may run "backwards" down to the bound)', () => {
    // One arc with bounds [−3, 2], cost 4: with no supplies the flow must be 0 (conservation) → cost 0.
    const r0 = solve(problem([0, 0], [{ u: 0, v: 1, lo: -3, hi: 2, c: 4 }]));
    assert.equal(r0.cost, 0n);
    // With node 1 supplying 3 and node 0 demanding 3, the flow is −3 → cost −12.
    const r = solve(problem([-3, 3], [{ u: 0, v: 1, lo: -3, hi: 2, c: 4 }]));
    assert.equal(r.cost, -12n);
    assert.deepEqual([...r.flow!], [-3]);
  });

  test('parallel arcs: the cheaper fills first', () => {
    const r = solve(
      problem(
        [5, -5],
        [
          { u: 0, v: 1, hi: 3, c: 4 },
          { u: 0, v: 1, hi: 3, c: 1 },
          { u: 0, v: 1, hi: 3, c: 2 },
        ],
      ),
    );
    assert.equal(r.cost, 3n + 4n);
    assert.deepEqual([...r.flow!], [0, 3, 2]);
  });
});

describe("LEMON's supply semantics (GEQ: outflow − inflow ≥ supply)", () => {
  test('all supply must leave, demand may stay unmet', () => {
    const r = solve(problem([2, -5], [{ u: 0, v: 1, hi: 10, c: 1 }]));
    assert.equal(r.cost, 2n);
  });

  test('a node without supply may send flow into unmet demand when that pays', () => {
    // Node 2 has supply 0 but net outflow ≥ 0 allows 3 units out of it into node 1's unmet demand: 2·1 + 3·(−1).
    const r = solve(
      problem(
        [2, -5, 0],
        [
          { u: 0, v: 1, hi: 10, c: 1 },
          { u: 2, v: 1, hi: 4, c: -1 },
        ],
      ),
    );
    assert.equal(r.cost, -1n);
    assert.deepEqual([...r.flow!], [2, 3]);
  });

  test('a supply node may send more than its supply into unmet demand when that pays', () => {
    const r = solve(problem([1, -4], [{ u: 0, v: 1, hi: 10, c: -2 }]));
    assert.equal(r.cost, -8n);
  });

  test('total supply above total demand is infeasible', () => {
    assert.equal(solve(problem([3, -2], [{ u: 0, v: 1, hi: 10, c: 1 }])).status, 'infeasible');
  });

  test('with Σ supply = 0 the constraints are equalities', () => {
    const r = solve(
      problem(
        [2, -2, 0],
        [
          { u: 0, v: 1, hi: 10, c: 1 },
          { u: 2, v: 1, hi: 4, c: -1 },
        ],
      ),
    );
    assert.equal(r.cost, 2n);
  });

  test('LEQ on request: outflow − inflow ≤ supply', () => {
    const r = solve(problem([5, -2], [{ u: 0, v: 1, hi: 10, c: 1 }]), 'leq');
    assert.equal(r.cost, 2n);
    assert.equal(solve(problem([1, -2], [{ u: 0, v: 1, hi: 10, c: 1 }]), 'leq').status, 'infeasible');
  });
});

describe('infeasible and unbounded', () => {
  test('not enough capacity to carry the supply', () => {
    assert.equal(solve(problem([5, -5], [{ u: 0, v: 1, hi: 3, c: 1 }])).status, 'infeasible');
  });

  test('no path from supply to demand', () => {
    assert.equal(solve(problem([1, 0, -1], [{ u: 1, v: 2, hi: 3, c: 1 }])).status, 'infeasible');
  });

  test('a lower bound that cannot be met', () => {
    // 0→1 must carry ≥ 2 but nothing can leave node 1 and node 1 may absorb at most 1.
    assert.equal(solve(problem([1, -1], [{ u: 0, v: 1, lo: 2, hi: 5, c: 1 }])).status, 'infeasible');
  });

  test('a negative cycle of uncapacitated arcs is unbounded', () => {
    const r = solve(
      problem(
        [0, 0],
        [
          { u: 0, v: 1, hi: Infinity, c: -1 },
          { u: 1, v: 0, hi: Infinity, c: 0 },
        ],
      ),
    );
    assert.equal(r.status, 'unbounded');
    assert.equal(r.cost, null);
    assert.equal(solve(problem([0], [{ u: 0, v: 0, hi: Infinity, c: -1 }])).status, 'unbounded');
  });

  test('a negative uncapacitated cycle in an infeasible problem is infeasible', () => {
    const r = solve(
      problem(
        [4, 0, 0, -4],
        [
          { u: 1, v: 2, hi: Infinity, c: -1 },
          { u: 2, v: 1, hi: Infinity, c: -1 },
          { u: 0, v: 3, hi: 1, c: 0 },
        ],
      ),
    );
    assert.equal(r.status, 'infeasible');
  });

  test('a negative uncapacitated cycle with a finite arc in it is bounded', () => {
    const r = solve(
      problem(
        [0, 0, 0],
        [
          { u: 0, v: 1, hi: Infinity, c: -3 },
          { u: 1, v: 2, hi: 7, c: 1 },
          { u: 2, v: 0, hi: Infinity, c: 1 },
        ],
      ),
    );
    assert.equal(r.cost, -7n);
  });
});

describe('degenerate cases', () => {
  test('no nodes, no arcs: the empty flow, cost 0', () => {
    const r = solve(problem([], []));
    assert.equal(r.cost, 0n);
  });

  test('nodes without arcs and without supplies', () => {
    assert.equal(solve(problem([0, 0, 0], [])).cost, 0n);
  });

  test('demand only (GEQ): nothing has to flow', () => {
    assert.equal(solve(problem([0, -3], [{ u: 0, v: 1, hi: 5, c: 2 }])).cost, 0n);
  });

  test('zero-capacity arcs, zero-cost ties and zero supplies', () => {
    const r = solve(
      problem(
        [3, 0, -3],
        [
          { u: 0, v: 1, hi: 0, c: -100 },
          { u: 0, v: 2, hi: 3, c: 0 },
          { u: 0, v: 1, hi: 3, c: 0 },
          { u: 1, v: 2, hi: 3, c: 0 },
        ],
      ),
    );
    assert.equal(r.cost, 0n);
  });

  test('all lower bounds equal to the capacities (no freedom at all)', () => {
    const r = solve(
      problem(
        [2, -2],
        [
          { u: 0, v: 1, lo: 5, hi: 5, c: 3 },
          { u: 1, v: 0, lo: 3, hi: 3, c: -1 },
        ],
      ),
    );
    assert.equal(r.cost, 12n);
  });

  test('many degenerate pivots: a complete bipartite graph with equal costs', () => {
    const k = 12;
    const arcs: Arc[] = [];
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) arcs.push({ u: i, v: k + j, hi: 1, c: 7 });
    const r = solve(problem([...Array(k).fill(1), ...Array(k).fill(-1)], arcs));
    assert.equal(r.cost, BigInt(7 * k));
  });

  test('a total cost beyond 2^53 is exact (bigint)', () => {
    const r = solve(problem([2 ** 20, -(2 ** 20)], [{ u: 0, v: 1, hi: 2 ** 21, c: 2 ** 40 + 1 }]));
    assert.equal(r.cost, 2n ** 20n * (2n ** 40n + 1n));
  });

  test('the same input gives the same flows', () => {
    const p = randomProblem(mulberry32(7), 'geq');
    const a = solveMinCostFlow(p);
    const b = solveMinCostFlow(p);
    assert.deepEqual(a, b);
  });

  test('arc mixing and block size change the path, not the optimum', () => {
    const rand = mulberry32(11);
    for (let i = 0; i < 50; i++) {
      const p = randomProblem(rand, 'geq');
      const a = solveMinCostFlow(p);
      const b = solveMinCostFlow(p, { arcMixing: false, blockSizeFactor: 0.3 });
      assert.equal(b.status, a.status);
      assert.equal(b.cost, a.cost);
    }
  });
});

describe('inputs the solver refuses', () => {
  const ok = () => problem([1, -1], [{ u: 0, v: 1, hi: 2, c: 1 }]);
  test('non-integers', () => {
    const p = ok();
    p.cost[0] = 1.5;
    assert.throws(() => solveMinCostFlow(p), McfInputError);
    const q = ok();
    q.supply[0] = NaN;
    assert.throws(() => solveMinCostFlow(q), McfInputError);
  });
  test('lower bound above the capacity', () => {
    assert.throws(() => solveMinCostFlow(problem([0, 0], [{ u: 0, v: 1, lo: 3, hi: 2, c: 1 }])), /lower bound 3 exceeds capacity 2/);
  });
  test('node indices out of range, arrays of the wrong length', () => {
    assert.throws(() => solveMinCostFlow(problem([0, 0], [{ u: 0, v: 2, hi: 2, c: 1 }])), McfInputError);
    assert.throws(() => solveMinCostFlow({ ...ok(), cost: new Float64Array(0) }), McfInputError);
  });
  test('a flow on an uncapacitated arc that would pass 2^53 stops the solver instead of rounding', () => {
    // Three parallel arcs of capacity 2^52 and cost −1 around a cycle closed by one uncapacitated arc.
    const big = 2 ** 52;
    const p = problem(
      [0, 0],
      [
        { u: 0, v: 1, hi: big, c: -1 },
        { u: 0, v: 1, hi: big, c: -1 },
        { u: 0, v: 1, hi: big, c: -1 },
        { u: 1, v: 0, hi: Infinity, c: 0 },
      ],
    );
    assert.throws(() => solveMinCostFlow(p), /exceeds 2\^53−1/);
  });

  test('numbers that would make the potentials or flows inexact', () => {
    assert.throws(() => solveMinCostFlow(problem([0, 0], [{ u: 0, v: 1, hi: 2, c: 2 ** 52 }])), /too large for exact potentials/);
    assert.throws(() => solveMinCostFlow(problem([2 ** 53, -(2 ** 53)], [{ u: 0, v: 1, hi: 2, c: 1 }])), McfInputError);
    assert.throws(() => solveMinCostFlow(problem([2 ** 52, -(2 ** 52)], [{ u: 0, v: 1, hi: 2 ** 53, c: 1 }])), McfInputError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The independent reference: the definition of the problem, solved by successive shortest paths.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Min-cost flow from the definition: a slack node R turns GEQ (outflow − inflow ≥ b, slack from R into every
 * node) or LEQ (slack from every node into R) into equalities; lower bounds are shifted into the supplies;
 * a negative cycle of uncapacitated arcs (Bellman-Ford) makes a feasible problem unbounded; uncapacitated arcs
 * otherwise get a capacity no basic solution reaches; negative arcs start saturated, and successive shortest
 * paths (Bellman-Ford in the residual network) route the remaining supply from a super source to a super sink.
 */
function referenceSolve(p: McfProblem, type: SupplyType): { status: string; cost: bigint | null } {
  const n = p.nodeCount;
  let sum = 0;
  for (let u = 0; u < n; u++) sum += p.supply[u]!;
  if ((type === 'geq' && sum > 0) || (type === 'leq' && sum < 0)) return { status: 'infeasible', cost: null };
  const R = n;
  const N = n + 1;
  const b = new Array<number>(N).fill(0);
  for (let u = 0; u < n; u++) b[u] = p.supply[u]!;
  b[R] = -sum;
  type E = { u: number; v: number; cap: number; c: number };
  const arcs: E[] = [];
  let offset = 0;
  for (let a = 0; a < p.arcCount; a++) {
    const lo = p.lower ? p.lower[a]! : 0;
    const u = p.source[a]!;
    const v = p.target[a]!;
    b[u] -= lo;
    b[v] += lo;
    offset += lo * p.cost[a]!;
    arcs.push({ u, v, cap: p.upper[a]! - lo, c: p.cost[a]! });
  }
  for (let u = 0; u < n; u++) arcs.push(type === 'geq' ? { u: R, v: u, cap: Infinity, c: 0 } : { u, v: R, cap: Infinity, c: 0 });

  // A negative cycle made of uncapacitated arcs?
  const dist = new Array<number>(N).fill(0);
  let negativeCycle = false;
  for (let it = 0; it <= N; it++) {
    let changed = false;
    for (const e of arcs) {
      if (e.cap === Infinity && dist[e.u]! + e.c < dist[e.v]!) {
        dist[e.v] = dist[e.u]! + e.c;
        changed = true;
      }
    }
    if (!changed) break;
    if (it === N) negativeCycle = true;
  }

  let big = 1;
  for (const x of b) big += Math.abs(x);
  for (const e of arcs) if (e.cap !== Infinity) big += e.cap;
  big *= 2;
  // Residual network: arc 2k forward, 2k+1 backward.
  const S = N;
  const T = N + 1;
  const V = N + 2;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: V }, () => []);
  const add = (u: number, v: number, k: number, c: number, f: number) => {
    adj[u]!.push(to.length);
    to.push(v);
    cap.push(k - f);
    cost.push(c);
    adj[v]!.push(to.length);
    to.push(u);
    cap.push(f);
    cost.push(-c);
  };
  for (const e of arcs) {
    const k = e.cap === Infinity ? big : e.cap;
    if (e.c < 0) {
      // start saturated
      b[e.u] -= k;
      b[e.v] += k;
      offset += k * e.c;
      add(e.u, e.v, k, e.c, k);
    } else add(e.u, e.v, k, e.c, 0);
  }
  let need = 0;
  for (let u = 0; u < N; u++) {
    if (b[u]! > 0) {
      add(S, u, b[u]!, 0, 0);
      need += b[u]!;
    } else if (b[u]! < 0) add(u, T, -b[u]!, 0, 0);
  }
  let total = offset;
  for (;;) {
    const d = new Array<number>(V).fill(Infinity);
    const via = new Array<number>(V).fill(-1);
    d[S] = 0;
    for (let it = 0; it < V; it++) {
      let changed = false;
      for (let u = 0; u < V; u++) {
        if (d[u] === Infinity) continue;
        for (const k of adj[u]!) {
          if (cap[k]! > 0 && d[u]! + cost[k]! < d[to[k]!]!) {
            d[to[k]!] = d[u]! + cost[k]!;
            via[to[k]!] = k;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (d[T] === Infinity) break;
    let push = Infinity;
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    total += push * d[T]!;
    need -= push;
  }
  if (need > 0) return { status: 'infeasible', cost: null };
  if (negativeCycle) return { status: 'unbounded', cost: null };
  return { status: 'optimal', cost: BigInt(total) };
}

function int(rand: () => number, lo: number, hi: number) {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function randomProblem(rand: () => number, type: SupplyType): McfProblem {
  const n = int(rand, 1, 8);
  const m = int(rand, 0, 4 * n);
  const arcs: Arc[] = [];
  const withLower = rand() < 0.3;
  const withInfinite = rand() < 0.25;
  for (let a = 0; a < m; a++) {
    const u = int(rand, 0, n - 1);
    const v = rand() < 0.08 ? u : int(rand, 0, n - 1);
    const lo = withLower && rand() < 0.4 ? int(rand, -2, 3) : 0;
    const hi = withInfinite && rand() < 0.3 ? Infinity : lo + int(rand, 0, 9);
    arcs.push({ u, v, lo, hi: Math.max(hi, 0, lo), c: int(rand, -10, 10) });
  }
  const supply = Array.from({ length: n }, () => (rand() < 0.5 ? int(rand, -4, 4) : 0));
  const shape = rand();
  const sum = supply.reduce((x, y) => x + y, 0);
  if (shape < 0.45)
    supply[int(rand, 0, n - 1)]! -= sum; // Σ = 0
  else if (shape < 0.8) supply[int(rand, 0, n - 1)]! -= sum + (type === 'geq' ? int(rand, 0, 5) : -int(rand, 0, 5)); // slack the right way
  return problem(supply, arcs);
}

describe('randomised cross-check against successive shortest paths', () => {
  for (const type of ['geq', 'leq'] as const) {
    test(`${type}: 500 seeded random graphs (negative costs, lower bounds, self-loops, parallel and uncapacitated arcs)`, (t) => {
      const rand = mulberry32(type === 'geq' ? 20250401 : 4242);
      const seen: Record<string, number> = {};
      for (let i = 0; i < 500; i++) {
        const p = randomProblem(rand, type);
        const want = referenceSolve(p, type);
        const got = solve(p, type);
        seen[want.status] = (seen[want.status] ?? 0) + 1;
        assert.equal(got.status, want.status, `instance ${i}: status`);
        assert.equal(got.cost, want.cost, `instance ${i}: optimal cost`);
      }
      // The generator must exercise every outcome.
      assert.ok(seen.optimal! > 200 && seen.infeasible! > 10 && seen.unbounded! > 3, JSON.stringify(seen));
      t.diagnostic(`${type}: ${JSON.stringify(seen)}`);
    });
  }

  test('60 random allocation graphs (students × posts, bypass arc) agree with the reference', () => {
    const rand = mulberry32(99);
    for (let i = 0; i < 60; i++) {
      const S = int(rand, 1, 12);
      const P = int(rand, 1, 6);
      const arcs: Arc[] = [];
      const src = 0;
      const sink = 1 + S + P;
      for (let s = 0; s < S; s++) arcs.push({ u: src, v: 1 + s, hi: 1, c: 0 });
      for (let s = 0; s < S; s++)
        for (let p = 0; p < P; p++) if (rand() < 0.6) arcs.push({ u: 1 + s, v: 1 + S + p, hi: 1, c: -int(rand, 1, 20) });
      for (let p = 0; p < P; p++) arcs.push({ u: 1 + S + p, v: sink, hi: int(rand, 1, 3), c: 0 });
      arcs.push({ u: src, v: sink, hi: S, c: 0 });
      const supply = new Array<number>(S + P + 2).fill(0);
      supply[src] = S;
      supply[sink] = -S;
      const p = problem(supply, arcs);
      const got = solve(p);
      assert.equal(got.cost, referenceSolve(p, 'geq').cost, `instance ${i}`);
    }
  });

  test('40 denser random graphs (30 nodes, up to 400 arcs): the cheap-arc phase runs and the optimum agrees', () => {
    const rand = mulberry32(31337);
    let phased = 0;
    for (let i = 0; i < 40; i++) {
      const n = 30;
      const arcs: Arc[] = [];
      const m = int(rand, 150, 400);
      for (let a = 0; a < m; a++) {
        const lo = rand() < 0.1 ? int(rand, 0, 2) : 0;
        const hi = rand() < 0.05 ? Infinity : lo + int(rand, 0, 12);
        arcs.push({ u: int(rand, 0, n - 1), v: int(rand, 0, n - 1), lo, hi, c: int(rand, -5, 30) });
      }
      const supply = Array.from({ length: n }, () => (rand() < 0.4 ? int(rand, -8, 8) : 0));
      const sum = supply.reduce((x, y) => x + y, 0);
      supply[int(rand, 0, n - 1)]! -= sum + (rand() < 0.5 ? int(rand, 0, 6) : 0);
      const p = problem(supply, arcs);
      const want = referenceSolve(p, 'geq');
      const got = solve(p);
      assert.equal(got.status, want.status, `instance ${i}: status`);
      assert.equal(got.cost, want.cost, `instance ${i}: optimal cost`);
      const lemonOrder = solveMinCostFlow(p, { cheapArcsFirst: false });
      assert.equal(lemonOrder.cost, want.cost, `instance ${i}: LEMON's pivot order`);
      if (got.stats.cheapArcPivots > 0) phased++;
    }
    assert.ok(phased > 20, `the cheap-arc phase pivoted in ${phased} instances`);
  });

  test('DIMACS text → solver, end to end', () => {
    const p = parseDimacs('p min 3 3\nn 1 2\nn 3 -2\na 1 2 0 2 1\na 2 3 1 2 1\na 1 3 0 1 3\n');
    assert.equal(solveMinCostFlow(p).cost, 4n);
  });
});

describe('sessions: arcs added after an optimum, solved again from the last basis', () => {
  /** Optimality from the potentials alone: below its capacity an arc prices ≥ 0, above its lower bound ≤ 0. */
  function assertPotentialsProveOptimum(p: McfProblem, flow: Float64Array, pi: Float64Array) {
    for (let a = 0; a < p.arcCount; a++) {
      const rc = p.cost[a]! + pi[p.source[a]!]! - pi[p.target[a]!]!;
      if (flow[a]! < p.upper[a]!) assert.ok(rc >= 0, `arc ${a} below capacity prices ${rc}`);
      if (flow[a]! > (p.lower ? p.lower[a]! : 0)) assert.ok(rc <= 0, `arc ${a} above its lower bound prices ${rc}`);
    }
  }
  const slice = (p: McfProblem, from: number, to: number) => ({
    source: p.source.slice(from, to),
    target: p.target.slice(from, to),
    upper: p.upper.slice(from, to),
    cost: p.cost.slice(from, to),
  });

  for (const type of ['geq', 'leq'] as const) {
    test(`${type}: 400 random graphs split into a first part and up to three later batches give the optimum of the whole`, () => {
      const rand = mulberry32(type === 'geq' ? 808 : 909);
      let warm = 0;
      for (let i = 0; i < 400; i++) {
        const whole = randomProblem(rand, type);
        // Arcs added later start at zero flow: only arcs without a lower bound can come later.
        let first = whole.arcCount;
        while (first > 0 && (whole.lower?.[first - 1] ?? 0) === 0 && rand() < 0.7) first--;
        const head: McfProblem = {
          ...whole,
          arcCount: first,
          ...slice(whole, 0, first),
          lower: whole.lower ? whole.lower.slice(0, first) : null,
        };
        const session = openMinCostFlow(head, { supplyType: type, costBound: 10 });
        if (session.result.status !== 'optimal') continue;
        let at = first;
        while (at < whole.arcCount) {
          const next = Math.min(whole.arcCount, at + int(rand, 1, 4));
          session.addArcs(slice(whole, at, next));
          at = next;
          if (session.result.status !== 'optimal') break;
          const sofar: McfProblem = {
            ...whole,
            arcCount: at,
            ...slice(whole, 0, at),
            lower: whole.lower ? whole.lower.slice(0, at) : null,
          };
          assertValidFlow(sofar, session.result, type);
          assertPotentialsProveOptimum(sofar, session.result.flow!, session.potentials());
        }
        const want = solveMinCostFlow(whole, { supplyType: type });
        assert.equal(session.result.status, want.status, `instance ${i}: status`);
        assert.equal(session.result.cost, want.cost, `instance ${i}: optimal cost`);
        if (at > first) warm++;
      }
      assert.ok(warm >= 80, `${warm} instances re-solved warm`);
    });
  }

  test('a new arc beyond the cost bound, or a session that is not at an optimum, is refused', () => {
    const session = openMinCostFlow(problem([1, -1], [{ u: 0, v: 1, hi: 2, c: 1 }]), { costBound: 5 });
    assert.throws(
      () => session.addArcs({ source: Int32Array.of(0), target: Int32Array.of(1), upper: Float64Array.of(1), cost: Float64Array.of(-6) }),
      /cost bound 5/,
    );
    assert.throws(
      () => session.addArcs({ source: Int32Array.of(0), target: Int32Array.of(2), upper: Float64Array.of(1), cost: Float64Array.of(0) }),
      McfInputError,
    );
    const cheaper = session.addArcs({
      source: Int32Array.of(0),
      target: Int32Array.of(1),
      upper: Float64Array.of(1),
      cost: Float64Array.of(-5),
    });
    assert.equal(cheaper.cost, -5n);
    const infeasible = openMinCostFlow(problem([2, -2], [{ u: 0, v: 1, hi: 1, c: 1 }]));
    assert.equal(infeasible.result.status, 'infeasible');
    assert.throws(() => infeasible.potentials(), McfInputError);
  });
});
