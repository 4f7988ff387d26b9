import { McfInputError, type McfProblem, type McfResult, type McfStats, type McfStatus, type SupplyType } from './types.ts';

/**
 * Primal network simplex for min-cost flow, the algorithm of LEMON's `NetworkSimplex` (lemon/network_simplex.h,
 * 1.3) carried over to typed arrays:
 *
 * - an artificial root node joined to every node by an artificial arc gives the starting spanning tree
 *   (big-M: artificial arcs that stand for unmet supply cost ART_COST, so any feasible flow beats them);
 * - the tree is kept *strongly feasible* (every tree arc with zero flow can push flow towards the root), by
 *   choosing as leaving arc the last blocking arc met when walking the cycle from the join node in the
 *   direction of the flow — this is what rules out cycling on degenerate pivots;
 * - the tree is stored as parent / pred / thread (preorder) / reverse thread / subtree size / last successor,
 *   so a pivot touches only the cycle, the stem between the entering and the leaving arc, and the moved
 *   subtree (whose potentials shift by one constant);
 * - pricing is LEMON's block search: arcs are scanned in blocks of ⌊√m⌋ from where the last search stopped,
 *   and the most negative reduced cost of the first block that has one enters;
 * - arcs and nodes are numbered as LEMON numbers them (reverse input order, arcs "mixed" with stride
 *   max(m/n, 3) so that a block samples the whole graph), as are LEMON's heuristic initial pivots.
 *
 * With `cheapArcsFirst: false` the pivots are LEMON's one for one (the same count as LEMON 1.3.1 on the
 * benchmark graphs). By default one pricing phase comes first (see McfOptions.cheapArcsFirst), which saves
 * about a third of the pivots on allocation graphs. Three changes of representation make each pivot and
 * each scanned arc cheaper without changing any choice: the reduced cost is read from a "priced" copy of
 * every arc (reversed at its upper bound, +∞ in the tree) so pricing needs no state; tree arcs keep their
 * residual capacities by node, so the cycle walk stays in small arrays; and the join node and the leaving arc
 * are found in one walk instead of two.
 *
 * Supplies: LEMON's GEQ form by default (outflow − inflow ≥ supply at every node, Σ supply ≤ 0), which is
 * what ../shared/bench/lemon-mcf.cpp solves; LEQ on request. Lower bounds are shifted into the supplies.
 *
 * Numbers: every quantity is an integer kept in a Float64Array, exact as long as it stays within 2^53. The
 * input is checked so that potentials, reduced costs and flows cannot leave that range (else McfInputError);
 * the artificial cost is ART_COST = (n + 1)·(max|cost| + 1), enough for big-M (any simple path in the residual
 * network costs less than that) and small enough to keep potentials exact. Deterministic: no randomness, so
 * the same input always gives the same flows.
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_DOWN = -1;
const DIR_UP = 1;

export interface McfOptions {
  /** Default 'geq' (LEMON's default). */
  supplyType?: SupplyType;
  /** LEMON's arc mixing (default true). */
  arcMixing?: boolean;
  /** Block size = max(factor·√(arcs searched), 10); default 1 as in LEMON. */
  blockSizeFactor?: number;
  /**
   * Price the arcs in two phases (default true): first only each node's cheapest outgoing arc until none of
   * them has a negative reduced cost (a crash start: on an allocation graph it hangs every student below its
   * best post, with matching potentials), then every arc as LEMON does. The second phase alone decides
   * optimality, so the optimum is the same, reached with fewer pivots on dense graphs (about 40% fewer on the
   * benchmark's allocation graphs). false = LEMON's pivot sequence exactly.
   */
  cheapArcsFirst?: boolean;
  /**
   * The largest |cost| of the arcs a session may add later (openMinCostFlow → addArcs), default 0. The big-M
   * cost of the artificial arcs and the exactness check are sized for it, so a warm re-solve stays exact.
   */
  costBound?: number;
}

export function solveMinCostFlow(problem: McfProblem, options: McfOptions = {}): McfResult {
  return openMinCostFlow(problem, options).result;
}

/** New arcs for a session, all at lower bound 0 (and so at zero flow when they join the problem). */
export interface McfNewArcs {
  source: Int32Array;
  target: Int32Array;
  upper: Float64Array;
  cost: Float64Array;
}

/**
 * A solve that can go on (column generation): after an optimum, arcs may be added and the optimum of the larger
 * problem found from the last basis. The new arcs enter at zero flow, outside the spanning tree, so the last
 * tree stays a strongly feasible basis and the pivots start where the last solve stopped instead of from the
 * artificial tree; the answer is an optimum of the whole problem as if it had been solved at once.
 */
export interface McfSession {
  /** The answer of the last solve. */
  readonly result: McfResult;
  /**
   * The node potentials π of the last optimum, in input node order. An arc's reduced cost is
   * cost + π(source) − π(target): ≥ 0 for every arc at zero flow, so an arc not in the problem with a negative
   * reduced cost is one whose addition could lower the total cost, and none means the optimum stays optimal.
   */
  potentials(): Float64Array;
  /** Adds arcs (input numbering continues after the last arc) and solves again from the last basis. */
  addArcs(arcs: McfNewArcs): McfResult;
}

