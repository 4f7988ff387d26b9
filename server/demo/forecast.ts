import { todayOf } from '../../core/calendar.ts';
import { addMonths, monthOf } from '../../core/forecast/index.ts';
import type { SeriesMeasure } from '../../contracts/forecast.ts';
import type { Db } from '../platform/db/engine.ts';
import { measureRegister, writeMonth, type SeriesDimension, type SeriesPoint } from '../forecast/index.ts';
import { createRng } from './prng.ts';

/** Three years of history before the month the demo city is generated in. */
export const DEMO_SERIES_MONTHS = 36;

/**
 * Month-of-year factors (January first) of the demo's past, as Zhengzhou's labour market has them: demand dips at
 * the Spring Festival and in summer and peaks in the spring and autumn recruitment seasons (金三银四, 金九银十);
 * enrolment drops when graduates leave in July and rises with the September intake; students seeking an
 * internship peak before the spring and autumn placements.
 */
const SEASON: Record<'demand' | 'students' | 'seeking', readonly number[]> = {
  demand: [0.8, 0.7, 1.25, 1.2, 1.0, 0.95, 0.85, 0.9, 1.2, 1.15, 1.0, 0.85],
  students: [1.0, 1.0, 0.99, 0.99, 0.98, 0.98, 0.72, 0.72, 1.03, 1.02, 1.01, 1.0],
  seeking: [1.2, 1.3, 1.1, 0.9, 0.8, 0.9, 0.7, 0.8, 1.2, 1.1, 1.0, 1.0],
};
const seasonOf = (measure: SeriesMeasure) =>
  measure === 'students' ? SEASON.students : measure === 'seeking' ? SEASON.seeking : SEASON.demand;

/**
 * The demo city's talent series: this month measured from its register by the monthly job's own code, and the
 * 36 months before generated back from it — each series' level today, its season and a yearly growth of its own
 * (demand grows in some clusters and shrinks in others; enrolment moves slowly), with a city-wide swing each month
 * shared by all series and a little noise of each. Rows of the past are marked `demo`, this month's `register`.
 */
export async function seedForecastDemo(db: Db, opts: { now: Date; seed?: number }) {
  const rng = createRng(opts.seed ?? 20231016);
  const month = monthOf(todayOf(opts.now));
  const nowIndex = Number(month.slice(5, 7)) - 1;
  const measures: SeriesMeasure[] = ['demands', 'headcount', 'posts', 'places', 'students', 'seeking'];
  const swing = new Map(measures.map((m) => [m, Array.from({ length: DEMO_SERIES_MONTHS + 1 }, () => 1 + 0.04 * rng.normal())]));
  let rows = 0;
  for (const dimension of ['city', 'cluster', 'major'] as const satisfies readonly SeriesDimension[]) {
    const today = await db.transaction(async (tx) => {
      const points = await measureRegister(tx, dimension, todayOf(opts.now));
      await writeMonth(tx, month, dimension, points, 'register', opts.now);
      return points;
    });
    rows += today.length;
    // Each key's growth is shared by its demand measures (a cluster grows as a whole), drawn once per key.
    const growth = new Map<string, number>();
    const history = new Map<string, SeriesPoint[]>();
    for (const p of today) {
      const demand = p.measure !== 'students' && p.measure !== 'seeking';
      const g = demand
        ? (growth.get(p.key) ?? growth.set(p.key, dimension === 'city' ? 1.08 : 0.8 + 0.5 * rng.next()).get(p.key)!)
        : 0.97 + 0.09 * rng.next();
      const season = seasonOf(p.measure);
      for (let k = 1; k <= DEMO_SERIES_MONTHS; k++) {
        const past = addMonths(month, -k);
        const index = Number(past.slice(5, 7)) - 1;
        const level =
          p.value * (season[index]! / season[nowIndex]!) * g ** (-k / 12) * swing.get(p.measure)![k]! * (1 + 0.06 * rng.normal());
        const list = history.get(past) ?? history.set(past, []).get(past)!;
        list.push({ ...p, value: Math.max(0, Math.round(level)) });
      }
    }
    for (const [past, points] of history) {
      await db.transaction((tx) => writeMonth(tx, past, dimension, points, 'demo', opts.now));
      rows += points.length;
    }
  }
  return { months: DEMO_SERIES_MONTHS + 1, rows };
}
