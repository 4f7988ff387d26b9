import { sql } from 'drizzle-orm';
import {
  evaluateSchool,
  indicatorParts,
  indicatorValues,
  type DimensionCode,
  type QualitySystem,
  type SurveyScore,
} from '../../../core/quality/index.ts';
import { qualityPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { schoolFacts } from './school-facts.ts';

/**
 * Computing and storing schools' evaluations of a year: their facts (school-facts.ts), survey scores and collected
 * values become indicator values, scored with the evaluators' adjustments (core/quality); each school's row is
 * upserted, keeping the values it replaces for process monitoring. `rerank` then ranks the year's schools.
 */

const uuids = (ids: readonly string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** Collected values of a year by school: indicator code → value. */
export async function collectedBySchool(db: Db | Tx, year: number, schoolIds: readonly string[]) {
  const found = await rows<{ schoolId: string; code: string; value: number }>(
    db,
    sql`select school_id as "schoolId", indicator_code as code, value::float8 as value from quality_collected
      where year = ${year} and school_id in ${uuids(schoolIds)}`,
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of found) out.set(r.schoolId, { ...out.get(r.schoolId), [r.code]: r.value });
  return out;
}

/** The commissioned evaluators' adjustments of a year by school: dimension → points. */
export async function adjustmentsBySchool(db: Db | Tx, year: number, schoolIds: readonly string[]) {
  const found = await rows<{ schoolId: string; dimension: DimensionCode; adjustment: number }>(
    db,
    sql`select f.school_id as "schoolId", f.dimension, sum(f.adjustment)::float8 as adjustment from quality_findings f
      join quality_commissions c on c.id = f.commission_id where c.year = ${year} and f.school_id in ${uuids(schoolIds)} group by 1, 2`,
  );
  const out = new Map<string, Partial<Record<DimensionCode, number>>>();
  for (const r of found) out.set(r.schoolId, { ...out.get(r.schoolId), [r.dimension]: r.adjustment });
  return out;
}

/**
 * Evaluates the given schools for the year and upserts their rows in one transaction. The facts are read first on
 * the pool (their queries run side by side, which one transaction's single connection cannot), then written.
 */
export async function evaluateSchools(
  db: Db,
  o: {
    year: number;
    today: string;
    system: QualitySystem;
    schoolIds: readonly string[];
    surveys: readonly SurveyScore[];
    jobId: string | null;
    now: Date;
  },
): Promise<number> {
  if (!o.schoolIds.length) return 0;
  const [facts, collected, adjustments] = await Promise.all([
    schoolFacts(db, { year: o.year, today: o.today, schoolIds: o.schoolIds }),
    collectedBySchool(db, o.year, o.schoolIds),
    adjustmentsBySchool(db, o.year, o.schoolIds),
  ]);
  await db.transaction(async (tx) => {
    for (const f of facts) {
      const surveys = o.surveys.filter((s) => s.schoolId === f.schoolId);
      const values = indicatorValues(o.system, f.facts, surveys, collected.get(f.schoolId) ?? {});
      const parts = indicatorParts(o.system, f.facts, surveys);
      const e = evaluateSchool(policy, o.system, values, adjustments.get(f.schoolId));
      await tx.execute(sql`insert into quality_results (year, school_id, district_id, system_version, data_date, total, dimensions,
        indicator_values, indicator_parts, job_id, computed_at)
      values (${o.year}, ${f.schoolId}, ${f.districtId}, ${o.system.version}, ${f.dataDate}, ${e.total}, ${JSON.stringify(e.dimensions)}::jsonb,
        ${JSON.stringify(values)}::jsonb, ${JSON.stringify(parts)}::jsonb, ${o.jobId}, ${o.now})
      on conflict (year, school_id) do update set district_id = excluded.district_id, system_version = excluded.system_version,
        data_date = excluded.data_date, total = excluded.total, dimensions = excluded.dimensions,
        previous_values = quality_results.indicator_values, indicator_values = excluded.indicator_values,
        indicator_parts = excluded.indicator_parts, job_id = excluded.job_id, computed_at = excluded.computed_at`);
    }
  });
  return facts.length;
}

/** Ranks the year's results by total (standard competition ranking, as core/quality rankByTotal); no total, no rank. */
export async function rerank(db: Db | Tx, year: number): Promise<void> {
  await db.execute(sql`update quality_results r set rank = x.rank from (
      select id, case when total is null then null else rank() over (order by total desc nulls last) end as rank
      from quality_results where year = ${year}) x
    where r.id = x.id and r.rank is distinct from x.rank`);
}

/**
 * Re-scores one school's stored evaluation after an evaluator's finding: the same indicator values, the new
 * adjustments; then the year is re-ranked. Nothing to do before the year has been evaluated.
 */
export async function rescoreSchool(tx: Tx, year: number, schoolId: string, system: QualitySystem): Promise<void> {
  const [stored] = await rows<{ values: Record<string, number | null> }>(
    tx,
    sql`select indicator_values as values from quality_results where year = ${year} and school_id = ${schoolId} for update`,
  );
  if (!stored) return;
  const e = evaluateSchool(policy, system, stored.values, (await adjustmentsBySchool(tx, year, [schoolId])).get(schoolId));
  await tx.execute(sql`update quality_results set total = ${e.total}, dimensions = ${JSON.stringify(e.dimensions)}::jsonb
    where year = ${year} and school_id = ${schoolId}`);
  await rerank(tx, year);
}
