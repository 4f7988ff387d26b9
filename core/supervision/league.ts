import type { ScoringScheme } from '../plan/plan.ts';
import { round } from '../indicators/status.ts';

/**
 * The district league table of 督导考核 (三 18) under the policy file's scoring scheme. Each district gets
 * three parts on a 0–100 scale: timeliness (reports due that came on time), quality (the bureau's mean
 * score of its rated reports) and indicators (mean achievement of the scheme's indicators in the district,
 * each capped at 100%). A part without data yet (no report rated) gives its weight to the others in
 * proportion, so that a slow rating does not sink a district. Pure.
 */
export interface DistrictRecord {
  districtId: string;
  name: string;
  /** Report slots (task × period) whose due date has passed. */
  dueSlots: number;
  onTime: number;
  scores: readonly number[];
  /** Progress (0–1+) of each indicator of the scheme in the district; null where there is no value. */
  indicatorProgress: ReadonlyArray<number | null>;
}

export interface LeagueRow {
  rank: number;
  districtId: string;
  name: string;
  total: number | null;
  timeliness: number | null;
  quality: number | null;
  indicators: number | null;
  dueSlots: number;
  onTime: number;
  rated: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function leagueRow(r: DistrictRecord, scheme: ScoringScheme): Omit<LeagueRow, 'rank'> {
  const timeliness = r.dueSlots > 0 ? (r.onTime / r.dueSlots) * 100 : null;
  const quality = mean(r.scores);
  const progress = r.indicatorProgress.filter((p): p is number => p !== null).map((p) => Math.min(1, p) * 100);
  const indicators = mean(progress);
  const parts: Array<[number, number | null]> = [
    [scheme.weights.timeliness, timeliness],
    [scheme.weights.quality, quality],
    [scheme.weights.indicators, indicators],
  ];
  const present = parts.filter(([w, v]) => v !== null && w > 0) as Array<[number, number]>;
  const weight = present.reduce((a, [w]) => a + w, 0);
  const total = weight > 0 ? present.reduce((a, [w, v]) => a + w * v, 0) / weight : null;
  const r1 = (x: number | null) => (x === null ? null : round(x, 1));
  return {
    districtId: r.districtId,
    name: r.name,
    total: r1(total),
    timeliness: r1(timeliness),
    quality: r1(quality),
    indicators: r1(indicators),
    dueSlots: r.dueSlots,
    onTime: r.onTime,
    rated: r.scores.length,
  };
}

/** Ranked best first; equal totals share a rank; districts without any data come last, unranked by name. */
export function leagueTable(records: readonly DistrictRecord[], scheme: ScoringScheme): LeagueRow[] {
  const rows = records.map((r) => leagueRow(r, scheme));
  rows.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.name.localeCompare(b.name, 'zh'));
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || row.total !== rows[i - 1]!.total) rank = i + 1;
    return { ...row, rank };
  });
}
