import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  backtest,
  forecastSeries,
  majorWarnings,
  METHODS,
  minimumLength,
  parseSeriesCsv,
  SeriesInputError,
} from '../../core/forecast/index.ts';
import { holtWinters, sarimaAirline, sarimaAr1, seasonalNaive } from '../../core/forecast/models.ts';
import { nelderMead } from '../../core/forecast/optimise.ts';

const PATTERN = [5, 9, 14, 20, 17, 11, 6, 3, 2, 4, 8, 12];
const seasonal = (years: number, trend = 0) => Array.from({ length: years * 12 }, (_, t) => 100 + trend * t + PATTERN[t % 12]);
/** Deterministic noise (a linear congruential generator), so the tests never depend on chance. */
function noise(n: number, seed: number, amplitude: number) {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648 - 0.5) * 2 * amplitude;
  });
}
const air = parseSeriesCsv(readFileSync(new URL('../../bench/data/airpassengers-monthly.csv', import.meta.url), 'utf8')).values;

describe('forecast methods', () => {
  it('a purely seasonal series is forecast exactly by every method', () => {
    const y = seasonal(4);
    for (const method of METHODS) {
      const f = method.forecast(y, 12, 24);
      f.mean.forEach((v, i) => assert.ok(Math.abs(v - (100 + PATTERN[i % 12])) < 1e-6, `${method.code} step ${i + 1}: ${v}`));
    }
  });

  it('a linear trend with seasonality is extrapolated by Holt–Winters and both SARIMA models', () => {
    const y = seasonal(4, 2);
    for (const method of [holtWinters, sarimaAirline, sarimaAr1]) {
      const f = method.forecast(y, 12, 12);
      f.mean.forEach((v, i) => {
        const t = y.length + i;
        assert.ok(Math.abs(v - (100 + 2 * t + PATTERN[t % 12])) < 1e-3, `${method.code} step ${i + 1}: ${v}`);
      });
    }
    // seasonal naive repeats last year and so lags the trend by one year's growth (24)
    const naive = seasonalNaive.forecast(y, 12, 12);
    assert.equal(naive.mean[0], y[y.length - 12]);
  });

  it('seasonal naive repeats the last season and its interval widens by whole seasons', () => {
    const y = seasonal(3).map((v, i) => v + noise(36, 7, 3)[i]);
    const f = seasonalNaive.forecast(y, 12, 36);
    assert.equal(f.mean[0], y[24]);
    assert.equal(f.mean[13], y[25]);
    assert.ok(Math.abs(f.sd[12] / f.sd[0] - Math.SQRT2) < 1e-12);
    assert.ok(Math.abs(f.sd[24] / f.sd[0] - Math.sqrt(3)) < 1e-12);
    assert.equal(f.sd[11], f.sd[0]);
  });

  it('interval widths grow with the horizon for every method on a noisy series', () => {
    const y = seasonal(5, 0.5).map((v, i) => v + noise(60, 11, 4)[i]);
    for (const method of METHODS) {
      const f = method.forecast(y, 12, 24);
      assert.ok(
        f.sd.every((s) => s > 0),
        method.code,
      );
      for (let i = 1; i < 24; i++) assert.ok(f.sd[i] >= f.sd[i - 1] - 1e-9, `${method.code} step ${i + 1}`);
      assert.ok(f.sd[23] > f.sd[0], method.code);
    }
  });

  it('the airline model on log AirPassengers comes close to the published forecasts for 1961', () => {
    // Box & Jenkins' model (0,1,1)(0,1,1)12 on log passengers; R's arima() (maximum likelihood) gives 450.4, 425.7,
    // 479.0 for January–March 1961. Conditional sum of squares lands within 1%.
    const f = sarimaAirline.forecast(
      air.map((v) => Math.log(v)),
      12,
      3,
    );
    [450.4, 425.7, 479.0].forEach((expected, i) =>
      assert.ok(Math.abs(Math.exp(f.mean[i]) / expected - 1) < 0.01, `${i}: ${Math.exp(f.mean[i])}`),
    );
  });
});

