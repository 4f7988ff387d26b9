import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/engine.ts';
import { sessions, users } from '../db/schema/index.ts';

export const SESSION_COOKIE = 'cj_session';

export interface SessionTimes {
  idleMinutes: number;
  absoluteHours: number;
}

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, userId: string, times: SessionTimes, now: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + times.absoluteHours * 3600_000);
  await db.insert(sessions).values({ id: digest(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; sessionId: string; userId: string; csrfToken: string; mustChangePassword: boolean };

/** Finds the live session of a cookie token; idle and absolute expiry both end it. */
export async function findSession(db: Db, token: string | undefined, times: SessionTimes, now: Date): Promise<SessionLookup> {
  if (!token) return { state: 'none' };
  const id = digest(token);
  const [row] = await db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      mustChangePassword: users.mustChangePassword,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { state: 'expired' };
  const idleDeadline = row.lastSeenAt.getTime() + times.idleMinutes * 60_000;
  if (row.disabled || row.expiresAt <= now || idleDeadline <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'expired' };
  }
  // Touch at most once a minute: a write per request would cost more than the idle clock needs.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { state: 'active', sessionId: id, userId: row.userId, csrfToken: row.csrfToken, mustChangePassword: row.mustChangePassword };
}

export async function endSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** After a password change every other session of the user ends. */
export async function endOtherSessions(db: Db, userId: string, keepSessionId: string) {
  const others = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const s of others) if (s.id !== keepSessionId) await endSession(db, s.id);
}
