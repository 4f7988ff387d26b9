import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { byUrgency, rollUp, rollUpBy, shareStanding } from '../../../core/internships/post-share.ts';
import { yearSpan } from '../../../core/internships/placement-rate.ts';
import type { EnterprisePostShare, PostShareQuery } from '../../../contracts/internship-stats.ts';
import type { Db } from '../../platform/db/engine.ts';
import { enterprises, industryClusters, internshipApplications, internshipPosts, organisations } from '../../platform/db/schema/index.ts';
import { planRange } from '../../platform/plan-targets.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { isPlaced, offeredPlaces, postInYear } from './placed.ts';

/**
 * The plan's 2%–3% internship-post target per enterprise (二 (二) 5; 任务清单 7), for the enterprise itself, its
 * district and the bureau. The counts come from SQL, the standing from the core; the enterprises of a scope
 * (at most the city's ~20,000) are ranked and rolled up in memory so filtering by standing uses the core's rule.
 */
export const shareRange = () => planRange('internship_posts_share');

const district = alias(organisations, 'district');

interface Filters {
  districtId?: string;
  clusterCode?: string;
  applicableOnly?: boolean;
  q?: string;
  enterpriseId?: string;
}

async function shareRows(db: Db, access: Access, year: number, f: Filters): Promise<EnterprisePostShare[]> {
  const span = yearSpan(year);
  const offered = offeredPlaces(year);
  const accepted = db
    .select({ enterpriseId: internshipApplications.enterpriseId, interns: sql<number>`count(*)::int`.as('interns') })
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .where(and(isPlaced(), postInYear(span)))
    .groupBy(internshipApplications.enterpriseId)
    .as('accepted');
  const list = await db
    .select({
      enterpriseId: organisations.id,
      enterpriseName: organisations.name,
      districtId: organisations.districtId,
      districtName: district.name,
      clusterCode: enterprises.clusterCode,
      clusterName: industryClusters.name,
      staffCount: enterprises.staffCount,
      aboveDesignatedSize: enterprises.aboveDesignatedSize,
      placesOffered: sql<number>`coalesce(${offered.places}, 0)::int`,
      internsAccepted: sql<number>`coalesce(${accepted.interns}, 0)::int`,
    })
    .from(organisations)
    .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .leftJoin(district, eq(district.id, organisations.districtId))
    .leftJoin(industryClusters, eq(industryClusters.code, enterprises.clusterCode))
    .leftJoin(offered, eq(offered.enterpriseId, organisations.id))
    .leftJoin(accepted, eq(accepted.enterpriseId, organisations.id))
    .where(
      and(
        eq(organisations.kind, 'enterprise'),
        eq(organisations.status, 'active'),
        scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
        f.enterpriseId ? eq(organisations.id, f.enterpriseId) : undefined,
        f.districtId ? eq(organisations.districtId, f.districtId) : undefined,
        f.clusterCode ? eq(enterprises.clusterCode, f.clusterCode) : undefined,
        f.applicableOnly ? eq(enterprises.aboveDesignatedSize, true) : undefined,
        f.q ? ilike(organisations.name, `%${escapeLike(f.q)}%`) : undefined,
      ),
    )
    .orderBy(asc(organisations.name));
  const range = shareRange();
  return list.map((e) => {
    const s = shareStanding(e, range);
    return {
      ...e,
      placesShare: s.placesShare,
      internsShare: s.internsShare,
      placesStatus: s.placesStatus,
      internsStatus: s.internsStatus,
      minPosts: s.minPosts,
      maxPosts: s.maxPosts,
      aboveMax: s.aboveMax,
    };
  });
}

export async function listPostShares(db: Db, access: Access, year: number, q: PostShareQuery) {
  const all = (await shareRows(db, access, year, q)).filter((e) => !q.status || e.placesStatus === q.status).sort(byUrgency);
  const range = shareRange();
  return {
    year,
    target: range,
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    totals: rollUp(null, '合计', all, range),
  };
}

/** One enterprise's standing; another enterprise (or one outside the district) is not found. */
export async function getPostShare(db: Db, access: Access, year: number, enterpriseId: string) {
  const [enterprise] = await shareRows(db, access, year, { enterpriseId });
  if (!enterprise) throw notFound('企业');
  return { year, target: shareRange(), enterprise };
}

/** The scope's enterprises rolled up by district or by industry cluster. */
export async function postShareRollups(db: Db, access: Access, year: number, by: 'district' | 'cluster') {
  const all = await shareRows(db, access, year, {});
  const range = shareRange();
  const names = new Map<string | null, string>();
  for (const e of all) {
    if (by === 'district') names.set(e.districtId, e.districtName ?? '未登记区县');
    else names.set(e.clusterCode, e.clusterName ?? '未归入产业集群');
  }
  const rows = rollUpBy(
    all,
    (e) => (by === 'district' ? e.districtId : e.clusterCode),
    (k) => names.get(k) ?? '',
    range,
  );
  return { year, target: range, by, rows, totals: rollUp(null, '合计', all, range) };
}
