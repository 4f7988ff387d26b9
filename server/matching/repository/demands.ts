import { and, desc, eq, or, sql } from 'drizzle-orm';
import { systemClock } from '../../platform/clock.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type { DemandCreate, DemandUpdate } from '../../../contracts/matching.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { demands, enterprises, industryClusters, internshipPosts, organisations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';

const district = alias(organisations, 'demand_district');

const columns = {
  id: demands.id,
  enterpriseId: demands.enterpriseId,
  enterpriseName: organisations.name,
  kind: demands.kind,
  internshipPostId: demands.internshipPostId,
  title: demands.title,
  description: demands.description,
  clusterCode: demands.clusterCode,
  industryCode: demands.industryCode,
  majorCodes: demands.majorCodes,
  skills: demands.skills,
  certificates: demands.certificates,
  districtId: demands.districtId,
  districtName: district.name,
  startDate: demands.startDate,
  endDate: demands.endDate,
  headcount: demands.headcount,
  budgetYuan: demands.budgetYuan,
  monthlyPayYuan: demands.monthlyPayYuan,
  status: demands.status,
  version: demands.version,
  createdAt: demands.createdAt,
};

const select = (db: Db | Tx) =>
  db
    .select(columns)
    .from(demands)
    .innerJoin(organisations, eq(organisations.id, demands.enterpriseId))
    .leftJoin(district, eq(district.id, demands.districtId));

const toApi = <T extends { createdAt: Date }>(r: T) => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Open (and filled or closed) demands are for everyone signed in; drafts only for their enterprise and the bureau. */
const visible = (owner: Access) =>
  owner.kind === 'city' ? undefined : or(sql`${demands.status} <> 'draft'`, scopeWhere(owner, { organisationId: demands.enterpriseId }));

interface DemandFilter {
  kind?: string;
  status?: string;
  enterpriseId?: string;
  clusterCode?: string;
  majorCode?: string;
  districtId?: string;
  page: number;
  pageSize: number;
}

export async function listDemands(db: Db, owner: Access, q: DemandFilter) {
  const where = and(
    visible(owner),
    q.kind ? eq(demands.kind, q.kind as 'talent') : undefined,
    q.status ? eq(demands.status, q.status as 'open') : undefined,
    q.enterpriseId ? eq(demands.enterpriseId, q.enterpriseId) : undefined,
    q.clusterCode ? eq(demands.clusterCode, q.clusterCode) : undefined,
    q.districtId ? eq(demands.districtId, q.districtId) : undefined,
    q.majorCode ? sql`${q.majorCode} = any(${demands.majorCodes})` : undefined,
  );
  const [items, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(demands.createdAt), demands.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(demands)
        .where(where),
    ),
  ]);
  return { items: items.map(toApi), total, page: q.page, pageSize: q.pageSize };
}

export async function getDemand(db: Db | Tx, owner: Access, id: string) {
  const [row] = await select(db).where(and(eq(demands.id, id), visible(owner)));
  if (!row) throw notFound('需求');
  return toApi(row);
}

async function checkCluster(tx: Tx, code: string | null | undefined) {
  if (code == null) return;
  const [c] = await tx.select({ code: industryClusters.code }).from(industryClusters).where(eq(industryClusters.code, code));
  if (!c) throw new AppError('VALIDATION_FAILED', `产业集群 ${code} 不存在`, { fields: { clusterCode: '产业集群不存在' } });
}

function checkTerms(d: {
  kind: string;
  headcount?: number | null;
  budgetYuan?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  internshipPostId?: string | null;
}) {
  if (d.kind === 'technology' ? d.budgetYuan == null && d.headcount == null : d.headcount == null) {
    const field = d.kind === 'technology' ? 'budgetYuan' : 'headcount';
    throw new AppError('VALIDATION_FAILED', d.kind === 'technology' ? '技术难题须填写预算或所需人数' : '请填写需求人数', {
      fields: { [field]: '必填' },
    });
  }
  if (d.startDate && d.endDate && d.endDate < d.startDate)
    throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', { fields: { endDate: '结束日期不能早于开始日期' } });
  if (d.kind === 'internship' && !d.internshipPostId)
    throw new AppError('VALIDATION_FAILED', '实习需求须关联一个实习岗位', { fields: { internshipPostId: '请选择实习岗位' } });
  if (d.kind !== 'internship' && d.internshipPostId)
    throw new AppError('VALIDATION_FAILED', '只有实习需求可以关联实习岗位', {
      fields: { internshipPostId: '只有实习需求可以关联实习岗位' },
    });
}