export function openMinCostFlow(problem: McfProblem, options: McfOptions = {}): McfSession {
  const costBound = options.costBound ?? 0;
  if (!(Number.isInteger(costBound) && costBound >= 0 && costBound <= MAX_SAFE))
    fail(`cost bound ${costBound} is not a non-negative integer`);
  checkProblem(problem, costBound);
  const solver = new NetworkSimplex(problem, options);
  const first = outcome(solver, solver.run(), problem, options);
  let result = first;
  return {
    get result() {
      return result;
    },
    potentials() {
      if (result.status !== 'optimal') fail('potentials exist only at an optimum');
      return solver.potentialsInInputOrder();
    },
    addArcs(arcs) {
      if (result.status !== 'optimal') fail('arcs can be added only after an optimum');
      solver.addArcs(arcs, costBound);
      const status = solver.resume();
      // Adding arcs cannot make a feasible problem infeasible; a negative uncapacitated cycle makes it unbounded.
      result =
        status === 'optimal'
          ? { status, cost: solver.totalCost(), flow: solver.flowInInputOrder(), stats: solver.stats() }
          : { status, cost: null, flow: null, stats: solver.stats() };
      return result;
    },
  };
}

/** The answer of a first solve; an unbounded verdict is checked for feasibility with every cost 0. */
function outcome(first: NetworkSimplex, status: McfStatus, problem: McfProblem, options: McfOptions): McfResult {
  if (status === 'optimal') {
    return { status, cost: first.totalCost(), flow: first.flowInInputOrder(), stats: first.stats() };
  }
  if (status === 'unbounded') {
    // A negative cycle of uncapacitated arcs was found; the problem is unbounded only if it also has a
    // feasible flow. With every cost 0 there is no negative cycle, so this run decides feasibility.
    const stats = first.stats();
    const zero = new NetworkSimplex({ ...problem, cost: new Float64Array(problem.arcCount) }, options);
    if (zero.run() === 'infeasible') return { status: 'infeasible', cost: null, flow: null, stats };
    return { status: 'unbounded', cost: null, flow: null, stats };
  }
  return { status, cost: null, flow: null, stats: first.stats() };
}

function fail(message: string): never {
  throw new McfInputError(message);
}

/** Shapes, integrality, bounds and the ranges that keep the arithmetic exact. */
function checkProblem(p: McfProblem, costBound: number): void {
  const n = p.nodeCount;
  const m = p.arcCount;
  if (!Number.isInteger(n) || n < 0 || n > 0x3fffffff) fail(`node count ${n} out of range`);
  if (!Number.isInteger(m) || m < 0 || m + 2 * n + 2 > 0x7fffffff) fail(`arc count ${m} out of range`);
  if (p.supply.length !== n) fail(`supply has ${p.supply.length} entries for ${n} nodes`);
  for (const [name, a] of [
    ['source', p.source],
    ['target', p.target],
    ['upper', p.upper],
    ['cost', p.cost],
  ] as const) {
    if (a.length !== m) fail(`${name} has ${a.length} entries for ${m} arcs`);
  }
  if (p.lower && p.lower.length !== m) fail(`lower has ${p.lower.length} entries for ${m} arcs`);
  const { supply, source, target, lower, upper, cost } = p;
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const s = supply[i]!;
    if (!Number.isInteger(s) || s > MAX_SAFE || s < -MAX_SAFE) fail(`supply of node ${i} (${s}) is not an integer within ±(2^53−1)`);
    absSum += Math.abs(s);
  }
  let maxCost = costBound;
  for (let a = 0; a < m; a++) {
    const u = source[a]!;
    const v = target[a]!;
    if (u < 0 || u >= n || v < 0 || v >= n) fail(`arc ${a} joins ${u} → ${v}, outside 0..${n - 1}`);
    const c = cost[a]!;
    if (!Number.isInteger(c) || c > MAX_SAFE || c < -MAX_SAFE) fail(`cost of arc ${a} (${c}) is not an integer within ±(2^53−1)`);
    const ac = c < 0 ? -c : c;
    if (ac > maxCost) maxCost = ac;
    const lo = lower ? lower[a]! : 0;
    if (!Number.isInteger(lo) || lo > MAX_SAFE || lo < -MAX_SAFE)
      fail(`lower bound of arc ${a} (${lo}) is not an integer within ±(2^53−1)`);
    const hi = upper[a]!;
    if (hi !== Infinity && (!Number.isInteger(hi) || hi > MAX_SAFE || hi < -MAX_SAFE))
      fail(`capacity of arc ${a} (${hi}) is not an integer within ±(2^53−1) nor Infinity`);
    if (hi < lo) fail(`arc ${a}: lower bound ${lo} exceeds capacity ${hi}`);
    if (hi !== Infinity && hi - lo > MAX_SAFE) fail(`arc ${a}: capacity − lower bound exceeds 2^53−1`);
    if (lo !== 0) absSum += 2 * Math.abs(lo);
  }
  // Supplies after the lower bounds are shifted into them, and every flow on an artificial arc, stay below this.
  if (absSum > MAX_SAFE) fail('total supply (with twice the lower bounds) exceeds 2^53−1; the flow could not be kept exact');
  // Potentials are tree-path sums: |π| ≤ ART_COST + n·max|c|; reduced costs c + π_u − π_v stay below 5·(n+2)·(max|c|+1).
  if (5 * (n + 2) * (maxCost + 1) > MAX_SAFE)
    fail(`costs up to ${maxCost} on ${n} nodes are too large for exact potentials (need 5·(n+2)·(max|cost|+1) ≤ 2^53−1)`);
}

/**
 * Block search (LEMON's BlockSearchPivotRule) over priced arcs 0..len−1: from `at[0]`, blocks of `blockSize`
 * arcs (the count runs on across the wrap-around); the most negative pCost + π(pSrc) − π(pTgt) of the first
 * block that has one is returned (−1: none at all) and `at[0]` set to where the next search starts — LEMON's
 * order and choice exactly, in tight loops over whole blocks.
 */
