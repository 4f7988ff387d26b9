/**
 * The expert-review capability's public surface: the expert pool, review rounds (opened by the capability that owns
 * the subjects — project calls, and 产教融合型企业 certification for its expert-review stage), assignment, score
 * sheets and results. Everything else in server/expert-review/ is internal (test/core/layers.test.ts keeps it so).
 */
import { expertRoutes, reviewRoutes, roundRoutes } from './routes/experts.ts';

export const expertReviewRoutes = [...expertRoutes, ...roundRoutes, ...reviewRoutes];
export {
  closeRound,
  openRound,
  roundOfOwner,
  roundResults,
  roundsOfOwners,
  unscoredCount,
  type RoundOpening,
  type SubjectOpening,
} from './repository/rounds.ts';
