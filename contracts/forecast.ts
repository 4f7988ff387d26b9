import { z } from 'zod';

/** 人才供需月度序列与预测 (二 (五) 16). */
export const SERIES_MEASURES = ['demands', 'headcount', 'posts', 'places', 'students', 'seeking'] as const;
export type SeriesMeasure = (typeof SERIES_MEASURES)[number];
export const SERIES_MEASURE_LABELS: Record<SeriesMeasure, string> = {
  demands: '开放的人才需求（条）',
  headcount: '人才需求人数',
  posts: '在招实习岗位（个）',
  places: '实习岗位剩余名额',
  students: '在校生',
  seeking: '求实习未落实学生',
};
export const SERIES_DIMENSIONS = ['city', 'cluster', 'major'] as const;
export const SERIES_DIMENSION_LABELS: Record<(typeof SERIES_DIMENSIONS)[number], string> = {
  city: '全市',
  cluster: '产业集群',
  major: '专业',
};
export const FORECAST_METHODS = ['seasonal-naive', 'holt-winters', 'sarima-airline', 'sarima-ar1'] as const;
export const FORECAST_METHOD_LABELS: Record<(typeof FORECAST_METHODS)[number], string> = {
  'seasonal-naive': '季节朴素法',
  'holt-winters': 'Holt-Winters 加法季节指数平滑',
  'sarima-airline': 'SARIMA(0,1,1)(0,1,1)₁₂（航空模型）',
  'sarima-ar1': 'SARIMA(1,0,0)(0,1,1)₁₂ 含漂移',
};

const measure = z.enum(SERIES_MEASURES).default('headcount').describe('序列指标');
const dimension = z.enum(SERIES_DIMENSIONS);

export const seriesListQuery = z.strictObject({
  dimension: dimension.default('cluster'),
  measure,
});
export const seriesParams = z.strictObject({
  dimension,
  key: z
    .string()
    .max(40)
    .regex(/^[a-z0-9_]*$/, '集群或专业代码格式不正确')
    .describe('产业集群代码或6位专业代码；全市或“未登记”为 _'),
});
export const seriesQuery = z.strictObject({ measure });

const score = z.object({
  method: z.enum(FORECAST_METHODS),
  mase: z.number().describe('滚动起点回测的平均 MASE'),
  relative: z.number().nullable().describe('相对季节朴素法的 MASE（季节朴素法 = 1）'),
});
const choice = z.object({
  method: z.enum(FORECAST_METHODS).describe('回测选出的方法'),
  origins: z.number().int(),
  scores: z.array(score),
});

export const seriesList = z.object({
  dimension,
  measure: z.enum(SERIES_MEASURES),
  /** Months of history the list was forecast from (the latest month last). */
  lastMonth: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      months: z.number().int().describe('已有历史月数'),
      latest: z.number(),
      /** Mean of the 12 forecast months; null while the history is shorter than two years. */
      next12Mean: z.number().nullable(),
      change: z.number().nullable().describe('未来12个月均值相对最近12个月均值的变化率'),
      method: z.enum(FORECAST_METHODS).nullable(),
      relativeMase: z.number().nullable(),
    }),
  ),
});

export const seriesDetail = z.object({
  dimension,
  key: z.string(),
  name: z.string(),
  measure: z.enum(SERIES_MEASURES),
  history: z.array(z.object({ month: z.string(), value: z.number(), source: z.enum(['register', 'demo']) })),
  /** Null while the history is shorter than two years (24 months). */
  forecast: choice
    .extend({
      steps: z.array(
        z.object({ month: z.string(), mean: z.number(), lo80: z.number(), hi80: z.number(), lo95: z.number(), hi95: z.number() }),
      ),
    })
    .nullable(),
});

export const WARNING_KINDS = ['demand_falling', 'demand_low', 'cluster_without_majors'] as const;
export const WARNING_KIND_LABELS: Record<(typeof WARNING_KINDS)[number], string> = {
  demand_falling: '预测需求下降',
  demand_low: '需求不足（每百名在校生）',
  cluster_without_majors: '增长集群缺对接专业',
};
export const OUTCOME_WARNING_KINDS = ['retention_low', 'placement_low'] as const;
export const OUTCOME_WARNING_KIND_LABELS: Record<(typeof OUTCOME_WARNING_KINDS)[number], string> = {
  retention_low: '留郑率偏低',
  placement_low: '去向落实率偏低',
};
export const warningList = z.object({
  article: z.string(),
  note: z.string(),
  thresholds: z.object({ demandDropShare: z.number(), minDemandPer100Students: z.number(), clusterGrowthShare: z.number() }),
  items: z.array(
    z.object({
      kind: z.enum(WARNING_KINDS),
      dimension: z.enum(['major', 'cluster']),
      key: z.string(),
      name: z.string(),
      recentDemand: z.number().describe('最近12个月需求月均值（人才需求人数 + 实习岗位剩余名额）'),
      forecastDemand: z.number().describe('未来12个月预测需求月均值'),
      students: z.number().describe('在校生'),
      change: z.number().nullable(),
      demandPer100Students: z.number().nullable(),
    }),
  ),
  /** 专业预警 on graduates' outcomes (去向落实率, 留郑率) of the latest graduation year measured (graduates.warnings). */
  outcomes: z.object({
    article: z.string(),
    note: z.string(),
    graduationYear: z.number().nullable(),
    thresholds: z.object({ minRetentionShare: z.number(), minPlacementShare: z.number(), minGraduates: z.number() }),
    items: z.array(
      z.object({
        kind: z.enum(OUTCOME_WARNING_KINDS),
        key: z.string(),
        name: z.string(),
        graduates: z.number(),
        retention: z.number().nullable(),
        placement: z.number().nullable(),
      }),
    ),
  }),
});

export type WarningList = z.infer<typeof warningList>;

/** The warnings as the bureau published them to schools; `mine` marks the majors a school's programmes teach. */
export const publishedWarnings = z.object({
  publication: z
    .object({
      id: z.string(),
      publishedOn: z.string(),
      publishedBy: z.string().nullable(),
      warnings: warningList,
    })
    .nullable(),
  /** Major codes of the caller's own school programmes (empty for staff of the city, departments, districts). */
  myMajors: z.array(z.string()),
});
