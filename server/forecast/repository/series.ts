import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { SeriesMeasure } from '../../../contracts/forecast.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { talentSeries } from '../../platform/db/schema/index.ts';

export type SeriesDimension = 'city' | 'cluster' | 'major';
export interface SeriesPoint {
  measure: SeriesMeasure;
  dimension: SeriesDimension;
  key: string;
  value: number;
}

/**
 * What the register says today, per measure and key of one dimension:
 * - demand — open talent demands (`demands`, and the people they want, `headcount`) and published internship posts
 *   still taking interns (`posts`, and their places left, `places`); a demand's or post's cluster is its own or else
 *   its enterprise's; a demand or post naming several majors counts under each, one naming none under '' (不限专业).
 * - supply — enrolled students (`students`) and those of them seeking an internship who hold no accepted one
 *   (`seeking`), by the major of their program; by cluster a student counts under every cluster the major feeds.
 * The city dimension counts each demand, post and student once (key '').
 */
export async function measureRegister(db: Db | Tx, dimension: SeriesDimension, today: string): Promise<SeriesPoint[]> {
  const demandKey = {
    city: sql`''`,
    cluster: sql`coalesce(i.cluster, '')`,
    major: sql`m.code`,
  }[dimension];
  const demand = await rows<{ kind: 'demand' | 'post'; key: string; n: number; v: number }>(
    db,
    sql`
    with i as (
      select 'demand' as kind, coalesce(d.headcount, 0) as v, coalesce(d.cluster_code, e.cluster_code) as cluster, d.major_codes as majors
      from demands d left join enterprises e on e.organisation_id = d.enterprise_id
      where d.status = 'open' and d.kind = 'talent'
      union all
      select 'post', p.places - p.places_taken, coalesce(dm.cluster_code, e.cluster_code), p.major_codes
      from internship_posts p
      left join enterprises e on e.organisation_id = p.enterprise_id
      left join demands dm on dm.internship_post_id = p.id
      where p.status = 'published' and p.places > p.places_taken and p.end_date >= ${today}
    )
    select i.kind, ${demandKey} as key, count(*)::int as n, sum(i.v)::int as v from i
    ${dimension === 'major' ? sql`cross join lateral (select unnest(case when cardinality(i.majors) = 0 then array['']::text[] else i.majors end) as code) m` : sql``}
    group by 1, 2`,
  );
  const supplyKey = { city: sql`''`, cluster: sql`coalesce(cm.cluster_code, '')`, major: sql`coalesce(mj.code, '')` }[dimension];
  const supply = await rows<{ key: string; students: number; seeking: number }>(
    db,
    sql`
    select ${supplyKey} as key, count(*)::int as students,
      (count(*) filter (where sp.seeking_internship and not exists (
        select 1 from internship_applications a where a.student_id = s.id and a.status = 'accepted')))::int as seeking
    from students s
    left join programs pr on pr.id = s.program_id
    left join majors mj on mj.id = pr.major_id
    left join student_profiles sp on sp.student_id = s.id
    ${dimension === 'cluster' ? sql`left join cluster_majors cm on cm.major_code = mj.code` : sql``}
    where s.status = 'enrolled' and s.archived_at is null
    group by 1`,
  );
  const out: SeriesPoint[] = [];
  for (const r of demand) {
    out.push({ measure: r.kind === 'demand' ? 'demands' : 'posts', dimension, key: r.key, value: r.n });
    out.push({ measure: r.kind === 'demand' ? 'headcount' : 'places', dimension, key: r.key, value: r.v });
  }
  for (const r of supply) {
    out.push({ measure: 'students', dimension, key: r.key, value: r.students });
    out.push({ measure: 'seeking', dimension, key: r.key, value: r.seeking });
  }
  return out;
}

/**
 * Writes one month's values of one dimension: an upsert per series, then the month's register rows of that
 * dimension that today's measurement no longer has are removed (a key whose last demand closed). In one
 * transaction, so a re-run of the month gives the same rows, never a second copy.
 */
export async function writeMonth(
  tx: Tx,
  month: string,
  dimension: SeriesDimension,
  points: readonly SeriesPoint[],
  source: 'register' | 'demo',
  measuredAt: Date,
) {
  const CHUNK = 1000;
  for (let i = 0; i < points.length; i += CHUNK) {
    await tx
      .insert(talentSeries)
      .values(
        points.slice(i, i + CHUNK).map((p) => ({ month, measure: p.measure, dimension, key: p.key, value: p.value, source, measuredAt })),
      )
      .onConflictDoUpdate({
        target: [talentSeries.measure, talentSeries.dimension, talentSeries.key, talentSeries.month],
        set: { value: sql`excluded.value`, source: sql`excluded.source`, measuredAt: sql`excluded.measured_at` },
      });
  }
  const kept = points.map((p) => `${p.measure}|${p.key}`);
  await tx
    .delete(talentSeries)
    .where(
      and(
        eq(talentSeries.month, month),
        eq(talentSeries.dimension, dimension),
        ...(kept.length ? [notInArray(sql`${talentSeries.measure} || '|' || ${talentSeries.key}`, kept)] : []),
      ),
    );
}

/** Every series of a measure and dimension, oldest month first. */
export async function readSeries(db: Db, measure: SeriesMeasure, dimension: SeriesDimension, key?: string) {
  return db
    .select({ key: talentSeries.key, month: talentSeries.month, value: talentSeries.value, source: talentSeries.source })
    .from(talentSeries)
    .where(
      and(
        eq(talentSeries.measure, measure),
        eq(talentSeries.dimension, dimension),
        ...(key !== undefined ? [eq(talentSeries.key, key)] : []),
      ),
    )
    .orderBy(asc(talentSeries.key), asc(talentSeries.month));
}

/** Names of clusters and majors (the majors' latest edition's name). */
export async function namesOf(db: Db, dimension: SeriesDimension): Promise<Map<string, string>> {
  if (dimension === 'city') return new Map([['', '全市']]);
  const list = await rows<{ key: string; name: string }>(
    db,
    dimension === 'cluster'
      ? sql`select code as key, name from industry_clusters`
      : sql`select distinct on (m.code) m.code as key, m.name from majors m join catalogue_editions e on e.id = m.edition_id order by m.code, e.edition desc`,
  );
  return new Map(list.map((r) => [r.key, r.name]));
}
