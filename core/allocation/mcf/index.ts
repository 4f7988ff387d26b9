export { DimacsError, DimacsReader, parseDimacs } from './dimacs.ts';
export { openMinCostFlow, solveMinCostFlow, type McfNewArcs, type McfOptions, type McfSession } from './network-simplex.ts';
export { McfInputError, type McfProblem, type McfResult, type McfStats, type McfStatus, type SupplyType } from './types.ts';
