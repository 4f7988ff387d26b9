/**
 * The min-cost-flow problem as the allocation engine and the DIMACS reader hand it to the solver, on typed
 * arrays so that a city-scale graph (millions of arcs) costs a few bytes per arc and no objects.
 *
 * Numbers are integers held in Float64Array (exact up to 2^53 − 1 = Number.MAX_SAFE_INTEGER); a capacity of
 * `Infinity` means an uncapacitated arc. Supplies follow LEMON's convention: positive = supply, negative = demand.
 */
export interface McfProblem {
  nodeCount: number;
  arcCount: number;
  /** Per node, length nodeCount. */
  supply: Float64Array;
  /** Per arc, length arcCount, 0-based node indices. */
  source: Int32Array;
  target: Int32Array;
  /** Per arc lower bound, or null when every lower bound is 0. */
  lower: Float64Array | null;
  /** Per arc upper bound (capacity); Infinity = uncapacitated. */
  upper: Float64Array;
  /** Per arc cost per unit of flow; may be negative. */
  cost: Float64Array;
}

/**
 * How node supplies constrain the flow (LEMON's `SupplyType`). With f the flow and sup the supply:
 * - `geq` (LEMON's default, and what the reference solver ../shared/bench/lemon-mcf.cpp uses, since it never
 *   calls `supplyType`): for every node, outflow − inflow ≥ sup. Feasible only if Σ sup ≤ 0; every supply
 *   is sent, demands may stay partly unmet. When Σ sup = 0 this is the same as equality everywhere.
 * - `leq`: outflow − inflow ≤ sup for every node; feasible only if Σ sup ≥ 0.
 */
export type SupplyType = 'geq' | 'leq';

export type McfStatus = 'optimal' | 'infeasible' | 'unbounded';

export interface McfStats {
  /** Pivots of the main loop (block search over all arcs), degenerate ones included. */
  pivots: number;
  /** Pivots performed by the initial heuristic (LEMON's `initialPivots`). */
  initialPivots: number;
  /** Pivots of the first pricing phase (each node's cheapest arcs; see McfOptions.cheapArcsFirst). */
  cheapArcPivots: number;
  /** Block size of the block-search pricing rule. */
  blockSize: number;
}

export interface McfResult {
  status: McfStatus;
  /**
   * Total cost Σ flow·cost of the optimal flow, as a bigint: with 3·10^6 arcs, flows and costs each up to
   * 2^53, the total can far exceed 2^53, and a bigint stays exact where a number would silently round;
   * `String(cost)` prints it. null unless status is 'optimal'.
   */
  cost: bigint | null;
  /** Flow on each arc in the input order (lower bounds included); null unless status is 'optimal'. */
  flow: Float64Array | null;
  stats: McfStats;
}

/** A problem the solver refuses to touch: malformed arrays, or numbers too large for exact arithmetic. */
export class McfInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'McfInputError';
  }
}
