export { DimacsError, DimacsReader, parseDimacs } from './dimacs.ts';
export { solveMinCostFlow, type McfOptions } from './network-simplex.ts';
export { McfInputError, type McfProblem, type McfResult, type McfStats, type McfStatus, type SupplyType } from './types.ts';
