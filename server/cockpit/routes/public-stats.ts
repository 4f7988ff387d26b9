import { publicStatistics } from '../../../contracts/cockpit.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { targetProgress } from '../indicators/cockpit.ts';
import { latestSnapshot, publications } from '../repository/indicators.ts';
import { currentPlan } from '../../../policy/index.ts';

/**
 * Public statistics: the city-wide values of the indicators the bureau has published, nothing else (no
 * district figures, no records). Rate-limited per client; built per app for a per-process window.
 */
export function publicStatsRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(120, 60);
  const stats = defineRoute({
    method: 'GET',
    url: '/api/public/statistics',
    tags: ['public'],
    access: 'public',
    summary: '公开统计：市教育局选择发布的指标（全市数值、目标和进度）',
    response: publicStatistics,
    async handler({ services, req }) {
      limiter.hit(req.ip);
      const db = services.database.db;
      const [pubs, snapshot] = await Promise.all([publications(db), latestSnapshot(db, 'city')]);
      const now = services.now();
      const items = currentPlan.targets
        .filter((t) => pubs.get(t.code)?.published)
        .map((t) => {
          const p = targetProgress(t.code, snapshot?.payload ?? null, true, now);
          return {
            code: p.code,
            name: p.name,
            article: p.article,
            unit: p.unit,
            comparator: p.comparator,
            goal: p.goal,
            min: p.min,
            max: p.max,
            deadline: p.deadline,
            value: p.value,
            progress: p.progress,
            status: p.status,
            measuredAt: p.measuredAt,
          };
        });
      return { plan: { document: currentPlan.document, title: currentPlan.title }, computedAt: snapshot?.computedAt ?? null, items };
    },
  });
  return [stats];
}
