import { METHODS, type Method, type MethodCode } from './models.ts';

export { METHODS, type MethodCode } from './models.ts';
export { parseSeriesCsv, SeriesInputError, type ParsedSeries } from './series-csv.ts';
export { addMonths, monthOf, monthsBetween } from './months.ts';
export { majorWarnings, type SeriesFigures, type Warning, type WarningKind, type WarningThresholds } from './warnings.ts';

/** Two-sided normal quantiles of the 80% and 95% prediction intervals. */
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

export interface ForecastStep {
  step: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface BacktestScore {
  method: MethodCode;
  /** Mean over the rolling origins of MASE (errors scaled by the training part's in-sample seasonal-naive error). */
  mase: number;
  /** `mase` over seasonal naive's on the same origins: seasonal naive is 1.0, below 1 beats it. */
  relative: number;
}

export interface ForecastResult {
  method: MethodCode;
  /** Rolling origins the methods were scored on (methods that cannot be fitted at the earliest are left out). */
  origins: number;
  backtestHorizon: number;
  scores: BacktestScore[];
  steps: ForecastStep[];
}

export interface ForecastOptions {
  /** Season length m (12 monthly, 4 quarterly). */
  season: number;
  /** Steps ahead to forecast. */
  horizon: number;
  /** Most rolling origins to compare on (the latest ones); default 12. */
  maxOrigins?: number;
  /** Steps ahead scored at each origin; default min(horizon, m). */
  backtestHorizon?: number;
  /** Lowest possible value (0 for counts): means and bounds below it are raised to it. */
  floor?: number;
  /** Restrict the candidates (all by default). */
  methods?: readonly MethodCode[];
}

/** Fewest observations `forecastSeries` accepts for season m: two whole seasons. */
export function minimumLength(season: number) {
  return 2 * season;
}

/**
 * Rolling-origin backtest (Tashman 2000): for each origin L (the latest `maxOrigins` of them at which every method
 * compared can be fitted), fit on y[0..L) and score the forecasts of the next min(H, n − L) observations with MASE.
 */
export function backtest(y: readonly number[], m: number, h: number, methods: readonly Method[], maxOrigins: number) {
  const n = y.length;
  const usable = methods.filter((method) => method.minLength(m) <= n - 1);
  const first = Math.max(...usable.map((method) => method.minLength(m)));
  const origins: number[] = [];
  for (let L = n - 1; L >= first && origins.length < maxOrigins; L--) origins.unshift(L);
  const totals = new Map<MethodCode, number>(usable.map((method) => [method.code, 0]));
  for (const L of origins) {
    const train = y.slice(0, L);
    const steps = Math.min(h, n - L);
    let scale = 0;
    for (let t = m; t < L; t++) scale += Math.abs(train[t] - train[t - m]);
    scale /= L - m;
    const meanAbs = train.reduce((s, v) => s + Math.abs(v), 0) / L;
    scale = Math.max(scale, 1e-9 * (meanAbs + 1));
    for (const method of usable) {
      const f = method.forecast(train, m, steps);
      let err = 0;
      for (let i = 0; i < steps; i++) err += Math.abs(y[L + i] - f.mean[i]);
      totals.set(method.code, totals.get(method.code)! + err / steps / scale);
    }
  }
  const mase = new Map([...totals].map(([code, total]) => [code, origins.length ? total / origins.length : Number.NaN]));
  const reference = mase.get('seasonal-naive');
  const scores: BacktestScore[] = origins.length
    ? usable.map((method) => {
        const value = mase.get(method.code)!;
        const relative = reference && reference > 0 ? value / reference : value === reference ? 1 : Number.POSITIVE_INFINITY;
        return { method: method.code, mase: value, relative };
      })
    : [];
  return { origins: origins.length, scores };
}

/**
 * Forecast `horizon` steps of a series (oldest first, no gaps) with the method that did best on the rolling-origin
 * backtest; the 80% and 95% intervals are the chosen model's normal intervals. Seasonal naive wins ties and stands
 * in when the series is too short to compare.
 */
export function forecastSeries(values: readonly number[], options: ForecastOptions): ForecastResult {
  const m = options.season;
  const h = options.horizon;
  if (!Number.isInteger(m) || m < 1) throw new RangeError('season must be a whole number ≥ 1');
  if (!Number.isInteger(h) || h < 1) throw new RangeError('horizon must be a whole number ≥ 1');
  if (values.length < minimumLength(m)) throw new RangeError(`series needs at least ${minimumLength(m)} values`);
  const candidates = METHODS.filter((method) => !options.methods || options.methods.includes(method.code));
  const bh = options.backtestHorizon ?? Math.min(h, m);
  const { origins, scores } = backtest(values, m, bh, candidates, options.maxOrigins ?? 12);
  let chosen: Method = candidates.find((c) => c.code === 'seasonal-naive') ?? candidates[0];
  let best = Number.POSITIVE_INFINITY;
  for (const score of scores) {
    if (score.mase < best - 1e-12) {
      best = score.mase;
      chosen = candidates.find((c) => c.code === score.method)!;
    }
  }
  const f = chosen.forecast(values, m, h);
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const at = (v: number) => Math.max(floor, v);
  const steps = f.mean.map((mean, i) => ({
    step: i + 1,
    mean: at(mean),
    lo80: at(mean - Z80 * f.sd[i]),
    hi80: at(mean + Z80 * f.sd[i]),
    lo95: at(mean - Z95 * f.sd[i]),
    hi95: at(mean + Z95 * f.sd[i]),
  }));
  return { method: chosen.code, origins, backtestHorizon: bh, scores, steps };
}
