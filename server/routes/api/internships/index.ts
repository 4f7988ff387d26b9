import type { AnyRoute } from '../../../http/route.ts';
import { applicationRoutes } from './applications.ts';
import { postRoutes } from './posts.ts';

export const internshipRoutes: AnyRoute[] = [...postRoutes, ...applicationRoutes];
