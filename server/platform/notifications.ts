import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { notFound } from '../../core/errors.ts';
import type { Notification } from '../../contracts/notifications.ts';
import type { Db, Tx } from './db/engine.ts';
import { memberships, notifications, users } from './db/schema/index.ts';
import { scopeWhere } from './http/scope-sql.ts';
import { countOf } from './db/paging.ts';

/** A message for the people of one organisation (its active accounts holding one of `roles`). */
export interface OrganisationMessage {
  organisationId: string;
  roles: readonly (typeof memberships.$inferSelect.role)[];
  kind: string;
  dedupeKey: string;
  title: string;
  body: string;
  link: string | null;
  detail: Record<string, unknown>;
}

const toView = (r: typeof notifications.$inferSelect): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/** The caller's inbox, newest first, with the count of unread messages. */
export async function listNotifications(db: Db, access: Access, q: { page: number; pageSize: number; unread?: 'true' | 'false' }) {
  const mine = scopeWhere(access, { userId: notifications.userId });
  const where = and(mine, q.unread === 'true' ? isNull(notifications.readAt) : undefined);
  const [items, total, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(db.select({ total: count() }).from(notifications).where(where)),
    countOf(
      db
        .select({ total: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt))),
    ),
  ]);
  return { items: items.map(toView), total, unread, page: q.page, pageSize: q.pageSize };
}

/** Marks one message read; another person's message is not found. Reading twice keeps the first time. */
export async function markRead(tx: Tx, access: Access, id: string, now: Date): Promise<Notification> {
  const where = and(eq(notifications.id, id), scopeWhere(access, { userId: notifications.userId }));
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(where)
    .returning();
  if (!row) throw notFound('消息');
  return toView(row);
}

export async function markAllRead(tx: Tx, access: Access, now: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(scopeWhere(access, { userId: notifications.userId }), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Delivers each message to the active accounts of its organisation with one of its roles. A message already
 * delivered to a person (same dedupe key) is skipped, so a retried run delivers nothing twice.
 */
export async function deliverToOrganisations(
  tx: Tx,
  messages: readonly OrganisationMessage[],
): Promise<{ delivered: number; recipients: number }> {
  if (!messages.length) return { delivered: 0, recipients: 0 };
  const orgIds = [...new Set(messages.map((m) => m.organisationId))];
  const people = await tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.organisationId, orgIds), eq(users.disabled, false)));
  const byOrg = Map.groupBy(people, (p) => p.organisationId);
  const recipients = new Set<string>();
  const rows = messages.flatMap((m) => {
    const to = new Set((byOrg.get(m.organisationId) ?? []).filter((p) => m.roles.includes(p.role)).map((p) => p.userId));
    return [...to].map((userId) => {
      recipients.add(userId);
      return {
        userId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        link: m.link,
        detail: m.detail,
        dedupeKey: `${m.organisationId}:${m.dedupeKey}`,
      };
    });
  });
  let delivered = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await tx
      .insert(notifications)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    delivered += inserted.length;
  }
  return { delivered, recipients: recipients.size };
}

/** A message for every account a query selects (one column, `user_id`), e.g. the respondents a survey round invites. */
export interface UsersMessage {
  kind: string;
  /** Per message, not per person: the recipient's id is prefixed, as for organisations' messages. */
  dedupeKey: string;
  title: string;
  body: string;
  link: string | null;
  detail: Record<string, unknown>;
}

/**
 * Delivers one message to the active accounts a query selects, in one statement however many they are (a city-wide
 * round invites hundreds of thousands); a person who already has it (same dedupe key) is skipped.
 */
export async function deliverToUsers(tx: Tx, m: UsersMessage, userIds: SQL): Promise<number> {
  const result = (await tx.execute(sql`insert into notifications (user_id, kind, title, body, link, detail, dedupe_key)
    select distinct q.user_id, ${m.kind}, ${m.title}, ${m.body}, ${m.link}, ${JSON.stringify(m.detail)}::jsonb, q.user_id::text || ':' || ${m.dedupeKey}
    from (${userIds}) q join users u on u.id = q.user_id where not u.disabled
    on conflict do nothing`)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}
