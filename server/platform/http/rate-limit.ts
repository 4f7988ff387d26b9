import { AppError } from '../../../core/errors.ts';

/**
 * A fixed-window counter per client for public endpoints. It lives in the process: with several app servers
 * each allows `max`, which is acceptable for abuse control (the sign-in throttle, which guards accounts, is in
 * the database).
 */
export function createRateLimiter(max: number, windowSeconds: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key: string) {
      const t = now();
      const w = windows.get(key);
      if (!w || t - w.start >= windowSeconds * 1000) {
        if (windows.size > 50_000) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return;
      }
      w.count += 1;
      if (w.count > max) {
        const retryAfterSeconds = Math.ceil((w.start + windowSeconds * 1000 - t) / 1000);
        throw new AppError('RATE_LIMITED', `请求过于频繁，请${retryAfterSeconds}秒后再试`, { details: { retryAfterSeconds } });
      }
    },
  };
}
