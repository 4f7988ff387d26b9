import { addMonths, forecastSeries, monthsBetween, type ForecastResult } from '../../core/forecast/index.ts';
import { forecastPolicy } from '../../policy/index.ts';

export interface StoredPoint {
  month: string;
  value: number;
  source: 'register' | 'demo';
}

/**
 * A key's months from its first row to `lastMonth`. A month the job measured without a row for the key is 0 (the
 * measurement writes only keys the register has: no open demand of a major that month is none); a month the job
 * did not measure at all (`measured` lacks it: the platform was down) carries the month before forward.
 */
export function filled(points: readonly StoredPoint[], lastMonth: string, measured?: ReadonlySet<string>): StoredPoint[] {
  if (points.length === 0) return [];
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const out: StoredPoint[] = [];
  for (let k = 0; k <= monthsBetween(points[0]!.month, lastMonth); k++) {
    const month = addMonths(points[0]!.month, k);
    const previous = out[out.length - 1];
    const missing =
      measured && !measured.has(month) && previous ? { ...previous, month } : { month, value: 0, source: 'register' as const };
    out.push(byMonth.get(month) ?? missing);
  }
  return out;
}

/** The policy's forecast of a monthly series (null while shorter than two seasons), its steps dated. */
export function forecastMonths(history: readonly StoredPoint[]) {
  const { seasonMonths, horizonMonths, backtestOrigins } = forecastPolicy;
  if (history.length < 2 * seasonMonths) return null;
  const result: ForecastResult = forecastSeries(
    history.map((p) => p.value),
    { season: seasonMonths, horizon: horizonMonths, maxOrigins: backtestOrigins, floor: 0 },
  );
  const last = history[history.length - 1].month;
  return {
    method: result.method,
    origins: result.origins,
    scores: result.scores.map((s) => ({ ...s, relative: Number.isFinite(s.relative) ? s.relative : null })),
    steps: result.steps.map((s) => ({
      month: addMonths(last, s.step),
      mean: s.mean,
      lo80: s.lo80,
      hi80: s.hi80,
      lo95: s.lo95,
      hi95: s.hi95,
    })),
  };
}
