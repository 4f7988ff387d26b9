import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { homeResponse } from '../../../contracts/dashboard.ts';
import { ROLES } from '../../../core/authz/index.ts';
import { organisations } from '../../platform/db/schema/index.ts';
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
    const { db } = services.database;
    const ids = actor!.memberships.map((m) => m.organisationId);
    const orgs = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    return buildHome(db, actor!, new Map(orgs.map((o) => [o.id, o.name])), services.now(), query.role);
  },
});

export const homeRoutes: AnyRoute[] = [home];