/**
 * An enterprise posts a demand (the bureau may post for any enterprise). Cluster, industry and district default
 * to the enterprise's registered ones; an internship demand links one of the enterprise's own posts and takes
 * its majors, dates, places and pay from there unless given.
 */
export async function createDemand(tx: Tx, audit: Auditor, actor: Actor, access: Access, input: DemandCreate) {
  const enterpriseId = input.enterpriseId ?? actor.memberships.find((m) => m.role === 'enterprise_admin')?.organisationId;
  const [e] = enterpriseId
    ? await tx
        .select({
          id: organisations.id,
          districtId: organisations.districtId,
          clusterCode: enterprises.clusterCode,
          industryCode: enterprises.industryCode,
        })
        .from(organisations)
        .leftJoin(enterprises, eq(enterprises.organisationId, organisations.id))
        .where(
          and(
            eq(organisations.id, enterpriseId),
            eq(organisations.kind, 'enterprise'),
            scopeWhere(access, { organisationId: organisations.id }),
          ),
        )
    : [];
  if (!e) throw new AppError('NOT_FOUND', '企业不存在或不在您的管理范围内', { fields: { enterpriseId: '企业不存在或不在您的管理范围内' } });
  let post: typeof internshipPosts.$inferSelect | undefined;
  if (input.internshipPostId) {
    [post] = await tx
      .select()
      .from(internshipPosts)
      .where(and(eq(internshipPosts.id, input.internshipPostId), eq(internshipPosts.enterpriseId, e.id)));
    if (!post)
      throw new AppError('NOT_FOUND', '实习岗位不存在或不属于该企业', { fields: { internshipPostId: '实习岗位不存在或不属于该企业' } });
  }
  const values = {
    enterpriseId: e.id,
    kind: input.kind,
    internshipPostId: input.internshipPostId ?? null,
    title: input.title,
    description: input.description ?? null,
    clusterCode: input.clusterCode ?? e.clusterCode ?? null,
    industryCode: input.industryCode ?? e.industryCode ?? null,
    majorCodes: input.majorCodes ?? post?.majorCodes ?? [],
    skills: input.skills ?? [],
    certificates: input.certificates ?? [],
    districtId: input.districtId ?? post?.districtId ?? e.districtId,
    startDate: input.startDate ?? post?.startDate ?? null,
    endDate: input.endDate ?? post?.endDate ?? null,
    headcount: input.headcount ?? post?.places ?? null,
    budgetYuan: input.budgetYuan ?? null,
    monthlyPayYuan: input.monthlyPayYuan ?? post?.monthlyPayYuan ?? null,
    status: input.status,
    createdBy: actor.userId,
  };
  checkTerms(values);
  await checkCluster(tx, values.clusterCode);
  const [row] = await tx.insert(demands).values(values).onConflictDoNothing().returning({ id: demands.id });
  if (!row) throw new AppError('CONFLICT', '该实习岗位已有对应的需求', { fields: { internshipPostId: '该实习岗位已有对应的需求' } });
  await audit.record({ action: 'create', entityType: 'demand', entityId: row.id, after: values });
  return getDemand(tx, access, row.id);
}

export async function updateDemand(tx: Tx, audit: Auditor, access: Access, id: string, input: DemandUpdate) {
  const [d] = await tx
    .select()
    .from(demands)
    .where(and(eq(demands.id, id), scopeWhere(access, { organisationId: demands.enterpriseId })));
  if (!d) throw notFound('需求');
  const { version, ...terms } = input;
  const changed = Object.fromEntries(
    Object.entries(terms).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(d[k as keyof typeof d])),
  );
  // A closed demand keeps its terms; it may only be reopened (status only), then edited.
  if (d.status === 'closed' && Object.keys(changed).some((k) => k !== 'status')) {
    throw new AppError('INVALID_STATE', '需求已关闭，请先重新开放再修改');
  }
  checkTerms({ ...d, ...changed });
  if ('clusterCode' in changed) await checkCluster(tx, changed.clusterCode as string | null);
  const [row] = await tx
    .update(demands)
    .set({ ...changed, version: sql`${demands.version} + 1`, updatedAt: systemClock() })
    .where(and(eq(demands.id, id), eq(demands.version, version)))
    .returning({ id: demands.id });
  if (!row) throw versionConflict();
  await audit.record({
    action: 'update',
    entityType: 'demand',
    entityId: id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, d[k as keyof typeof d]])),
    after: changed,
  });
  return getDemand(tx, access, id);
}
