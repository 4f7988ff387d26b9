import { job } from '../../../contracts/jobs.ts';
import { z } from 'zod';
import { seriesDetail, seriesList, seriesListQuery, seriesParams, seriesQuery, warningList } from '../../../contracts/forecast.ts';
import { todayOf } from '../../../core/calendar.ts';
import { AppError } from '../../../core/errors.ts';
import { monthOf } from '../../../core/forecast/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { toJob } from '../../platform/jobs/repository.ts';
import { filled, forecastMonths } from '../forecasts.ts';
import { queueSeries, SERIES_MONTHLY_JOB } from '../job.ts';
import { namesOf, readSeries } from '../repository/series.ts';
import { warnings } from '../warnings.ts';

const UNNAMED = { city: '全市', cluster: '方案所列集群之外', major: '不限专业 / 未登记专业' } as const;
/** '' (the city, “no cluster”, “no major”) travels in a URL as '_'. */
const urlKey = (key: string) => key || '_';

const list = defineRoute({
  method: 'GET',
  url: '/api/forecast/series',
  tags: ['forecast'],
  access: { resource: 'talentForecast', action: 'read' },
  summary: '人才供需月度序列：每个产业集群或专业的最近值、未来12个月预测均值与回测选出的方法',
  query: seriesListQuery,
  response: seriesList,
  async handler({ services, query }) {
    const db = services.database.db;
    const [stored, names] = await Promise.all([readSeries(db, query.measure, query.dimension), namesOf(db, query.dimension)]);
    const lastMonth = stored.reduce<string | null>((m, r) => (m === null || r.month > m ? r.month : m), null);
    const measured = new Set(stored.map((r) => r.month));
    const byKey = new Map<string, typeof stored>();
    for (const r of stored) (byKey.get(r.key) ?? byKey.set(r.key, []).get(r.key)!).push(r);
    const items = [...byKey].map(([key, points]) => {
      const history = filled(points, lastMonth!, measured);
      const f = forecastMonths(history);
      const recent = history.slice(-12);
      const recentMean = recent.reduce((s, p) => s + p.value, 0) / recent.length;
      const next12Mean = f ? f.steps.reduce((s, p) => s + p.mean, 0) / f.steps.length : null;
      return {
        key: urlKey(key),
        name: key ? (names.get(key) ?? key) : UNNAMED[query.dimension],
        months: history.length,
        latest: history[history.length - 1].value,
        next12Mean,
        change: next12Mean !== null && recentMean > 0 ? next12Mean / recentMean - 1 : null,
        method: f?.method ?? null,
        relativeMase: f ? (f.scores.find((s) => s.method === f.method)?.relative ?? null) : null,
      };
    });
    items.sort((a, b) => b.latest - a.latest || a.key.localeCompare(b.key));
    return { dimension: query.dimension, measure: query.measure, lastMonth, items };
  },
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/forecast/series/:dimension/:key',
  tags: ['forecast'],
  access: { resource: 'talentForecast', action: 'read' },
  summary: '一个产业集群或专业的月度序列、12个月预测及80%/95%区间、各方法的回测误差',
  params: seriesParams,
  query: seriesQuery,
  response: seriesDetail,
  async handler({ services, params, query }) {
    const db = services.database.db;
    const key = params.key === '_' ? '' : params.key;
    if (params.dimension === 'city' && key !== '')
      throw new AppError('NOT_FOUND', '全市序列没有代码', { fields: { key: '全市序列的代码为 _' } });
    const [stored, all, names] = await Promise.all([
      readSeries(db, query.measure, params.dimension, key),
      readSeries(db, query.measure, params.dimension),
      namesOf(db, params.dimension),
    ]);
    if (stored.length === 0) throw new AppError('NOT_FOUND', '没有这个产业集群或专业的月度数据', { fields: { key: '没有月度数据' } });
    const lastMonth = all.reduce((m, r) => (r.month > m ? r.month : m), stored[stored.length - 1].month);
    const history = filled(stored, lastMonth, new Set(all.map((r) => r.month)));
    return {
      dimension: params.dimension,
      key: urlKey(key),
      name: key ? (names.get(key) ?? key) : UNNAMED[params.dimension],
      measure: query.measure,
      history,
      forecast: forecastMonths(history),
    };
  },
});

const refresh = defineRoute({
  method: 'POST',
  url: '/api/forecast/series/refresh',
  tags: ['forecast'],
  access: { resource: 'talentForecast', action: 'refresh' },
  summary: '按登记数据重新计量本月的供需序列（后台任务，进度见 /api/jobs/:id；每日也自动运行）',
  body: z.strictObject({}).optional(),
  response: job,
  status: 202,
  async handler({ services, actor, write }) {
    const row = await write(async (tx, audit) => {
      const queued = await queueSeries(tx, actor!.userId, monthOf(todayOf(services.now())));
      await audit.record({ action: 'submit', entityType: 'job', entityId: queued.id, after: { kind: SERIES_MONTHLY_JOB } });
      return queued;
    });
    services.pokeJobs();
    return toJob(row);
  },
});

const warningRoute = defineRoute({
  method: 'GET',
  url: '/api/forecast/warnings',
  tags: ['forecast'],
  access: { resource: 'talentForecast', action: 'read' },
  summary: '专业预警：预测需求下降或不足的专业、需求增长却无在校生专业对接的产业集群（阈值见政策文件），附各项数据',
  response: warningList,
  handler: ({ services }) => warnings(services.database.db),
});

export const forecastRoutes: AnyRoute[] = [list, refresh, warningRoute, detail];
