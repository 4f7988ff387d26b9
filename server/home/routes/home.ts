import { z } from 'zod';
import { homeResponse } from '../../../contracts/dashboard.ts';
import { ROLES } from '../../../core/authz/index.ts';
import { buildHome } from '../builders.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';

const home = defineRoute({
  method: 'GET',
  url: '/api/home',
  tags: ['home'],
  access: { resource: 'home', action: 'read' },
  summary: '首页：按角色返回实时数据',
  query: z.strictObject({ role: z.enum(ROLES).optional() }),
  response: homeResponse,
  async handler({ services, actor, query }) {
    return buildHome(services.database.db, actor!, services.now(), query.role);
  },
});

export const homeRoutes: AnyRoute[] = [home];
