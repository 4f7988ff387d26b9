import type { EmploymentReportPolicy } from './policy.ts';

/**
 * 郑州市产业人才供需与就业状况年度报告, drafted from the platform's figures (二 (五) 16): demand by cluster, supply by
 * major, graduates' destinations, 留郑率 and 中职升学率, the 12-month forecast and the major warnings, each section
 * with a sentence or two written from its figures, its tables (every one carrying the day its figures were read)
 * and a chart. Pure: the figures and the day in, the report's content out; the server gathers the figures and
 * prints the content as an A4 PDF and an .xlsx.
 */
export type Cell = string | number;

export interface ReportColumn {
  title: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface ReportTable {
  caption: string;
  dataDate: string;
  columns: ReportColumn[];
  rows: Cell[][];
  empty?: string;
}

/** A horizontal bar chart of one figure by name; `target` draws the plan's line across it. */
export interface ReportChart {
  caption: string;
  dataDate: string;
  unit: string;
  bars: { label: string; value: number }[];
  target?: number;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface ReportContent {
  title: string;
  year: number;
  dataDate: string;
  /** The last month of the demand series (YYYY-MM), null before the first measurement. */
  lastMonth: string | null;
  sections: ReportSection[];
}

export interface DemandFigure {
  key: string;
  name: string;
  recentDemand: number;
  forecastDemand: number | null;
  students: number;
}

export interface Rate {
  /** In percent with one decimal, as the graduates capability computes it (core/graduates rateOf). */
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface ReportInput {
  year: number;
  dataDate: string;
  lastMonth: string | null;
  clusters: DemandFigure[];
  majors: (DemandFigure & { graduates: number })[];
  /** Destinations of the year's graduates at the retention figure's survey point, by category. */
  destinations: { category: string; group: string; n: number }[];
  surveyPointName: string;
  retention: Rate & { target: number; definition: string };
  progression: Rate & { target: number; definition: string };
  byDistrict: { name: string; retention: Rate; progression: Rate }[];
  byCluster: { name: string; retention: Rate; progression: Rate }[];
  years: { graduationYear: number; retention: Rate; progression: Rate }[];
  cityForecast: {
    method: string;
    relativeMase: number | null;
    steps: { month: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  } | null;
  warnings: {
    kindLabel: string;
    dimension: 'major' | 'cluster';
    name: string;
    recentDemand: number;
    forecastDemand: number;
    students: number;
    change: number | null;
  }[];
  /** Majors warned on their graduates' outcomes (去向落实率, 留郑率), with their shares. */
  outcomeWarnings: { kindLabel: string; name: string; graduates: number; retention: number | null; placement: number | null }[];
}

const one = (x: number) => Math.round(x * 10) / 10;
/** A rate (already in percent), or '—' when nobody is in its denominator. */
const pct = (r: Rate): Cell => (r.value === null ? '—' : r.value);
const pctText = (r: Rate) => (r.value === null ? '暂无数据' : `${r.value}%`);
const change = (recent: number, next: number | null): Cell => (next === null || recent <= 0 ? '—' : one((next / recent - 1) * 100));

/** The drafted text a bureau starts from: what the report is and where its figures come from. */
export function draftForeword(policy: EmploymentReportPolicy, input: ReportInput): string {
  return (
    `根据${policy.article}关于建立人才需求预测和行业就业状况年度发布制度的要求，本报告依据郑州市产教融合平台登记的人才需求、实习岗位、` +
    `在校生和${input.year}届毕业生去向数据生成，数据截至${input.dataDate}${input.lastMonth ? `（需求月度序列至${input.lastMonth}）` : ''}。` +
    `留郑率、中职升学率的统计口径见政策文件，待市教育局确认。`
  );
}

export function draftConclusion(input: ReportInput): string {
  const behind = input.retention.value !== null && input.retention.value < input.retention.target;
  const majors = input.warnings.filter((w) => w.dimension === 'major').length;
  const clusters = input.warnings.filter((w) => w.dimension === 'cluster').length;
  const outcomes = new Set(input.outcomeWarnings.map((w) => w.name)).size;
  return (
    `${input.year}届职业院校毕业生留郑率为${pctText(input.retention)}，${behind ? '低于' : '达到'}方案目标${input.retention.target}%；` +
    `中职毕业生升学率为${pctText(input.progression)}。按预测需求预警的专业${majors}个、缺少对接专业的产业集群${clusters}个，按毕业生去向和留郑率预警的专业${outcomes}个，` +
    `建议相关学校结合预测需求调整招生计划和专业设置。`
  );
}

const rateCols = (first: string): ReportColumn[] => [
  { title: first, width: 3 },
  { title: '留郑率（%）', align: 'right' },
  { title: '留郑人数', align: 'right' },
  { title: '落实去向人数', align: 'right' },
  { title: '中职升学率（%）', align: 'right', width: 1.2 },
  { title: '中职毕业生', align: 'right' },
];
const rateRow = (name: string, r: Rate, p: Rate): Cell[] => [name, pct(r), r.numerator, r.denominator, pct(p), p.denominator];
const largest = <T>(xs: readonly T[], value: (x: T) => number, n: number) => [...xs].sort((a, b) => value(b) - value(a)).slice(0, n);

export function buildReport(policy: EmploymentReportPolicy, input: ReportInput): ReportContent {
  const d = input.dataDate;
  const title = `${policy.title}（${input.year}年度）`;
  const totalRecent = input.clusters.reduce((s, c) => s + c.recentDemand, 0);
  const totalStudents = input.majors.reduce((s, m) => s + m.students, 0);
  const totalGraduates = input.majors.reduce((s, m) => s + m.graduates, 0);
  const placed = input.destinations.reduce((s, x) => s + x.n, 0);
  const withRates = (xs: ReportInput['byDistrict']) => xs.filter((x) => x.retention.denominator > 0);

  const demand: ReportSection = {
    heading: '一、产业人才需求',
    paragraphs: [
      `近12个月全市各产业集群月均人才需求${one(totalRecent)}人（开放人才需求人数与实习岗位剩余名额之和），` +
        `其中需求最多的是${largest(input.clusters, (c) => c.recentDemand, 3)
          .map((c) => c.name)
          .join('、')}。`,
    ],
    charts: [
      {
        caption: '图1 各产业集群近12个月月均人才需求（人）',
        dataDate: d,
        unit: '人',
        bars: largest(input.clusters, (c) => c.recentDemand, policy.chartBars).map((c) => ({ label: c.name, value: one(c.recentDemand) })),
      },
    ],
    tables: [
      {
        caption: '表1 各产业集群人才需求',
        dataDate: d,
        columns: [
          { title: '产业集群', width: 3 },
          { title: '近12个月月均需求', align: 'right' },
          { title: '未来12个月预测月均', align: 'right' },
          { title: '变化（%）', align: 'right' },
          { title: '对接专业在校生', align: 'right' },
        ],
        rows: largest(input.clusters, (c) => c.recentDemand, input.clusters.length).map((c) => [
          c.name,
          one(c.recentDemand),
          c.forecastDemand === null ? '—' : one(c.forecastDemand),
          change(c.recentDemand, c.forecastDemand),
          c.students,
        ]),
        empty: '尚无需求数据',
      },
    ],
  };

  const supply: ReportSection = {
    heading: '二、专业人才供给',
    paragraphs: [
      `全市职业院校登记在校生${totalStudents}人，${input.year}届毕业生${totalGraduates}人，分布在${input.majors.length}个专业。`,
    ],
    charts: [],
    tables: [
      {
        caption: '表2 各专业在校生、毕业生与人才需求',
        dataDate: d,
        columns: [
          { title: '专业', width: 3 },
          { title: '在校生', align: 'right' },
          { title: `${input.year}届毕业生`, align: 'right' },
          { title: '近12个月月均需求', align: 'right' },
          { title: '未来12个月预测月均', align: 'right' },
          { title: '每百名在校生预测需求', align: 'right' },
        ],
        rows: largest(input.majors, (m) => m.students, input.majors.length).map((m) => [
          m.name,
          m.students,
          m.graduates,
          one(m.recentDemand),
          m.forecastDemand === null ? '—' : one(m.forecastDemand),
          m.forecastDemand === null || m.students === 0 ? '—' : one((m.forecastDemand / m.students) * 100),
        ]),
        empty: '尚无专业数据',
      },
    ],
  };

  const destinations: ReportSection = {
    heading: '三、毕业生去向',
    paragraphs: [`${input.year}届毕业生${input.surveyPointName}调查时点登记去向${placed}人，分类如下。`],
    charts: [],
    tables: [
      {
        caption: `表3 ${input.year}届毕业生去向（${input.surveyPointName}）`,
        dataDate: d,
        columns: [
          { title: '去向类别', width: 3 },
          { title: '类', width: 1.5 },
          { title: '人数', align: 'right' },
          { title: '占比（%）', align: 'right' },
        ],
        rows: input.destinations.map((x) => [x.category, x.group, x.n, placed ? one((x.n / placed) * 100) : '—']),
        empty: '本年度尚无毕业生去向',
      },
    ],
  };

  const rates: ReportSection = {
    heading: '四、留郑率与中职升学率',
    paragraphs: [
      `${input.year}届职业院校毕业生留郑率${pctText(input.retention)}（${input.retention.numerator}/${input.retention.denominator}），` +
        `方案目标${input.retention.target}%；中职毕业生升学率${pctText(input.progression)}` +
        `（${input.progression.numerator}/${input.progression.denominator}），方案目标${input.progression.target}%。`,
      `留郑率口径：${input.retention.definition}`,
    ],
    charts: [
      {
        caption: `图2 ${input.year}届毕业生留郑率（%），按区县(市)`,
        dataDate: d,
        unit: '%',
        target: input.retention.target,
        bars: largest(withRates(input.byDistrict), (x) => x.retention.denominator, policy.chartBars).map((x) => ({
          label: x.name,
          value: x.retention.value ?? 0,
        })),
      },
    ],
    tables: [
      {
        caption: '表4 留郑率与中职升学率，按区县(市)',
        dataDate: d,
        columns: rateCols('区县(市)'),
        rows: input.byDistrict.map((x) => rateRow(x.name, x.retention, x.progression)),
        empty: '尚无数据',
      },
      {
        caption: '表5 留郑率与中职升学率，按产业集群',
        dataDate: d,
        columns: rateCols('产业集群'),
        rows: input.byCluster.map((x) => rateRow(x.name, x.retention, x.progression)),
        empty: '尚无数据',
      },
      {
        caption: '表6 历届毕业生留郑率与中职升学率',
        dataDate: d,
        columns: rateCols('毕业年份'),
        rows: input.years.map((y) => rateRow(`${y.graduationYear}届`, y.retention, y.progression)),
        empty: '尚无数据',
      },
    ],
  };

  const f = input.cityForecast;
  const forecast: ReportSection = {
    heading: '五、人才需求预测',
    paragraphs: [
      f
        ? `以全市月度人才需求为序列，经滚动起点回测比较季节朴素法、Holt-Winters 和季节 ARIMA，选用${f.method}` +
          `${f.relativeMase === null ? '' : `（回测误差为季节朴素法的${one(f.relativeMase * 100)}%）`}，预测未来${f.steps.length}个月的需求及其80%、95%区间。`
        : '全市需求月度序列尚不足两个完整季节周期，暂不预测。',
    ],
    charts: [],
    tables: [
      {
        caption: '表7 全市未来12个月人才需求预测（人）',
        dataDate: d,
        columns: [
          { title: '月份' },
          { title: '预测值', align: 'right' },
          { title: '80%区间', align: 'center', width: 1.5 },
          { title: '95%区间', align: 'center', width: 1.5 },
        ],
        rows: (f?.steps ?? []).map((s) => [s.month, one(s.mean), `${one(s.lo80)}–${one(s.hi80)}`, `${one(s.lo95)}–${one(s.hi95)}`]),
        empty: '序列不足，暂不预测',
      },
    ],
  };

  const warnings: ReportSection = {
    heading: '六、专业预警',
    paragraphs: [
      `按政策文件所列阈值，本年度预警专业${input.warnings.filter((w) => w.dimension === 'major').length}个，缺少对接专业的增长集群${input.warnings.filter((w) => w.dimension === 'cluster').length}个。`,
    ],
    charts: [],
    tables: [
      {
        caption: '表8 专业预警',
        dataDate: d,
        columns: [
          { title: '预警类型', width: 1.6 },
          { title: '专业 / 产业集群', width: 2.5 },
          { title: '近12个月月均需求', align: 'right' },
          { title: '预测月均需求', align: 'right' },
          { title: '在校生', align: 'right' },
          { title: '变化（%）', align: 'right' },
        ],
        rows: input.warnings.map((w) => [
          w.kindLabel,
          w.name,
          one(w.recentDemand),
          one(w.forecastDemand),
          w.students,
          w.change === null ? '—' : one(w.change * 100),
        ]),
        empty: '本年度无预警',
      },
      {
        caption: '表9 专业预警（毕业生去向落实率、留郑率）',
        dataDate: d,
        columns: [
          { title: '预警类型', width: 1.6 },
          { title: '专业', width: 2.5 },
          { title: '毕业生', align: 'right' },
          { title: '去向落实率（%）', align: 'right' },
          { title: '留郑率（%）', align: 'right' },
        ],
        rows: input.outcomeWarnings.map((w) => [
          w.kindLabel,
          w.name,
          w.graduates,
          w.placement === null ? '—' : one(w.placement * 100),
          w.retention === null ? '—' : one(w.retention * 100),
        ]),
        empty: '本年度无预警',
      },
    ],
  };

  return {
    title,
    year: input.year,
    dataDate: d,
    lastMonth: input.lastMonth,
    sections: [demand, supply, destinations, rates, forecast, warnings],
  };
}

/** Every table of a report in order (the .xlsx has one sheet each). */
export const tablesOf = (content: ReportContent): ReportTable[] => content.sections.flatMap((s) => s.tables);
