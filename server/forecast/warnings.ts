import { addMonths, majorWarnings, monthsBetween, type SeriesFigures } from '../../core/forecast/index.ts';
import type { WarningList } from '../../contracts/forecast.ts';
import { forecastPolicy, graduatesPolicy } from '../../policy/index.ts';
import { latestOutcomeYear, majorOutcomeWarnings } from '../graduates/index.ts';
import type { Db } from '../platform/db/engine.ts';
import { forecastMonths } from './forecasts.ts';
import { namesOf, readSeries, type SeriesDimension } from './repository/series.ts';

const UNNAMED = { city: '全市', cluster: '方案所列集群之外', major: '不限专业 / 未登记专业' } as const;

/**
 * Each key's demand (people wanted by open talent demands + places left on posts, month by month), its forecast
 * and its enrolled students now, for one dimension: the figures the warnings are judged on, and the annual report's.
 */
export async function demandFigures(
  db: Db,
  dimension: SeriesDimension,
): Promise<(SeriesFigures & { lastMonth: string; forecast: ReturnType<typeof forecastMonths> })[]> {
  const [headcount, places, students, names] = await Promise.all([
    readSeries(db, 'headcount', dimension),
    readSeries(db, 'places', dimension),
    readSeries(db, 'students', dimension),
    namesOf(db, dimension),
  ]);
  const all = [...headcount, ...places, ...students];
  if (all.length === 0) return [];
  const lastMonth = all.reduce((m, r) => (r.month > m ? r.month : m), all[0]!.month);
  const measured = new Set(all.map((r) => r.month));
  const keys = new Map<string, { first: string; demand: Map<string, number>; students: number }>();
  const at = (key: string, month: string) => {
    const k = keys.get(key) ?? keys.set(key, { first: month, demand: new Map(), students: 0 }).get(key)!;
    if (month < k.first) k.first = month;
    return k;
  };
  for (const r of [...headcount, ...places]) {
    const k = at(r.key, r.month);
    k.demand.set(r.month, (k.demand.get(r.month) ?? 0) + r.value);
  }
  for (const r of students) {
    const k = at(r.key, r.month);
    if (r.month === lastMonth) k.students = r.value;
  }
  return [...keys].map(([key, k]) => {
    // a month nobody measured carries the month before forward, as the series page does (forecasts.ts filled)
    const history: { month: string; value: number; source: 'register' }[] = [];
    for (let i = 0; i <= monthsBetween(k.first, lastMonth); i++) {
      const month = addMonths(k.first, i);
      const value = k.demand.get(month) ?? (!measured.has(month) && history.length ? history[history.length - 1]!.value : 0);
      history.push({ month, value, source: 'register' });
    }
    const recent = history.slice(-12);
    const f = forecastMonths(history);
    return {
      key,
      lastMonth,
      forecast: f,
      name: key ? (names.get(key) ?? key) : UNNAMED[dimension],
      recentDemand: recent.reduce((s, p) => s + p.value, 0) / recent.length,
      forecastDemand: f ? f.steps.reduce((s, p) => s + p.mean, 0) / f.steps.length : null,
      students: k.students,
    };
  });
}

/**
 * 专业预警: the warnings of the policy's thresholds over every major and cluster by demand, with their figures, and
 * over every major by its graduates' outcomes (去向落实率, 留郑率) of the latest graduation year measured.
 */
export async function warnings(db: Db): Promise<WarningList> {
  const [majors, clusters, year] = await Promise.all([demandFigures(db, 'major'), demandFigures(db, 'cluster'), latestOutcomeYear(db)]);
  const { article, note, ...thresholds } = forecastPolicy.warnings;
  const { article: outcomeArticle, note: outcomeNote, ...outcomeThresholds } = graduatesPolicy.warnings;
  return {
    article,
    note,
    thresholds,
    items: majorWarnings(majors, clusters, thresholds),
    outcomes: {
      article: outcomeArticle,
      note: outcomeNote,
      graduationYear: year,
      thresholds: outcomeThresholds,
      items: year === null ? [] : await majorOutcomeWarnings(db, year),
    },
  };
}
