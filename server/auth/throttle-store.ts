import { eq } from 'drizzle-orm';
import { afterFailure, secondsLocked, THROTTLE_RULES, type ThrottleState } from '../../core/auth/throttle.ts';
import type { Db } from '../db/engine.ts';
import { signInThrottle } from '../db/schema/index.ts';

export type ThrottleKeys = { user: string; address: string };

async function read(db: Db, key: string): Promise<ThrottleState | undefined> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row;
}

/** Seconds until sign-in may be tried again for either key (0 when not locked). */
export async function lockedFor(db: Db, keys: ThrottleKeys, now: Date): Promise<number> {
  const [u, a] = await Promise.all([read(db, keys.user), read(db, keys.address)]);
  return Math.max(secondsLocked(u, now), secondsLocked(a, now));
}

/** Counts a failure against both keys; returns the lock in seconds that it started (0 if none). */
export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date): Promise<number> {
  let lock = 0;
  for (const kind of ['user', 'address'] as const) {
    const key = keys[kind];
    const next = afterFailure(await read(db, key), THROTTLE_RULES[kind], now);
    await db.insert(signInThrottle).values({ key, ...next })
      .onConflictDoUpdate({ target: signInThrottle.key, set: next });
    lock = Math.max(lock, secondsLocked(next, now));
  }
  return lock;
}

export async function clearFailures(db: Db, keys: ThrottleKeys) {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.user));
}
