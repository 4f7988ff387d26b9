/**
 * The funding capability's public surface (issue 18 item 3): 生均财政拨款 declarations and the 普高 figure.
 * The cockpit counts the two funding targets through `fundingTallies` and lists their schools through `fundingDrill`.
 */
export { fundingRoutes } from './routes/funding.ts';
export { fundingDrill, fundingTallies, type FundingTally } from './repository/indicator.ts';