function blockSearch(
  pSrc: Int32Array,
  pTgt: Int32Array,
  pCost: Float64Array,
  pi: Float64Array,
  len: number,
  blockSize: number,
  at: Int32Array,
): number {
  const start = at[0]!;
  let min = 0;
  let best = -1;
  let cnt = blockSize;
  let e = start;
  let end = len;
  let wrapped = false;
  for (;;) {
    const stop = end - e < cnt ? end : e + cnt;
    for (let k = e; k < stop; k++) {
      const c = pCost[k]! + pi[pSrc[k]!]! - pi[pTgt[k]!]!;
      if (c < min) {
        min = c;
        best = k;
      }
    }
    cnt -= stop - e;
    e = stop;
    if (cnt === 0) {
      if (min < 0) {
        at[0] = e - 1;
        return best;
      }
      cnt = blockSize;
    }
    if (e === end) {
      if (wrapped) break;
      wrapped = true;
      e = 0;
      end = start;
    }
  }
  return min < 0 ? best : -1;
}

/**
 * Position of each input arc in LEMON's arc order: LEMON reads a SmartDigraph, whose ArcIt runs from the last
 * arc added to the first, and stores the arcs in that order "mixed" with stride max(m/n, 3) (or unmixed).
 * Nodes likewise: LEMON's node index of input node u is n − 1 − u (NodeIt runs backwards too). Keeping both
 * makes the pivots the same as the reference's, one for one.
 */
function arcOrder(m: number, n: number, mixing: boolean): Int32Array {
  const pos = new Int32Array(m);
  if (mixing && n > 1) {
    const skip = Math.max(Math.floor(m / n), 3);
    let i = 0;
    let j = 0;
    for (let a = m - 1; a >= 0; a--) {
      pos[a] = i;
      if ((i += skip) >= m) i = ++j;
    }
  } else {
    for (let a = 0; a < m; a++) pos[a] = m - 1 - a;
  }
  return pos;
}

class NetworkSimplex {
  private p: McfProblem;
  private readonly supplyType: SupplyType;
  private readonly blockSizeFactor: number;
  private readonly cheapArcsFirst: boolean;
  private readonly costBound: number;
  private readonly nodeNum: number;
  private arcNum: number;
  private allArcNum = 0;
  private searchArcNum = 0;
  private sumSupply = 0;
  private checkFlows = false;
  private flowBound = 0;

  private pos: Int32Array;
  private source: Int32Array;
  private target: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private flow: Float64Array;
  private state: Int8Array;
  /**
   * The arcs as the pricing loop sees them: an arc at its lower bound as it is, an arc at its upper bound
   * reversed with its cost negated, a tree arc with cost +Infinity. Then pCost + π(pSrc) − π(pTgt) is exactly
   * LEMON's state·(cost + π(source) − π(target)), without reading the state.
   */
  private pSrc: Int32Array;
  private pTgt: Int32Array;
  private pCost: Float64Array;
  private readonly supply: Float64Array;
  private readonly pi: Float64Array;

  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  private readonly thread: Int32Array;
  private readonly revThread: Int32Array;
  private readonly succNum: Int32Array;
  private readonly lastSucc: Int32Array;
  private readonly predDir: Int8Array;
  /**
   * Residual capacities of each node's tree arc pred[u]: resUp[u] for pushing flow from u to its parent,
   * resDown[u] from the parent to u (cap − flow one way, flow the other, by the arc's direction). Kept by
   * node while the arc is in the tree, its flow written back to flow[] when it leaves: the cycle walk of every
   * pivot then reads small node arrays that stay in cache instead of arc arrays of millions of entries.
   */
  private readonly resUp: Float64Array;
  private readonly resDown: Float64Array;
  private readonly dirtyRevs: Int32Array;
  private root: number;

  // The current pivot.
  private inArc = 0;
  private join = 0;
  private uIn = 0;
  private vIn = 0;
  private uOut = 0;
  private delta = 0;

  // Block search.
  private blockSize = 10;
  private readonly nextArc = new Int32Array(1);
  // The cheap-arc phase: its arcs, a compact copy of their pricing view, and each arc's index in it (or −1).
  private cSrc = new Int32Array(0);
  private cTgt = new Int32Array(0);
  private cCost = new Float64Array(0);
  private cheapIndex: Int32Array | null = null;
  private cheapBlockSize = 10;
  private readonly nextCheap = new Int32Array(1);

  private pivotCount = 0;
  private initialPivotCount = 0;
  private cheapArcPivotCount = 0;

  constructor(p: McfProblem, options: McfOptions) {
    this.p = p;
    this.supplyType = options.supplyType ?? 'geq';
    this.blockSizeFactor = options.blockSizeFactor ?? 1;
    this.cheapArcsFirst = options.cheapArcsFirst ?? true;
    this.costBound = options.costBound ?? 0;
    const n = (this.nodeNum = p.nodeCount);
    const m = (this.arcNum = p.arcCount);
    const all = n + 1;
    const maxArcNum = m + 2 * n;
    this.pos = arcOrder(m, n, options.arcMixing ?? true);
    this.source = new Int32Array(maxArcNum);
    this.target = new Int32Array(maxArcNum);
    this.cap = new Float64Array(maxArcNum);
    this.cost = new Float64Array(maxArcNum);
    this.flow = new Float64Array(maxArcNum);
    this.state = new Int8Array(maxArcNum);
    this.pSrc = new Int32Array(maxArcNum);
    this.pTgt = new Int32Array(maxArcNum);
    this.pCost = new Float64Array(maxArcNum);
    this.supply = new Float64Array(all);
    this.pi = new Float64Array(all);
    this.parent = new Int32Array(all);
    this.pred = new Int32Array(all);
    this.thread = new Int32Array(all);
    this.revThread = new Int32Array(all);
    this.succNum = new Int32Array(all);
    this.lastSucc = new Int32Array(all);
    this.predDir = new Int8Array(all);
    this.resUp = new Float64Array(all);
    this.resDown = new Float64Array(all);
    this.dirtyRevs = new Int32Array(all);
    this.root = n;
  }

