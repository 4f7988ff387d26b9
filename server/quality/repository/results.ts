import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { notFound } from '../../../core/errors.ts';
import {
  indicatorParts,
  indicatorValues,
  slippingIndicators,
  systemFor,
  trendOf,
  type DimensionResult,
  type IndicatorParts,
  type IndicatorValues,
  type QualitySystem,
} from '../../../core/quality/index.ts';
import type { QualityMonitoring, QualityRanking, QualitySchoolResult } from '../../../contracts/quality.ts';
import { qualityPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { collectedBySchool } from './evaluate.ts';
import { qualitySchoolsSql } from './scope.ts';
import { schoolFacts } from './school-facts.ts';
import { surveyScores } from './survey-scores.ts';
import { commissionedFor } from './commissions.ts';
import { systemOrNotFound } from './system.ts';

/** Reading the stored evaluations: the ranking by dimension, one school's result with its trend, process monitoring. */

const stamp = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`);

async function evaluatedYears(db: Db | Tx): Promise<number[]> {
  return (await rows<{ year: number }>(db, sql`select distinct year from quality_results order by year desc`)).map((r) => r.year);
}

export async function qualityRanking(db: Db, access: Access, year: number | undefined, now: Date): Promise<QualityRanking> {
  const years = await evaluatedYears(db);
  const y = year ?? years[0] ?? Number(todayOf(now).slice(0, 4));
  const system = systemOrNotFound(y);
  const found = await rows<{
    schoolId: string;
    schoolName: string;
    districtName: string | null;
    total: number | null;
    rank: number | null;
    dimensions: DimensionResult[];
    dataDate: string;
    computedAt: string;
  }>(
    db,
    sql`select r.school_id as "schoolId", o.name as "schoolName", d.name as "districtName", r.total, r.rank, r.dimensions,
        r.data_date::text as "dataDate", ${stamp('r.computed_at')} as "computedAt"
      from quality_results r join organisations o on o.id = r.school_id left join organisations d on d.id = o.district_id
      where r.year = ${y} and ${qualitySchoolsSql(access, y)}
      order by r.rank nulls last, o.name_sort, o.id`,
  );
  const [{ ranked }] = (await rows<{ ranked: number }>(
    db,
    sql`select count(rank)::int as ranked from quality_results where year = ${y}`,
  )) as [{ ranked: number }];
  return {
    year: y,
    years,
    dataDate: found[0]?.dataDate ?? null,
    computedAt: found[0]?.computedAt ?? null,
    ranked,
    dimensions: system.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
    items: found.map((r) => ({
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      districtName: r.districtName,
      total: r.total,
      rank: r.rank,
      dimensions: Object.fromEntries(r.dimensions.map((d) => [d.code, d.score])),
    })),
  };
}

/** The school's name and district, when the caller reaches it in the year's evaluation; else 404. */
export async function schoolInScope(db: Db | Tx, access: Access, year: number, schoolId: string) {
  const [s] = await rows<{ id: string; name: string; districtName: string | null }>(
    db,
    sql`select o.id, o.name, d.name as "districtName" from organisations o join schools s on s.organisation_id = o.id
      left join organisations d on d.id = o.district_id where o.id = ${schoolId} and ${qualitySchoolsSql(access, year)}`,
  );
  if (!s) throw notFound('学校');
  return s;
}

function indicatorRows(system: QualitySystem, dims: DimensionResult[] | null, values: IndicatorValues, parts: IndicatorParts) {
  return system.dimensions.map((d) => {
    const r = dims?.find((x) => x.code === d.code);
    return {
      code: d.code,
      name: d.name,
      weight: d.weight,
      computed: r?.computed ?? null,
      adjustment: r?.adjustment ?? 0,
      score: r?.score ?? null,
      parties: system.parties.map((p) => ({ code: p.code, name: p.name, score: r?.parties.find((x) => x.code === p.code)?.score ?? null })),
      indicators: d.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        source: i.source,
        party: system.parties.find((p) => p.code === i.party)?.name ?? i.party,
        floor: i.floor,
        target: i.target,
        value: values[i.code] ?? null,
        score: r?.indicators.find((x) => x.code === i.code)?.score ?? null,
        numerator: parts[i.code]?.numerator ?? null,
        denominator: parts[i.code]?.denominator ?? null,
      })),
    };
  });
}

export async function schoolResult(db: Db, access: Access, year: number, schoolId: string): Promise<QualitySchoolResult> {
  const school = await schoolInScope(db, access, year, schoolId);
  const system = systemOrNotFound(year);
  const [r] = await rows<{
    dataDate: string;
    computedAt: string;
    systemVersion: number;
    total: number | null;
    rank: number | null;
    dimensions: DimensionResult[];
    values: IndicatorValues;
    parts: IndicatorParts;
  }>(
    db,
    sql`select data_date::text as "dataDate", ${stamp('computed_at')} as "computedAt", system_version as "systemVersion", total, rank,
        dimensions, indicator_values as values, indicator_parts as parts
      from quality_results where year = ${year} and school_id = ${schoolId}`,
  );
  if (!r) throw notFound(`${year} 年度的评价结果`);
  const history = await rows<{ year: number; total: number | null; rank: number | null }>(
    db,
    sql`select year, total, rank from quality_results where school_id = ${schoolId} order by year`,
  );
  const [{ ranked }] = (await rows<{ ranked: number }>(
    db,
    sql`select count(rank)::int as ranked from quality_results where year = ${year}`,
  )) as [{ ranked: number }];
  const findings = await rows<QualitySchoolResult['findings'][number]>(
    db,
    sql`select f.dimension, f.text, f.adjustment::float8 as adjustment, e.name as "evaluatorName", f.version, ${stamp('f.updated_at')} as "updatedAt"
      from quality_findings f join quality_commissions c on c.id = f.commission_id join organisations e on e.id = c.evaluator_id
      where c.year = ${year} and f.school_id = ${schoolId} order by f.dimension, e.name`,
  );
  const trend = trendOf(history);
  return {
    year,
    schoolId,
    schoolName: school.name,
    districtName: school.districtName,
    dataDate: r.dataDate,
    computedAt: r.computedAt,
    systemVersion: r.systemVersion,
    total: r.total,
    rank: r.rank,
    ranked,
    dimensions: indicatorRows(system, r.dimensions, r.values, r.parts),
    trend: trend.map((t) => ({ ...t, rank: history.find((h) => h.year === t.year)?.rank ?? null })),
    findings,
    canReview: (await commissionedFor(db, access, year, schoolId)) !== null,
    maxAdjustment: policy.maxAdjustment,
  };
}

/**
 * Process monitoring (三 18): the school's indicators of the running year computed now from the same formulas, and
 * those slipping — short of the floor, or fallen since last year's evaluation (or, without one, since this year's
 * last computation).
 */
export async function monitoring(db: Db, access: Access, schoolId: string, now: Date): Promise<QualityMonitoring> {
  const today = todayOf(now);
  const year = Number(today.slice(0, 4));
  const school = await schoolInScope(db, access, year, schoolId);
  const system = systemOrNotFound(year);
  const [[facts], collected, surveys] = await Promise.all([
    schoolFacts(db, { year, today, schoolIds: [schoolId] }),
    collectedBySchool(db, year, [schoolId]),
    surveyScores(db, year).then((xs) => xs.filter((s) => s.schoolId === schoolId)),
  ]);
  if (!facts) throw notFound('学校');
  const values = indicatorValues(system, facts.facts, surveys, collected.get(schoolId) ?? {});
  const parts = indicatorParts(system, facts.facts, surveys);
  const [last] = await rows<{ year: number; values: IndicatorValues; dataDate: string }>(
    db,
    sql`select year, indicator_values as values, data_date::text as "dataDate" from quality_results
      where school_id = ${schoolId} and year in (${year - 1}, ${year}) order by year limit 1`,
  );
  const names = new Map(system.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, i.name] as const)));
  const slipping = slippingIndicators(policy, system, values, last?.values ?? null);
  return {
    year,
    schoolId,
    schoolName: school.name,
    dataDate: facts.dataDate,
    comparedWith: last ? (last.year < year ? `${last.year} 年度评价结果` : `本年度 ${last.dataDate} 的计算结果`) : null,
    indicators: indicatorRows(system, null, values, parts).flatMap((d) =>
      d.indicators.map((i) => ({ ...i, dimension: d.code, previous: last?.values[i.code] ?? null })),
    ),
    slipping: slipping.map((s) => ({ ...s, name: names.get(s.code) ?? s.code })),
  };
}

/**
 * How many of a school's indicators were slipping at the year's last stored evaluation (the daily run keeps it
 * fresh): the school home's reminder, read from two stored rows instead of recomputing the facts. Null before any.
 */
export async function storedSlippingCount(db: Db | Tx, schoolId: string, year: number): Promise<number | null> {
  const found = await rows<{ year: number; values: IndicatorValues; previous: IndicatorValues | null }>(
    db,
    sql`select year, indicator_values as values, previous_values as previous from quality_results
      where school_id = ${schoolId} and year in (${year - 1}, ${year}) order by year desc`,
  );
  const current = found.find((r) => r.year === year);
  const system = current && systemFor(policy, year);
  if (!current || !system) return null;
  const before = found.find((r) => r.year === year - 1)?.values ?? current.previous;
  return slippingIndicators(policy, system, current.values, before).length;
}
