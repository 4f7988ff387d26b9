import type { AnyRoute } from '../../platform/http/route.ts';
import { applicationRoutes } from './applications.ts';
import { lifecycleRoutes } from './lifecycle.ts';
import { postRoutes } from './posts.ts';
import { ruleRoutes } from './rules.ts';

export const internshipRoutes: AnyRoute[] = [...postRoutes, ...applicationRoutes, ...lifecycleRoutes, ...ruleRoutes];
