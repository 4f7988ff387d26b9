import { eq } from 'drizzle-orm';
import type { Me } from '../../../contracts/auth.ts';
import type { Db } from '../../platform/db/engine.ts';
import { memberships, organisations, users } from '../../platform/db/schema/index.ts';

export async function loadMe(db: Db, userId: string, csrfToken: string): Promise<Me> {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      isDemo: users.isDemo,
    })
    .from(users)
    .where(eq(users.id, userId));
  const roles = await db
    .select({
      role: memberships.role,
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      districtId: organisations.districtId,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  return {
    user: user!,
    roles: roles.map(({ role, ...organisation }) => ({ role, organisation })),
    csrfToken,
  };
}
