import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import {
  afterFailure,
  secondsLocked,
  THROTTLE_KINDS,
  type ThrottleKind,
  type ThrottleRules,
  type ThrottleState,
} from '../../../core/auth/throttle.ts';
import type { Db } from '../db/engine.ts';
import { signInThrottle } from '../db/schema/index.ts';

export type ThrottleKeys = Record<ThrottleKind, string>;

async function readAll(db: Db, keys: ThrottleKeys): Promise<Map<string, ThrottleState>> {
  const found = await db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, Object.values(keys)));
  return new Map(found.map((r) => [r.key, r]));
}

/** Seconds until sign-in may be tried again for this account from this address (0 when not locked). */
export async function lockedFor(db: Db, keys: ThrottleKeys, now: Date): Promise<number> {
  const state = await readAll(db, keys);
  return Math.max(...THROTTLE_KINDS.map((k) => secondsLocked(state.get(keys[k]), now)));
}

/** Counts a failure against every key; returns the lock in seconds that it started (0 if none). */
export async function recordFailure(db: Db, keys: ThrottleKeys, rules: ThrottleRules, now: Date): Promise<number> {
  const state = await readAll(db, keys);
  let lock = 0;
  for (const kind of THROTTLE_KINDS) {
    const key = keys[kind];
    const next = afterFailure(state.get(key), rules[kind], now);
    await db
      .insert(signInThrottle)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: signInThrottle.key, set: next });
    lock = Math.max(lock, secondsLocked(next, now));
  }
  return lock;
}

/**
 * A right password clears the pair only: the account's and the address's counts keep running, so a guesser
 * cannot reset the ceiling by waiting for the clerk to sign in.
 */
export async function clearFailures(db: Db, keys: ThrottleKeys) {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.pair));
}

/** Deletes rows whose lock is over and whose window started before `before` (the daily clean-up). */
export async function purgeThrottleRows(db: Db, now: Date, before: Date): Promise<number> {
  const gone = await db
    .delete(signInThrottle)
    .where(and(lt(signInThrottle.windowStartedAt, before), or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now))))
    .returning({ key: signInThrottle.key });
  return gone.length;
}
