import { eq } from 'drizzle-orm';
import type { Actor, Membership } from '../../../core/authz/index.ts';
import type { Db } from '../db/engine.ts';
import { memberships, organisations, users } from '../db/schema/index.ts';

/** The signed-in user with every role they hold and the district of each organisation. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      role: memberships.role,
      organisationKind: organisations.kind,
      districtId: organisations.districtId,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  const ms: Membership[] = rows.map((r) => ({ ...r, districtId: r.districtId ?? null }));
  return { userId: user.id, username: user.username, displayName: user.displayName, memberships: ms };
}