  stats(): McfStats {
    return {
      pivots: this.pivotCount,
      initialPivots: this.initialPivotCount,
      cheapArcPivots: this.cheapArcPivotCount,
      blockSize: this.blockSize,
    };
  }

  run(): McfStatus {
    if (!this.init()) return 'infeasible';
    return this.start();
  }

  /** LEMON's init(): copy the graph in mixed order, shift lower bounds, build the artificial starting tree. */
  private init(): boolean {
    const p = this.p;
    const n = this.nodeNum;
    const m = this.arcNum;
    if (n === 0) {
      this.allArcNum = this.searchArcNum = 0;
      return true;
    }
    const { source, target, cap, cost, flow, state, supply, pi, pos } = this;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      supply[i] = p.supply[n - 1 - i]!;
      sum += supply[i]!;
    }
    this.sumSupply = sum;
    if (!((this.supplyType === 'geq' && sum <= 0) || (this.supplyType === 'leq' && sum >= 0))) return false;

    const lower = p.lower;
    let bound = 0; // Σ finite capacities; with Σ|supply| it bounds every flow of a basic solution
    let maxCost = this.costBound;
    for (let a = 0; a < m; a++) {
      const i = pos[a]!;
      const u = n - 1 - p.source[a]!;
      const v = n - 1 - p.target[a]!;
      source[i] = u;
      target[i] = v;
      const c = p.cost[a]!;
      cost[i] = c;
      if (c > maxCost) maxCost = c;
      else if (-c > maxCost) maxCost = -c;
      const lo = lower ? lower[a]! : 0;
      const k = p.upper[a]! - lo;
      cap[i] = k;
      if (k !== Infinity) bound += k;
      if (lo !== 0) {
        supply[u] = supply[u]! - lo;
        supply[v] = supply[v]! + lo;
      }
      flow[i] = 0;
      state[i] = STATE_LOWER;
    }
    let absSupply = 0;
    for (let i = 0; i < n; i++) absSupply += Math.abs(supply[i]!);
    this.flowBound = bound + absSupply;
    this.checkFlows = this.flowBound > MAX_SAFE;
    const ART_COST = (n + 1) * (maxCost + 1);

    const { parent, pred, thread, revThread, succNum, lastSucc, predDir } = this;
    const root = this.root;
    parent[root] = -1;
    pred[root] = -1;
    thread[root] = 0;
    revThread[0] = root;
    succNum[root] = n + 1;
    lastSucc[root] = root - 1;
    supply[root] = -sum;
    pi[root] = 0;

