import type { AnyRoute } from '../../platform/http/route.ts';
import { allocationRoutes } from './allocation.ts';
import { demandRoutes } from './demands.ts';
import { recommendationRoutes } from './recommendations.ts';

export const matchingRoutes: AnyRoute[] = [...demandRoutes, ...recommendationRoutes, ...allocationRoutes];