describe('backtest and choice', () => {
  it('seasonal naive scores 1.0 relative to itself, and a method forecasting exactly scores 0', () => {
    const y = seasonal(4, 1);
    const { origins, scores } = backtest(y, 12, 12, METHODS, 6);
    assert.equal(origins, 6);
    const byCode = new Map(scores.map((s) => [s.method, s]));
    assert.equal(byCode.get('seasonal-naive')!.relative, 1);
    // on y = 100 + t + s(t) seasonal naive misses by exactly 12 every step and its in-sample scale is 12: MASE 1
    assert.ok(Math.abs(byCode.get('seasonal-naive')!.mase - 1) < 1e-12);
    assert.ok(byCode.get('holt-winters')!.mase < 1e-4);
  });

  it('chooses a trend-following method for a trending seasonal series and reports its scores', () => {
    const y = seasonal(5, 1.5).map((v, i) => v + noise(60, 3, 1)[i]);
    const r = forecastSeries(y, { season: 12, horizon: 12 });
    assert.notEqual(r.method, 'seasonal-naive');
    const chosen = r.scores.find((s) => s.method === r.method)!;
    assert.ok(r.scores.every((s) => s.mase >= chosen.mase));
    assert.ok(chosen.relative < 1);
    assert.equal(r.steps.length, 12);
    for (const s of r.steps) {
      assert.ok(s.lo95 <= s.lo80 && s.lo80 <= s.mean && s.mean <= s.hi80 && s.hi80 <= s.hi95);
    }
    assert.ok(r.steps[11].hi95 - r.steps[11].lo95 >= r.steps[0].hi95 - r.steps[0].lo95);
  });

  it('only seasonal naive is scored when the series is too short for the others, and raises bounds to the floor', () => {
    const y = seasonal(2).map((v) => v - 100);
    assert.equal(y.length, minimumLength(12));
    const r = forecastSeries(y, { season: 12, horizon: 12, floor: 0 });
    assert.deepEqual(
      r.scores.map((s) => s.method),
      ['seasonal-naive'],
    );
    assert.equal(r.method, 'seasonal-naive');
    assert.ok(r.steps.every((s) => s.lo95 >= 0));
  });

  it('refuses a series shorter than two seasons', () => {
    assert.throws(() => forecastSeries([1, 2, 3], { season: 12, horizon: 3 }), RangeError);
  });

  it('beats seasonal naive on AirPassengers', () => {
    const r = forecastSeries(air, { season: 12, horizon: 12 });
    assert.ok(r.scores.find((s) => s.method === r.method)!.relative < 0.6);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const r = nelderMead(([a, b]) => (1 - a) ** 2 + 100 * (b - a * a) ** 2, [-1.2, 1], { maxIter: 2000, tol: 1e-14 });
    assert.ok(Math.abs(r.x[0] - 1) < 1e-3 && Math.abs(r.x[1] - 1) < 1e-3, JSON.stringify(r));
  });
});

describe('parseSeriesCsv', () => {
  it('reads months, quarters and steps', () => {
    assert.deepEqual(parseSeriesCsv('period,value\n2023-11,1\n2023-12,2.5\n2024-01,-3\n'), {
      periods: ['2023-11', '2023-12', '2024-01'],
      values: [1, 2.5, -3],
    });
    assert.deepEqual(parseSeriesCsv('\uFEFFPeriod,Value\r\n2023-Q4,1\r\n2024-Q1,2\r\n').values, [1, 2]);
    assert.deepEqual(parseSeriesCsv('period,value\n1,4\n2,5\n').values, [4, 5]);
  });
  for (const [name, text, pattern] of [
    ['a missing header', '2024-01,1\n2024-02,2\n', /missing header/],
    ['an empty file', '', /empty/],
    ['a gap', 'period,value\n2024-01,1\n2024-03,2\n', /line 3: gap/],
    ['a repeat', 'period,value\n2024-01,1\n2024-01,2\n', /does not come after/],
    ['a non-number', 'period,value\n2024-01,1\n2024-02,abc\n', /line 3: value "abc" is not a number/],
    ['an empty value', 'period,value\n2024-01,\n', /is not a number/],
    ['a bad month', 'period,value\n2024-13,1\n', /period "2024-13"/],
    ['mixed kinds', 'period,value\n2024-01,1\n2024-Q2,1\n', /same kind/],
    ['three columns', 'period,value\n2024-01,1,2\n', /expected 2 columns/],
  ] as const) {
    it(`refuses ${name}`, () =>
      assert.throws(
        () => parseSeriesCsv(text),
        (e: unknown) => e instanceof SeriesInputError && pattern.test(e.message),
      ));
  }
});

describe('majorWarnings', () => {
  const t = { demandDropShare: 0.2, minDemandPer100Students: 5, clusterGrowthShare: 0.1 };
  const major = (key: string, recentDemand: number, forecastDemand: number | null, students: number) => ({
    key,
    name: key,
    recentDemand,
    forecastDemand,
    students,
  });
  it('warns a major whose forecast demand falls by more than the share, or is too little for its students, with its figures', () => {
    const list = majorWarnings(
      [
        major('460101', 10, 7.9, 100), // −21%: falling; 7.9 per 100 students: enough
        major('460102', 10, 8.1, 100), // −19%: not falling
        major('510201', 4, 4, 200), // 2 per 100 students: too little
        major('520201', 0, 0, 50), // no demand at all: too little, no change to speak of
        major('530701', 3, null, 10), // too short to forecast: no warning
        major('', 50, 1, 1000), // 不限专业 is not a major
      ],
      [],
      t,
    );
    assert.deepEqual(
      list.map((w) => [w.kind, w.key]),
      [
        ['demand_falling', '460101'],
        ['demand_low', '520201'],
        ['demand_low', '510201'],
      ],
    );
    const falling = list[0]!;
    assert.ok(Math.abs(falling.change! + 0.21) < 1e-12);
    assert.ok(Math.abs(falling.demandPer100Students! - 7.9) < 1e-12);
    assert.equal(list[1]!.change, null);
  });
  it('warns a growing cluster that no enrolled major feeds, and no other', () => {
    const list = majorWarnings(
      [],
      [
        major('new_materials', 10, 11, 0), // +10%, no students: warned
        major('equipment', 10, 20, 30), // growing but fed
        major('biomedicine', 10, 10.5, 0), // +5%: not growing enough
        major('hydrogen', 0, 2, 0), // demand appearing from none
      ],
      t,
    );
    assert.deepEqual(
      list.map((w) => [w.kind, w.key]),
      [
        ['cluster_without_majors', 'hydrogen'],
        ['cluster_without_majors', 'new_materials'],
      ],
    );
  });
});
