import { eq } from 'drizzle-orm';
import { throttleKeys } from '../../../core/auth/throttle.ts';
import { AppError } from '../../../core/errors.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { hashForUnknownUser, verifyPassword } from '../../platform/auth/passwords.ts';
import { clearFailures, lockedFor, recordFailure } from '../../platform/auth/throttle-store.ts';
import { users } from '../../platform/db/schema/index.ts';
import type { RouteContext } from '../../platform/http/route.ts';
import type { Services } from '../../platform/services.ts';

const tooMany = (seconds: number) =>
  new AppError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请${Math.ceil(seconds / 60)}分钟后再试`, {
    details: { retryAfterSeconds: seconds },
  });

/**
 * Signs a person in: refused while the (username, address) pair, the account or the address is throttled; an
 * unknown name costs the same hashing time as a wrong password; a failure counts toward the throttle, a success
 * clears it, opens a session and is audited. Returns the new session (its token goes into the cookie).
 */
export async function signIn(
  services: Services,
  write: RouteContext<unknown, unknown, unknown>['write'],
  input: { username: string; password: string; address: string },
) {
  const { db } = services.database;
  const now = services.now();
  const keys = throttleKeys(input.username, input.address);
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) throw tooMany(locked);
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !ok || user.disabled) {
    const lock = await recordFailure(db, keys, services.config.signInThrottle, now);
    if (lock > 0) throw tooMany(lock);
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  await clearFailures(db, keys);
  const session = await createSession(
    db,
    user.id,
    { idleMinutes: services.config.sessionIdleMinutes, absoluteHours: services.config.sessionAbsoluteHours },
    now,
  );
  await write((_tx, audit) => audit.record({ action: 'sign_in', entityType: 'user', entityId: user.id, after: { signedInAt: now } }));
  return { userId: user.id, session };
}
