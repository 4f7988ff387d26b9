import type { AnyRoute } from '../http/route.ts';
import { accountRoutes } from './api/accounts/index.ts';
import { auditRoutes } from './api/audit/index.ts';
import { authRoutes } from './api/auth/index.ts';
import { codeRoutes } from './api/codes/index.ts';
import { homeRoutes } from './api/home/index.ts';
import { jobRoutes } from './api/jobs/index.ts';
import { metaRoutes } from './api/meta/index.ts';
import { schoolRoutes } from './api/schools/index.ts';
import { studentRoutes } from './api/students/index.ts';

/** Every API route of the platform. A route that is not listed here does not exist. */
export function allRoutes(): AnyRoute[] {
  const list: AnyRoute[] = [];
  list.push(...metaRoutes(() => list), ...authRoutes, ...codeRoutes(), ...homeRoutes, ...accountRoutes, ...schoolRoutes, ...studentRoutes, ...jobRoutes, ...auditRoutes);
  return list;
}
