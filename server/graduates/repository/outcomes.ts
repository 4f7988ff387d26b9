import { sql } from 'drizzle-orm';
import { groupOf, latestMeasuredYear, outcomeWarnings, rateParts, type MajorOutcome } from '../../../core/graduates/index.ts';
import { graduatesPolicy as policy } from '../../../policy/index.ts';
import type { Db } from '../../platform/db/engine.ts';
import { destinationTallies } from './figures.ts';

/**
 * Each major's outcomes for a graduation year at the 留郑率 survey point — graduates recorded, those with a
 * destination, and 留郑率's parts — and the 专业预警 the policy's thresholds (graduates.warnings) draw from them.
 */
export async function majorOutcomes(db: Db, year: number): Promise<MajorOutcome[]> {
  const point = policy.retention.surveyPoint;
  const tallies = await destinationTallies(
    db,
    sql`graduate_destinations.graduation_year = ${year} and graduate_destinations.survey_point = ${point}`,
    'major',
  );
  const byMajor = Map.groupBy(
    tallies.filter((t) => t.key !== null),
    (t) => t.key!,
  );
  return [...byMajor].map(([key, ts]) => ({
    key,
    name: ts[0]!.name ?? key,
    retention: rateParts(policy, 'retention', ts),
    graduates: ts.reduce((s, t) => s + t.n, 0),
    placed: ts.filter((t) => groupOf(policy, t.categoryCode) !== 'unplaced').reduce((s, t) => s + t.n, 0),
  }));
}

export async function majorOutcomeWarnings(db: Db, year: number) {
  const { article: _a, note: _n, ...thresholds } = policy.warnings;
  return outcomeWarnings(await majorOutcomes(db, year), thresholds);
}

/** The latest graduation year with 留郑率 data: the year the outcome warnings judge. */
export async function latestOutcomeYear(db: Db): Promise<number | null> {
  const tallies = await destinationTallies(db, sql`graduate_destinations.survey_point = ${policy.retention.surveyPoint}`);
  return latestMeasuredYear(policy, 'retention', tallies);
}
