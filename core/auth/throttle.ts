/**
 * Sign-in throttling, decided without I/O: the shell stores the counters, this decides what they mean.
 *
 * Failures are counted under three keys (OWASP Authentication Cheat Sheet, "Login Throttling"):
 * - `pair`, the account tried from one client address: a few failures lock only that pair, so someone guessing
 *   from one address cannot lock the clerk out at her own desk;
 * - `account`, from any address: a looser ceiling that still stops a guess spread over many addresses;
 * - `address`, any account from one address: stops one machine spraying many accounts.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const THROTTLE_KINDS = ['pair', 'account', 'address'] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];
export type ThrottleRules = Record<ThrottleKind, ThrottleRule>;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The stored key of each kind for one attempt (the username is compared case-insensitively). */
export function throttleKeys(username: string, address: string): Record<ThrottleKind, string> {
  const account = username.trim().toLowerCase();
  return { pair: `pair:${account}|${address}`, account: `account:${account}`, address: `address:${address}` };
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
