/**
 * The digital capability's public surface (issue 18 item 1, 二 (四) 11): 精品在线课程, the smart-campus standard and
 * self-assessments, 智慧职教示范校. The cockpit counts the three targets through `digitalTallies` and lists their
 * records through `digitalDrill`.
 */
import type { AnyRoute } from '../platform/http/route.ts';
import { courseRoutes } from './routes/courses.ts';
import { smartCampusRoutes } from './routes/smart-campus.ts';

export { digitalDrill, digitalTallies, type DigitalTally } from './repository/indicator.ts';

/** Built per app: the public catalogue's rate limiter is per process. */
export const digitalRoutes = (): AnyRoute[] => [...courseRoutes(), ...smartCampusRoutes];