    if (sum === 0) {
      // EQ supply constraints
      this.searchArcNum = m;
      this.allArcNum = m + n;
      for (let u = 0, e = m; u !== n; ++u, ++e) {
        parent[u] = root;
        pred[u] = e;
        thread[u] = u + 1;
        revThread[u + 1] = u;
        succNum[u] = 1;
        lastSucc[u] = u;
        cap[e] = Infinity;
        state[e] = STATE_TREE;
        if (supply[u]! >= 0) {
          predDir[u] = DIR_UP;
          pi[u] = 0;
          source[e] = u;
          target[e] = root;
          flow[e] = supply[u]!;
          cost[e] = 0;
        } else {
          predDir[u] = DIR_DOWN;
          pi[u] = ART_COST;
          source[e] = root;
          target[e] = u;
          flow[e] = -supply[u]!;
          cost[e] = ART_COST;
        }
      }
    } else if (sum > 0) {
      // LEQ supply constraints
      this.searchArcNum = m + n;
      let f = m + n;
      for (let u = 0, e = m; u !== n; ++u, ++e) {
        parent[u] = root;
        thread[u] = u + 1;
        revThread[u + 1] = u;
        succNum[u] = 1;
        lastSucc[u] = u;
        if (supply[u]! >= 0) {
          predDir[u] = DIR_UP;
          pi[u] = 0;
          pred[u] = e;
          source[e] = u;
          target[e] = root;
          cap[e] = Infinity;
          flow[e] = supply[u]!;
          cost[e] = 0;
          state[e] = STATE_TREE;
        } else {
          predDir[u] = DIR_DOWN;
          pi[u] = ART_COST;
          pred[u] = f;
          source[f] = root;
          target[f] = u;
          cap[f] = Infinity;
          flow[f] = -supply[u]!;
          cost[f] = ART_COST;
          state[f] = STATE_TREE;
          source[e] = u;
          target[e] = root;
          cap[e] = Infinity;
          flow[e] = 0;
          cost[e] = 0;
          state[e] = STATE_LOWER;
          ++f;
        }
      }
      this.allArcNum = f;
    } else {
      // GEQ supply constraints
      this.searchArcNum = m + n;
      let f = m + n;
      for (let u = 0, e = m; u !== n; ++u, ++e) {
        parent[u] = root;
        thread[u] = u + 1;
        revThread[u + 1] = u;
        succNum[u] = 1;
        lastSucc[u] = u;
        if (supply[u]! <= 0) {
          predDir[u] = DIR_DOWN;
          pi[u] = 0;
          pred[u] = e;
          source[e] = root;
          target[e] = u;
          cap[e] = Infinity;
          flow[e] = -supply[u]!;
          cost[e] = 0;
          state[e] = STATE_TREE;
        } else {
          predDir[u] = DIR_UP;
          pi[u] = -ART_COST;
          pred[u] = f;
          source[f] = u;
          target[f] = root;
          cap[f] = Infinity;
          flow[f] = supply[u]!;
          state[f] = STATE_TREE;
          cost[f] = ART_COST;
          source[e] = root;
          target[e] = u;
          cap[e] = Infinity;
          flow[e] = 0;
          cost[e] = 0;
          state[e] = STATE_LOWER;
          ++f;
        }
      }
      this.allArcNum = f;
    }
    for (let u = 0; u < n; u++) this.setTreeArc(u, pred[u]!);
    // Pricing view: every real arc starts at its lower bound; the artificial ones as their state says.
    this.pSrc.set(source.subarray(0, m));
    this.pTgt.set(target.subarray(0, m));
    this.pCost.set(cost.subarray(0, m));
    for (let e = m; e < this.allArcNum; e++) this.setPriced(e);
    this.blockSize = Math.max(Math.floor(this.blockSizeFactor * Math.sqrt(this.searchArcNum)), 10);
    return true;
  }

  private start(): McfStatus {
    if (this.nodeNum === 0) return 'optimal';
    if (!this.initialPivots()) return 'unbounded';
    if (this.cheapArcsFirst && !this.cheapArcPhase()) return 'unbounded';
    return this.resume();
  }

  /** The main pricing loop from the current basis to the optimum, then the flows of the tree arcs written back. */
  resume(): McfStatus {
    if (this.nodeNum === 0) return 'optimal';
    while (this.findEnteringArc()) {
      this.pivotCount++;
      if (!this.pivot()) return 'unbounded';
    }
    const { flow, pred } = this;
    for (let u = 0; u < this.nodeNum; u++) flow[pred[u]!] = this.treeFlow(u);
    for (let e = this.searchArcNum; e !== this.allArcNum; ++e) {
      if (flow[e] !== 0) return 'infeasible';
    }
    return 'optimal';
  }

  /** One pivot on `inArc`; false when the cycle has infinite capacity (unbounded). */
  private pivot(): boolean {
    const change = this.findJoinAndLeavingArc();
    if (this.delta === Infinity) return false;
    this.changeFlow(change);
    if (change) {
      this.updateTreeStructure();
      this.updatePotential();
    }
    return true;
  }

  /** The pricing view of arc e after its state changed. */
  private setPriced(e: number): void {
    const st = this.state[e]!;
    if (st === STATE_LOWER) {
      this.pSrc[e] = this.source[e]!;
      this.pTgt[e] = this.target[e]!;
      this.pCost[e] = this.cost[e]!;
    } else if (st === STATE_UPPER) {
      this.pSrc[e] = this.target[e]!;
      this.pTgt[e] = this.source[e]!;
      this.pCost[e] = -this.cost[e]!;
    } else {
      this.pCost[e] = Infinity;
    }
    if (this.cheapIndex !== null) {
      const k = this.cheapIndex[e]!;
      if (k >= 0) {
        this.cSrc[k] = this.pSrc[e]!;
        this.cTgt[k] = this.pTgt[e]!;
        this.cCost[k] = this.pCost[e]!;
      }
    }
  }

  /** Block search pricing over all arcs (LEMON's BlockSearchPivotRule). */
  private findEnteringArc(): boolean {
    const k = blockSearch(this.pSrc, this.pTgt, this.pCost, this.pi, this.searchArcNum, this.blockSize, this.nextArc);
    if (k < 0) return false;
    this.inArc = k;
    return true;
  }

  /**
   * The first pricing phase: block search restricted to every node's cheapest outgoing arc (ties to the
   * earlier arc) and the searchable root arcs of the GEQ/LEQ forms, until none of them has a negative reduced
   * cost. Skipped when that subset is not much smaller than the whole graph (sparse graphs).
   */
  private cheapArcPhase(): boolean {
    const n = this.nodeNum;
    const m = this.arcNum;
    const { source, cost, pSrc, pTgt, pCost, pi } = this;
    const bestOut = new Int32Array(n).fill(-1);
    for (let e = 0; e < m; e++) {
      const u = source[e]!;
      const bo = bestOut[u]!;
      if (bo < 0 || cost[e]! < cost[bo]!) bestOut[u] = e;
    }
    const chosen = new Uint8Array(m);
    let count = 0;
    for (let u = 0; u < n; u++) {
      const bo = bestOut[u]!;
      if (bo >= 0) {
        chosen[bo] = 1;
        count++;
      }
    }
    if (count * 2 > m) return true;
    const extra = this.searchArcNum - m;
    const len = count + extra;
    const list = new Int32Array(len);
    let k = 0;
    for (let e = 0; e < m; e++) if (chosen[e] === 1) list[k++] = e;
    for (let e = m; e < this.searchArcNum; e++) list[k++] = e;
    // A compact copy of the subset's pricing view, so that the scans read contiguous memory.
    const index = new Int32Array(this.allArcNum).fill(-1);
    this.cSrc = new Int32Array(len);
    this.cTgt = new Int32Array(len);
    this.cCost = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const e = list[i]!;
      index[e] = i;
      this.cSrc[i] = pSrc[e]!;
      this.cTgt[i] = pTgt[e]!;
      this.cCost[i] = pCost[e]!;
    }
    this.cheapIndex = index;
    this.cheapBlockSize = Math.max(Math.floor(this.blockSizeFactor * Math.sqrt(len)), 10);
    let ok = true;
    for (;;) {
      const i = blockSearch(this.cSrc, this.cTgt, this.cCost, pi, len, this.cheapBlockSize, this.nextCheap);
      if (i < 0) break;
      this.inArc = list[i]!;
      this.cheapArcPivotCount++;
      if (!this.pivot()) {
        ok = false;
        break;
      }
    }
    this.cheapIndex = null;
    this.cSrc = this.cTgt = new Int32Array(0);
    this.cCost = new Float64Array(0);
    return ok;
  }

  /**
   * LEMON's findJoinNode and findLeavingArc in one walk: the two tree paths from the entering arc's ends
   * up to their join node, each tracking its blocking arc (the smallest residual capacity in the direction of
   * the cycle). As in LEMON, the leaving arc is the first minimum on the `first` side (strict <) unless the
   * `second` side has a minimum ≤ it, in which case the last one there (≤) — the last blocking arc met when
   * going round the cycle from the join node, which keeps the tree strongly feasible.
   * Returns false when the entering arc itself blocks (it just switches between its bounds).
   */
  private findJoinAndLeavingArc(): boolean {
    const inArc = this.inArc;
    const { parent, resUp, resDown, succNum } = this;
    let first: number;
    let second: number;
    if (this.state[inArc] === STATE_LOWER) {
      first = this.source[inArc]!;
      second = this.target[inArc]!;
    } else {
      first = this.target[inArc]!;
      second = this.source[inArc]!;
    }
    let a = first;
    let b = second;
    let dA = Infinity;
    let uA = -1;
    let dB = Infinity;
    let uB = -1;
    while (a !== b) {
      if (succNum[a]! < succNum[b]!) {
        const d = resDown[a]!;
        if (d < dA) {
          dA = d;
          uA = a;
        }
        a = parent[a]!;
      } else {
        const d = resUp[b]!;
        if (d <= dB) {
          dB = d;
          uB = b;
        }
        b = parent[b]!;
      }
    }
    this.join = a;
    let delta = this.cap[inArc]!;
    let result = 0;
    if (dA < delta) {
      delta = dA;
      this.uOut = uA;
      result = 1;
    }
    if (uB >= 0 && dB <= delta) {
      delta = dB;
      this.uOut = uB;
      result = 2;
    }
    if (result === 1) {
      this.uIn = first;
      this.vIn = second;
    } else {
      this.uIn = second;
      this.vIn = first;
    }
    this.delta = delta;
    return result !== 0;
  }

  private changeFlow(change: boolean): void {
    const { flow, state, pred, resUp, resDown, parent } = this;
    const inArc = this.inArc;
    const join = this.join;
    if (this.delta > 0) {
      // LEMON: flow[pred[u]] −= predDir[u]·val on the source side, += on the target side.
      const val = state[inArc]! * this.delta;
      flow[inArc] = flow[inArc]! + val;
      for (let u = this.source[inArc]!; u !== join; u = parent[u]!) {
        resUp[u] = resUp[u]! + val;
        resDown[u] = resDown[u]! - val;
      }
      for (let u = this.target[inArc]!; u !== join; u = parent[u]!) {
        resUp[u] = resUp[u]! - val;
        resDown[u] = resDown[u]! + val;
      }
      if (this.checkFlows) this.checkCycleFlows();
    }
    if (change) {
      state[inArc] = STATE_TREE;
      this.setPriced(inArc);
      const uOut = this.uOut;
      const out = pred[uOut]!;
      const f = this.treeFlow(uOut);
      flow[out] = f;
      state[out] = f === 0 ? STATE_LOWER : STATE_UPPER;
      this.setPriced(out);
    } else {
      state[inArc] = -state[inArc]!;
      this.setPriced(inArc);
    }
  }

  /** Node u's tree arc is now e (pred and predDir already set): its residual capacities. */
  private setTreeArc(u: number, e: number): void {
    const f = this.flow[e]!;
    const rest = this.cap[e]! - f;
    if (this.predDir[u] === DIR_UP) {
      this.resUp[u] = rest;
      this.resDown[u] = f;
    } else {
      this.resUp[u] = f;
      this.resDown[u] = rest;
    }
  }

  /** The flow on node u's tree arc. */
  private treeFlow(u: number): number {
    return this.predDir[u] === DIR_UP ? this.resDown[u]! : this.resUp[u]!;
  }

  /** Only when Σ|supply| + Σ finite capacities ≥ 2^53: a flow on an uncapacitated arc must stay exact. */
  private checkCycleFlows(): void {
    const { flow, parent } = this;
    const bad = (x: number) => x > MAX_SAFE;
    let ok = !bad(flow[this.inArc]!);
    for (let u = this.source[this.inArc]!; ok && u !== this.join; u = parent[u]!) ok = !bad(this.treeFlow(u));
    for (let u = this.target[this.inArc]!; ok && u !== this.join; u = parent[u]!) ok = !bad(this.treeFlow(u));
    if (!ok) fail('a flow on an uncapacitated arc exceeds 2^53−1; the problem is too large for exact arithmetic');
  }

  private updateTreeStructure(): void {
    const { parent, pred, predDir, resUp, resDown, thread, revThread, succNum, lastSucc, dirtyRevs } = this;
    const uIn = this.uIn;
    const vIn = this.vIn;
    const uOut = this.uOut;
    const join = this.join;
    const inArc = this.inArc;
    const oldRevThread = revThread[uOut]!;
    const oldSuccNum = succNum[uOut]!;
    const oldLastSucc = lastSucc[uOut]!;
    const vOut = parent[uOut]!;

    if (uIn === uOut) {
      // Update parent, pred, predDir
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      this.setTreeArc(uIn, inArc);
      // Update thread and revThread
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc]!;
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn]!;
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // Handle the case when oldRevThread equals vIn (it also means that join and vOut coincide)
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!;
      // Update thread and parent along the stem nodes (the nodes between uIn and uOut, whose parent changes)
      let stem = uIn;
      let parStem = vIn;
      let nextStem: number;
      let last = lastSucc[uIn]!;
      let before: number;
      let after = thread[last]!;
      thread[vIn] = uIn;
      let dirty = 0;
      dirtyRevs[dirty++] = vIn;
      while (stem !== uOut) {
        // Insert the next stem node into the thread list
        nextStem = parent[stem]!;
        thread[last] = nextStem;
        dirtyRevs[dirty++] = last;
        // Remove the subtree of stem from the thread list
        before = revThread[stem]!;
        thread[before] = after;
        revThread[after] = before;
        // Change the parent node and shift stem nodes
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        // Update last and after
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem]! : lastSucc[stem]!;
        after = thread[last]!;
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      // Remove the subtree of uOut from the thread list except when oldRevThread equals vIn
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      // Update revThread using the new thread values
      for (let i = 0; i !== dirty; ++i) {
        const u = dirtyRevs[i]!;
        revThread[thread[u]!] = u;
      }
      // Update pred, predDir, lastSucc and succNum for the stem nodes from uOut to uIn
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut]!;
      for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
        pred[u] = pred[p]!;
        predDir[u] = -predDir[p]!;
        resUp[u] = resDown[p]!;
        resDown[u] = resUp[p]!;
        tmpSc += succNum[u]! - succNum[p]!;
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      this.setTreeArc(uIn, inArc);
      succNum[uIn] = oldSuccNum;
    }

    // Update lastSucc from vIn towards the root
    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut]!;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) {
      lastSucc[u] = lastSuccOut;
    }
    // Update lastSucc from vOut towards the root
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) {
        lastSucc[u] = oldRevThread;
      }
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) {
        lastSucc[u] = lastSuccOut;
      }
    }
    // Update succNum from vIn to join
    for (let u = vIn; u !== join; u = parent[u]!) succNum[u] = succNum[u]! + oldSuccNum;
    // Update succNum from vOut to join
    for (let u = vOut; u !== join; u = parent[u]!) succNum[u] = succNum[u]! - oldSuccNum;
  }

  /** Shift the potentials of the moved subtree so that the entering arc's reduced cost becomes 0. */
  private updatePotential(): void {
    const { pi, thread } = this;
    const uIn = this.uIn;
    const sigma = pi[this.vIn]! - pi[uIn]! - this.predDir[uIn]! * this.cost[this.inArc]!;
    const end = thread[this.lastSucc[uIn]!]!;
    for (let u = uIn; u !== end; u = thread[u]!) pi[u] = pi[u]! + sigma;
  }

  /** LEMON's heuristic initial pivots: a path of wide arcs for one source and one sink, else cheapest arcs. */
  private initialPivots(): boolean {
    const n = this.nodeNum;
    const m = this.arcNum;
    const { supply, cap, cost, source, target, state, pi } = this;
    let total = 0;
    let supplyNodes = 0;
    let demandNodes = 0;
    let s = -1;
    let t = -1;
    for (let u = 0; u < n; u++) {
      const curr = supply[u]!;
      if (curr > 0) {
        total += curr;
        supplyNodes++;
        s = u;
      } else if (curr < 0) {
        demandNodes++;
        t = u;
      }
    }
    if (this.sumSupply > 0) total -= this.sumSupply;
    if (total <= 0) return true;

    const arcs: number[] = [];
    const pos = this.pos;
    if (this.sumSupply >= 0) {
      if (supplyNodes === 1 && demandNodes === 1) {
        // Reverse graph search from the sink to the source along arcs wide enough for the whole supply.
        const inStart = new Int32Array(n + 1);
        for (let a = 0; a < m; a++) inStart[target[pos[a]!]! + 1]++;
        for (let v = 0; v < n; v++) inStart[v + 1] += inStart[v]!;
        const fill = inStart.slice(0, n);
        const inArcs = new Int32Array(m);
        // Newest arc first, as LEMON's InArcIt on a SmartDigraph.
        for (let a = m - 1; a >= 0; a--) {
          const i = pos[a]!;
          inArcs[fill[target[i]!]!++] = i;
        }
        const reached = new Uint8Array(n);
        const stack = new Int32Array(n);
        let top = 0;
        reached[t] = 1;
        stack[top++] = t;
        while (top > 0) {
          const v = stack[--top]!;
          if (v === s) break;
          for (let k = inStart[v]!, end = inStart[v + 1]!; k < end; k++) {
            const j = inArcs[k]!;
            const u = source[j]!;
            if (reached[u]) continue;
            if (cap[j]! >= total) {
              arcs.push(j);
              reached[u] = 1;
              stack[top++] = u;
            }
          }
        }
      } else {
        // The cheapest incoming arc of every demand node.
        const best = new Int32Array(n).fill(-1);
        for (let a = 0; a < m; a++) {
          const i = pos[a]!;
          const v = target[i]!;
          if (supply[v]! < 0) {
            const b = best[v]!;
            if (b < 0 || cost[i]! <= cost[b]!) best[v] = i;
          }
        }
        for (let v = 0; v < n; v++) if (supply[v]! < 0 && best[v]! >= 0) arcs.push(best[v]!);
      }
    } else {
      // The cheapest outgoing arc of every supply node.
      const best = new Int32Array(n).fill(-1);
      for (let a = 0; a < m; a++) {
        const i = pos[a]!;
        const u = source[i]!;
        if (supply[u]! > 0) {
          const b = best[u]!;
          if (b < 0 || cost[i]! <= cost[b]!) best[u] = i;
        }
      }
      for (let u = 0; u < n; u++) if (supply[u]! > 0 && best[u]! >= 0) arcs.push(best[u]!);
    }

    for (const a of arcs) {
      if (state[a]! * (cost[a]! + pi[source[a]!]! - pi[target[a]!]!) >= 0) continue;
      this.inArc = a;
      this.initialPivotCount++;
      if (!this.pivot()) return false;
    }
    return true;
  }

  /**
   * Appends arcs after the real ones, at their lower bound 0 outside the tree (the basis stays strongly
   * feasible). The artificial arcs move up by their count, so tree arcs pointing at them are renumbered; the
   * next block search starts at the new arcs, the likeliest to enter.
   */
  addArcs(arcs: McfNewArcs, costBound: number): void {
    const k = arcs.source.length;
    if (arcs.target.length !== k || arcs.upper.length !== k || arcs.cost.length !== k)
      fail('new arcs: source, target, upper and cost differ in length');
    const n = this.nodeNum;
    const m = this.arcNum;
    let added = 0;
    for (let i = 0; i < k; i++) {
      const u = arcs.source[i]!,
        v = arcs.target[i]!,
        hi = arcs.upper[i]!,
        c = arcs.cost[i]!;
      if (u < 0 || u >= n || v < 0 || v >= n) fail(`new arc ${i} joins ${u} → ${v}, outside 0..${n - 1}`);
      if (!Number.isInteger(c) || Math.abs(c) > costBound)
        fail(`cost of new arc ${i} (${c}) is not an integer within the session's cost bound ${costBound}`);
      if (hi !== Infinity && !(Number.isInteger(hi) && hi >= 0 && hi <= MAX_SAFE))
        fail(`capacity of new arc ${i} (${hi}) is not a non-negative integer within 2^53−1 nor Infinity`);
      if (hi !== Infinity) added += hi;
    }
    if (k === 0) return;
    const maxArcNum = m + k + 2 * n;
    const grow = <T extends Int32Array | Float64Array | Int8Array>(old: T, make: (len: number) => T): T => {
      const out = make(maxArcNum);
      out.set(old.subarray(0, m));
      out.set(old.subarray(m, this.allArcNum), m + k);
      return out;
    };
    const i32 = (len: number) => new Int32Array(len),
      f64 = (len: number) => new Float64Array(len),
      i8 = (len: number) => new Int8Array(len);
    this.source = grow(this.source, i32);
    this.target = grow(this.target, i32);
    this.cap = grow(this.cap, f64);
    this.cost = grow(this.cost, f64);
    this.flow = grow(this.flow, f64);
    this.state = grow(this.state, i8);
    this.pSrc = grow(this.pSrc, i32);
    this.pTgt = grow(this.pTgt, i32);
    this.pCost = grow(this.pCost, f64);
    for (let i = 0; i < k; i++) {
      const e = m + i;
      this.source[e] = this.pSrc[e] = n - 1 - arcs.source[i]!;
      this.target[e] = this.pTgt[e] = n - 1 - arcs.target[i]!;
      this.cap[e] = arcs.upper[i]!;
      this.cost[e] = this.pCost[e] = arcs.cost[i]!;
      this.flow[e] = 0;
      this.state[e] = STATE_LOWER;
    }
    const pred = this.pred;
    for (let u = 0; u < n; u++) if (pred[u]! >= m) pred[u] = pred[u]! + k;
    const pos = new Int32Array(m + k);
    pos.set(this.pos);
    for (let i = 0; i < k; i++) pos[m + i] = m + i;
    this.pos = pos;
    const concat = <T extends Int32Array | Float64Array>(a: T, b: T, make: (len: number) => T): T => {
      const out = make(m + k);
      out.set(a);
      out.set(b, m);
      return out;
    };
    const p = this.p;
    this.p = {
      ...p,
      arcCount: m + k,
      source: concat(p.source, arcs.source, i32),
      target: concat(p.target, arcs.target, i32),
      upper: concat(p.upper, arcs.upper, f64),
      cost: concat(p.cost, arcs.cost, f64),
      lower: p.lower ? concat(p.lower, new Float64Array(k), f64) : null,
    };
    this.arcNum = m + k;
    this.searchArcNum += k;
    this.allArcNum += k;
    this.flowBound += added;
    this.checkFlows = this.flowBound > MAX_SAFE;
    this.blockSize = Math.max(Math.floor(this.blockSizeFactor * Math.sqrt(this.searchArcNum)), 10);
    this.nextArc[0] = m;
  }

  /** π in input node order (the solver numbers nodes backwards, as LEMON does). */
  potentialsInInputOrder(): Float64Array {
    const n = this.nodeNum;
    const out = new Float64Array(n);
    for (let u = 0; u < n; u++) out[u] = this.pi[n - 1 - u]!;
    return out;
  }

  /** Σ flow·cost over the input arcs (lower bounds added back), exact: numbers while safe, else bigint. */
  totalCost(): bigint {
    const { pos, flow } = this;
    const lower = this.p.lower;
    const cost = this.p.cost;
    const m = this.arcNum;
    let sum = 0;
    let exact = true;
    for (let a = 0; a < m; a++) {
      const f = flow[pos[a]!]! + (lower ? lower[a]! : 0);
      if (f === 0) continue;
      if (f > MAX_SAFE || f < -MAX_SAFE) fail(`the flow on arc ${a} exceeds 2^53−1; the problem is too large for exact arithmetic`);
      const x = f * cost[a]!;
      sum += x;
      if (x > MAX_SAFE || x < -MAX_SAFE || sum > MAX_SAFE || sum < -MAX_SAFE) {
        exact = false;
        break;
      }
    }
    if (exact) return BigInt(sum);
    let big = 0n;
    for (let a = 0; a < m; a++) {
      const f = flow[pos[a]!]! + (lower ? lower[a]! : 0);
      if (f !== 0) big += BigInt(f) * BigInt(cost[a]!);
    }
    return big;
  }

  flowInInputOrder(): Float64Array {
    const m = this.arcNum;
    const out = new Float64Array(m);
    const { pos, flow } = this;
    const lower = this.p.lower;
    for (let a = 0; a < m; a++) out[a] = flow[pos[a]!]! + (lower ? lower[a]! : 0);
    return out;
  }
}
