import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';

/**
 * The bureau's view: recognised conversions by target school, by industry cluster (of the target program's
 * major) and by outcome kind. A district sees its district's schools. Credits are net of compensations.
 */
export async function conversionStats(db: Db, access: Access, q: { from?: string; to?: string }) {
  const districts = access.kind === 'limited' ? access.districtIds : null;
  const inDistricts = (col: ReturnType<typeof sql.raw>) =>
    districts
      ? districts.length
        ? sql`and ${col} in (${sql.join(
            districts.map((d) => sql`${d}`),
            sql`, `,
          )})`
        : sql`and false`
      : sql``;
  const scope = inDistricts(sql.raw('s.district_id'));
  const period = sql`${q.from ? sql`and i.decided_at >= ${q.from}::date` : sql``} ${q.to ? sql`and i.decided_at < (${q.to}::date + 1)` : sql``}`;
  const base = sql`
    from credit_transfer_items i
    join credit_transfers t on t.id = i.transfer_id
    join organisations s on s.id = t.school_id
    join learning_outcomes o on o.id = i.outcome_id
    left join lateral (select coalesce(sum(l.credits), 0) as net from credit_ledger l where l.transfer_item_id = i.id) n on true
    where i.status in ('autoRecognised', 'recognised') ${scope} ${period}`;
  const [bySchool, byCluster, byKind, totals] = await Promise.all([
    rows<{ school_id: string; school_name: string; recognitions: number; credits: string; auto: number }>(
      db,
      sql`
      select s.id as school_id, s.name as school_name, count(*)::int as recognitions, sum(n.net) as credits,
             count(*) filter (where i.status = 'autoRecognised')::int as auto
      ${base} group by s.id, s.name order by sum(n.net) desc, s.name`,
    ),
    rows<{ cluster_code: string | null; cluster_name: string | null; recognitions: number; credits: string }>(
      db,
      sql`
      select cm.cluster_code, c.name as cluster_name, count(*)::int as recognitions, sum(n.net) as credits
      from credit_transfer_items i
      join credit_transfers t on t.id = i.transfer_id
      join organisations s on s.id = t.school_id
      join programs p on p.id = t.program_id
      join majors m on m.id = p.major_id
      left join cluster_majors cm on cm.major_code = m.code
      left join industry_clusters c on c.code = cm.cluster_code
      left join lateral (select coalesce(sum(l.credits), 0) as net from credit_ledger l where l.transfer_item_id = i.id) n on true
      where i.status in ('autoRecognised', 'recognised') ${scope} ${period}
      group by cm.cluster_code, c.name order by sum(n.net) desc`,
    ),
    rows<{ kind: string; recognitions: number; credits: string }>(
      db,
      sql`
      select o.kind, count(*)::int as recognitions, sum(n.net) as credits ${base} group by o.kind order by o.kind`,
    ),
    rows<{ accounts: number; outcomes: number; pending: number }>(
      db,
      sql`
      select (select count(*)::int from credit_accounts a where true ${inDistricts(sql.raw('a.district_id'))}) as accounts,
             (select count(*)::int from learning_outcomes o where o.status = 'active' ${inDistricts(sql.raw('o.district_id'))}) as outcomes,
             (select count(*)::int from credit_transfer_items i join credit_transfers t on t.id = i.transfer_id join organisations s on s.id = t.school_id
                where i.status = 'pendingReview' ${scope}) as pending`,
    ),
  ]);
  const r2 = (v: string | number | null) => Math.round(Number(v ?? 0) * 100) / 100;
  return {
    totals: {
      accounts: totals[0]?.accounts ?? 0,
      outcomes: totals[0]?.outcomes ?? 0,
      recognitions: bySchool.reduce((s, r) => s + r.recognitions, 0),
      recognisedCredits: r2(bySchool.reduce((s, r) => s + Number(r.credits), 0)),
      pendingReview: totals[0]?.pending ?? 0,
    },
    bySchool: bySchool.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      recognitions: r.recognitions,
      credits: r2(r.credits),
      autoShare: r.recognitions ? Math.round((r.auto / r.recognitions) * 1000) / 1000 : 0,
    })),
    byCluster: byCluster.map((r) => ({
      clusterCode: r.cluster_code,
      clusterName: r.cluster_name ?? '未归入产业集群',
      recognitions: r.recognitions,
      credits: r2(r.credits),
    })),
    byKind: byKind.map((r) => ({ kind: r.kind as 'schoolCourse', recognitions: r.recognitions, credits: r2(r.credits) })),
  };
}
