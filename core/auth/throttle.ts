/**
 * Sign-in throttling, decided without I/O: the shell stores the counters, this decides what they mean.
 * A username is locked after a few failures (guessing one account); a client address after many (spraying).
 */
export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const THROTTLE_RULES: Record<'user' | 'address', ThrottleRule> = {
  user: { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  address: { maxFailures: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** Seconds the caller must still wait, or 0 when sign-in may be tried. */
export function secondsLocked(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The counters after one more failure; a lock starts when the failures in the window reach the maximum. */
export function afterFailure(state: ThrottleState | undefined, rule: ThrottleRule, now: Date): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < rule.windowSeconds * 1000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockSeconds * 1000) : null;
  return { failures: lockedUntil ? 0 : failures, windowStartedAt: lockedUntil ? now : windowStartedAt, lockedUntil };
}
