import { sql } from 'drizzle-orm';
import { FORECAST_METHOD_LABELS, OUTCOME_WARNING_KIND_LABELS, WARNING_KIND_LABELS } from '../../contracts/forecast.ts';
import { buildReport, draftConclusion, draftForeword, type ReportContent, type ReportInput } from '../../core/employment-report/index.ts';
import { majorWarnings } from '../../core/forecast/index.ts';
import { DESTINATION_GROUP_LABELS } from '../../core/graduates/index.ts';
import { employmentReportPolicy, forecastPolicy, graduatesPolicy } from '../../policy/index.ts';
import type { Db } from '../platform/db/engine.ts';
import { demandFigures } from '../forecast/index.ts';
import { destinationTallies, graduateFigures, majorOutcomeWarnings } from '../graduates/index.ts';

const CITY = { kind: 'city' } as const;

/**
 * The figures of one year's report, read city-wide from the capabilities that own them: demand and its forecast
 * from the monthly series (forecast), destinations and the two headline rates (graduates), the warnings judged on
 * the same figures the forecast page judges them on. Returns the drafted content and the drafted texts.
 */
export interface Drafted {
  content: ReportContent;
  foreword: string;
  conclusion: string;
}

export async function draftReport(db: Db, year: number, dataDate: string): Promise<Drafted> {
  const [clusters, majors, city, byDistrict, byCluster, tallies, majorTallies, outcomes] = await Promise.all([
    demandFigures(db, 'cluster'),
    demandFigures(db, 'major'),
    demandFigures(db, 'city'),
    graduateFigures(db, CITY, { graduationYear: year, by: 'district' }),
    graduateFigures(db, CITY, { graduationYear: year, by: 'cluster' }),
    destinationTallies(db, sql`graduate_destinations.graduation_year = ${year}`),
    destinationTallies(
      db,
      sql`graduate_destinations.graduation_year = ${year} and graduate_destinations.survey_point = 'graduation'`,
      'major',
    ),
    majorOutcomeWarnings(db, year),
  ]);
  const point = graduatesPolicy.retention.surveyPoint;
  const byCategory = new Map<string, number>();
  for (const t of tallies) if (t.surveyPoint === point) byCategory.set(t.categoryCode, (byCategory.get(t.categoryCode) ?? 0) + t.n);
  const graduatesOf = new Map<string, number>();
  for (const t of majorTallies) graduatesOf.set(t.key ?? '', (graduatesOf.get(t.key ?? '') ?? 0) + t.n);
  const { article: _a, note: _n, ...thresholds } = forecastPolicy.warnings;
  const cityFigure = city[0];
  const f = cityFigure?.forecast ?? null;
  const input: ReportInput = {
    year,
    dataDate,
    lastMonth: cityFigure?.lastMonth ?? clusters[0]?.lastMonth ?? null,
    clusters,
    majors: majors.map((m) => ({ ...m, graduates: graduatesOf.get(m.key) ?? 0 })),
    destinations: graduatesPolicy.categories
      .filter((c) => byCategory.has(c.code))
      .map((c) => ({ category: c.name, group: DESTINATION_GROUP_LABELS[c.group], n: byCategory.get(c.code)! })),
    surveyPointName: graduatesPolicy.surveyPoints.find((p) => p.code === point)?.name ?? point,
    retention: byDistrict.retention,
    progression: byDistrict.progression,
    byDistrict: byDistrict.rows,
    byCluster: byCluster.rows,
    years: [...byDistrict.years].sort((a, b) => a.graduationYear - b.graduationYear),
    cityForecast: f && {
      method: FORECAST_METHOD_LABELS[f.method],
      relativeMase: f.scores.find((s) => s.method === f.method)?.relative ?? null,
      steps: f.steps,
    },
    warnings: majorWarnings(majors, clusters, thresholds).map((w) => ({ ...w, kindLabel: WARNING_KIND_LABELS[w.kind] })),
    outcomeWarnings: outcomes.map((w) => ({ ...w, kindLabel: OUTCOME_WARNING_KIND_LABELS[w.kind] })),
  };
  return {
    content: buildReport(employmentReportPolicy, input),
    foreword: draftForeword(employmentReportPolicy, input),
    conclusion: draftConclusion(input),
  };
}
