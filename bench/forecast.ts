import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERIES_MEASURES } from '../contracts/forecast.ts';
import { forecastSeries, METHODS, parseSeriesCsv, type MethodCode } from '../core/forecast/index.ts';
import { seedIfEmpty } from '../server/demo/seed.ts';
import { filled, forecastMonths } from '../server/forecast/index.ts';
import { talentSeries } from '../server/platform/db/schema/index.ts';
import { startTestServer } from '../test/support/server.ts';

/**
 * Issue 16's forecast benchmark, one run:
 * 1. The engine on public series (bench/data/README.md gives each one's source): at the last K rolling origins of
 *    each (12 for monthly, 8 for quarterly), every method and the backtest's choice (made afresh on each training
 *    part) forecast one season ahead; MASE (scaled by the training part's in-sample seasonal-naive error) is
 *    averaged per series, then over the series; `relative` divides by seasonal naive's, which is 1.0.
 * 2. The time to forecast every cluster and major series (all six measures) of the demo city (scale
 *    BENCH_DEMO_SCALE, default `demo`, what `npm start` shows; `tiny` is quicker), seeded on PGlite.
 * Prints JSON lines, with the load average: figures taken while other work runs are not comparable.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loadavg = () => Math.round(os.loadavg()[0]! * 10) / 10;
const DATASETS = [
  { file: 'airpassengers-monthly.csv', season: 12, origins: 12 },
  { file: 'ldeaths-monthly.csv', season: 12, origins: 12 },
  { file: 'airpassengers-quarterly.csv', season: 4, origins: 8 },
  { file: 'ldeaths-quarterly.csv', season: 4, origins: 8 },
];
type Code = MethodCode | 'chosen';
const codes: Code[] = [...METHODS.map((m) => m.code), 'chosen'];
const perSeries: Record<string, Record<Code, number>> = {};
const t0 = performance.now();
for (const d of DATASETS) {
  const y = parseSeriesCsv(fs.readFileSync(path.join(root, 'bench/data', d.file), 'utf8')).values;
  const h = d.season;
  const sums = Object.fromEntries(codes.map((c) => [c, 0])) as Record<Code, number>;
  const chosenCount: Record<string, number> = {};
  for (let i = 0; i < d.origins; i++) {
    const L = y.length - h - i;
    const train = y.slice(0, L);
    const actual = y.slice(L, L + h);
    let scale = 0;
    for (let t = d.season; t < L; t++) scale += Math.abs(train[t]! - train[t - d.season]!);
    scale /= L - d.season;
    const mase = (mean: readonly number[]) => actual.reduce((s, v, j) => s + Math.abs(v - mean[j]!), 0) / h / scale;
    for (const method of METHODS) sums[method.code] += mase(method.forecast(train, d.season, h).mean);
    const chosen = forecastSeries(train, { season: d.season, horizon: h });
    chosenCount[chosen.method] = (chosenCount[chosen.method] ?? 0) + 1;
    sums.chosen += mase(chosen.steps.map((s) => s.mean));
  }
  const mean = Object.fromEntries(codes.map((c) => [c, sums[c] / d.origins])) as Record<Code, number>;
  perSeries[d.file] = mean;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'forecast.series',
      series: d.file,
      n: y.length,
      season: d.season,
      horizon: h,
      origins: d.origins,
      mase: Object.fromEntries(codes.map((c) => [c, round(mean[c])])),
      relative: Object.fromEntries(codes.map((c) => [c, round(mean[c] / mean['seasonal-naive'])])),
      chosen_methods: chosenCount,
    }),
  );
}
const names = Object.keys(perSeries);
const avg = (f: (s: Record<Code, number>) => number) =>
  Math.round((names.reduce((s, n) => s + f(perSeries[n]!), 0) / names.length) * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: 'forecast.public',
    series: names,
    mean_mase: Object.fromEntries(codes.map((c) => [c, avg((s) => s[c])])),
    mean_relative_mase: Object.fromEntries(codes.map((c) => [c, avg((s) => s[c] / s['seasonal-naive'])])),
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    loadavg_1m: loadavg(),
  }),
);

const scale = (process.env.BENCH_DEMO_SCALE ?? 'demo') as 'tiny' | 'demo';
const server = await startTestServer({ name: 'pglite' });
try {
  const config = { ...server.services.config, seedDemo: true, demoScale: scale };
  const s0 = performance.now();
  await seedIfEmpty({ ...server.services, config }, () => {});
  const seedSeconds = Math.round((performance.now() - s0) / 100) / 10;
  const db = server.services.database.db;
  const stored = await db.select().from(talentSeries);
  const lastMonth = stored.reduce((m, r) => (r.month > m ? r.month : m), '');
  const measured = new Set(stored.map((r) => r.month));
  const groups = new Map<string, typeof stored>();
  for (const r of stored) {
    if (r.dimension === 'city') continue;
    const k = `${r.measure}|${r.dimension}|${r.key}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const list of groups.values()) list.sort((a, b) => a.month.localeCompare(b.month));
  const f0 = performance.now();
  const chosen: Record<string, number> = {};
  for (const list of groups.values()) {
    const f = forecastMonths(filled(list, lastMonth, measured));
    if (f) chosen[f.method] = (chosen[f.method] ?? 0) + 1;
  }
  const ms = performance.now() - f0;
  const keys = (dimension: string) => new Set(stored.filter((r) => r.dimension === dimension).map((r) => r.key)).size;
  console.log(
    JSON.stringify({
      bench: 'forecast.demo_city',
      scale,
      clusters: keys('cluster'),
      majors: keys('major'),
      measures: SERIES_MEASURES.length,
      series: groups.size,
      months: new Set(stored.map((r) => r.month)).size,
      forecast_all_ms: Math.round(ms),
      per_series_ms: Math.round((ms / groups.size) * 10) / 10,
      chosen_methods: chosen,
      seed_seconds: seedSeconds,
      loadavg_1m: loadavg(),
    }),
  );
} finally {
  await server.close();
}
