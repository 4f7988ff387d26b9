/**
 * The monthly trend of an indicator, carried from snapshot to snapshot: each recompute replaces the value of
 * its own month and keeps the last `keep` months, so the cockpit reads a ready series instead of scanning
 * the history table on every request. Pure; months are "YYYY-MM" in China Standard Time.
 */
export interface TrendPoint {
  month: string;
  value: number | null;
}

export function monthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export function mergeTrend(previous: readonly TrendPoint[], month: string, value: number | null, keep = 24): TrendPoint[] {
  const kept = previous.filter((p) => p.month !== month && p.month < month);
  return [...kept, { month, value }].slice(-keep);
}
