import { and, asc, desc, eq, ilike, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, type Access } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import { enterpriseExpectations } from '../../../core/registry/enterprise-expectations.ts';
import type {
  Enterprise,
  EnterpriseCreate,
  EnterpriseDetail,
  EnterpriseListQuery,
  EnterpriseUpdate,
} from '../../../contracts/enterprises.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { enterpriseRegistrations, enterprises, industryClusters, organisations } from '../../platform/db/schema/index.ts';
import { planRange, planShare } from '../../platform/plan-targets.ts';
import { reindexEntity } from '../../search/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { industryNameSql } from '../../catalogues/index.ts';
import { assertUsccFree, checkedUscc, checkEnterpriseRefs, isUniqueViolation, usccTaken } from './enterprise-refs.ts';
import { countOf } from '../../platform/db/paging.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { syncNameSort } from './name-sort.ts';

const district = alias(organisations, 'district');

const columns = {
  id: organisations.id,
  name: organisations.name,
  uscc: organisations.code,
  districtId: organisations.districtId,
  districtName: district.name,
  size: enterprises.size,
  industryCode: enterprises.industryCode,
  industryName: industryNameSql(enterprises.industryCode),
  clusterCode: enterprises.clusterCode,
  clusterName: industryClusters.name,
  staffCount: enterprises.staffCount,
  payrollYuan: enterprises.payrollYuan,
  aboveDesignatedSize: enterprises.aboveDesignatedSize,
  integrationStatus: enterprises.integrationStatus,
  status: organisations.status,
  isDemo: organisations.isDemo,
  version: organisations.version,
};

function selectEnterprises(db: Db | Tx) {
  return db
    .select(columns)
    .from(organisations)
    .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .leftJoin(district, eq(district.id, organisations.districtId))
    .leftJoin(industryClusters, eq(industryClusters.code, enterprises.clusterCode));
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId });

const SORTS: Record<EnterpriseListQuery['sort'], SQL> = {
  name: asc(organisations.nameSort),
  '-name': desc(organisations.nameSort),
  uscc: asc(organisations.code),
  '-uscc': desc(organisations.code),
  staff: asc(enterprises.staffCount),
  '-staff': desc(enterprises.staffCount),
  updated: asc(organisations.updatedAt),
  '-updated': desc(organisations.updatedAt),
};

/** The list's scope and filters: the page and the export select the same enterprises. */
export function enterpriseListWhere(access: Access, q: EnterpriseListQuery) {
  return and(
    scoped(access),
    q.status ? eq(organisations.status, q.status) : q.includeArchived ? undefined : ne(organisations.status, 'archived'),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.size ? eq(enterprises.size, q.size) : undefined,
    q.industryCode ? like(enterprises.industryCode, `${q.industryCode}%`) : undefined,
    q.clusterCode ? eq(enterprises.clusterCode, q.clusterCode) : undefined,
    q.aboveDesignatedSize !== undefined ? eq(enterprises.aboveDesignatedSize, q.aboveDesignatedSize) : undefined,
    q.integrationStatus ? eq(enterprises.integrationStatus, q.integrationStatus) : undefined,
    q.q ? or(ilike(organisations.name, `%${escapeLike(q.q)}%`), eq(organisations.code, q.q.toUpperCase())) : undefined,
  );
}

export async function listEnterprises(db: Db, access: Access, q: EnterpriseListQuery) {
  await syncNameSort(db, 'organisations');
  const where = enterpriseListWhere(access, q);
  const [items, total] = await Promise.all([
    selectEnterprises(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(organisations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(organisations)
        .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
        .where(where),
    ),
  ]);
  return { items: items as Enterprise[], total, page: q.page, pageSize: q.pageSize };
}

/** An enterprise the access reaches, or NOT_FOUND: another enterprise's record does not exist for the caller. */
export async function getEnterprise(db: Db | Tx, access: Access, id: string): Promise<Enterprise> {
  const [row] = await selectEnterprises(db).where(and(eq(organisations.id, id), scoped(access)));
  if (!row) throw notFound('企业');
  return row as Enterprise;
}

/** The record with what the plan expects of it, the figures read from the policy file by rule code. */
export async function getEnterpriseDetail(db: Db, access: Access, id: string): Promise<EnterpriseDetail> {
  const e = await getEnterprise(db, access, id);
  const expectations = enterpriseExpectations(e, {
    internshipPosts: planRange('internship_posts_share'),
    trainingFund: planRange('training_fund_share'),
    trainingFundFrontline: planShare('training_fund_frontline_share'),
  });
  return { ...e, expectations };
}

export async function createEnterprise(tx: Tx, audit: Auditor, access: Access, input: EnterpriseCreate, now: Date): Promise<Enterprise> {
  const uscc = checkedUscc(input.uscc);
  await checkEnterpriseRefs(tx, input, access);
  await assertUsccFree(tx, uscc);
  const id = await insertEnterprise(tx, { ...input, uscc }, 'active', now);
  await reindexEntity(tx, 'enterprise', id);
  const after = await getEnterprise(tx, { kind: 'city' }, id);
  await audit.record({ action: 'create', entityType: 'enterprise', entityId: id, after: auditable(after) });
  return after;
}

/** The organisation and its enterprise row; `status` is `pending` for a self-registration. */
export async function insertEnterprise(tx: Tx, input: EnterpriseCreate, status: 'active' | 'pending', now: Date): Promise<string> {
  try {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: 'enterprise',
        name: input.name,
        code: input.uscc,
        districtId: input.districtId,
        status,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organisations.id });
    await tx
      .insert(enterprises)
      .values({ ...profileOf(input), organisationId: org!.id, createdAt: now, updatedAt: now } as typeof enterprises.$inferInsert);
    return org!.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw usccTaken();
    throw err;
  }
}

const profileOf = (input: Partial<EnterpriseCreate>) =>
  ({
    ...(input.size !== undefined && { size: input.size }),
    ...(input.industryCode !== undefined && { industryCode: input.industryCode }),
    ...(input.clusterCode !== undefined && { clusterCode: input.clusterCode }),
    ...(input.staffCount !== undefined && { staffCount: input.staffCount }),
    ...(input.payrollYuan !== undefined && { payrollYuan: input.payrollYuan }),
    ...(input.aboveDesignatedSize !== undefined && { aboveDesignatedSize: input.aboveDesignatedSize }),
  }) as Partial<typeof enterprises.$inferInsert>;

/** How far the caller reaches for the edits that are not the enterprise's own to make. */
export interface EditPowers {
  /** enterprise.correct: the code and the district. */
  correct: Access;
  /** enterprise.certify: the 产教融合型企业 status. */
  certify: Access;
}

export async function updateEnterprise(
  tx: Tx,
  audit: Auditor,
  access: Access,
  powers: EditPowers,
  id: string,
  change: EnterpriseUpdate,
  now: Date,
): Promise<Enterprise> {
  const before = await getEnterprise(tx, access, id);
  if (before.status === 'archived') throw new AppError('CONFLICT', '企业已归档，请先恢复后再修改');
  const where = { organisationId: before.id, districtId: before.districtId };
  // A form sends every field back: only a value that actually changes needs the power to change it.
  const uscc = change.uscc === undefined ? undefined : checkedUscc(change.uscc);
  const corrected =
    uscc !== undefined && uscc !== before.uscc
      ? 'uscc'
      : change.districtId !== undefined && change.districtId !== before.districtId
        ? 'districtId'
        : null;
  if (corrected && !inScope(powers.correct, where)) {
    throw new AppError('FORBIDDEN', '统一社会信用代码和所在区县只能由区县或市教育局更正', {
      fields: { [corrected]: '请联系所在区县(市)或市教育局更正' },
    });
  }
  if (change.integrationStatus !== undefined && change.integrationStatus !== before.integrationStatus && !inScope(powers.certify, where)) {
    throw new AppError('FORBIDDEN', '产教融合型企业状态由市教育局认定', {
      fields: { integrationStatus: '产教融合型企业状态由市教育局认定' },
    });
  }
  // Once an enterprise has a certification case, its status follows from the case's stage (server/certification), never by hand;
  // a status typed here records a certification made before the platform (with no case to follow from).
  if (change.integrationStatus !== undefined && change.integrationStatus !== before.integrationStatus) {
    const [tracked] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from certification_cases where enterprise_id = ${id}`);
    if (tracked!.n > 0)
      throw new AppError('RULE_VIOLATION', '该企业的产教融合型企业状态随申报认定流程变化，不能直接修改', {
        fields: { integrationStatus: '请在产教融合型企业认定流程中办理（认定、取消认定）' },
        details: { rule: 'statusFollowsLifecycle' },
      });
  }
  await checkEnterpriseRefs(
    tx,
    {
      industryCode: change.industryCode,
      clusterCode: change.clusterCode,
      districtId: change.districtId === before.districtId ? undefined : change.districtId,
    },
    powers.correct,
  );
  if (uscc !== undefined && uscc !== before.uscc) await assertUsccFree(tx, uscc, id);

  const { version, name, districtId, integrationStatus } = change;
  let bumped;
  try {
    bumped = await tx
      .update(organisations)
      .set({
        version: sql`${organisations.version} + 1`,
        updatedAt: now,
        ...(name !== undefined && { name }),
        ...(uscc !== undefined && { code: uscc }),
        ...(districtId !== undefined && { districtId }),
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning({ id: organisations.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw usccTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  const details = { ...profileOf(change), ...(integrationStatus !== undefined && { integrationStatus }) };
  if (Object.keys(details).length)
    await tx
      .update(enterprises)
      .set({ ...details, updatedAt: now })
      .where(eq(enterprises.organisationId, id));
  await reindexEntity(tx, 'enterprise', id);
  const after = await getEnterprise(tx, { kind: 'city' }, id);
  const touched = Object.keys(change).filter((k) => k !== 'version');
  await audit.record({
    action: 'update',
    entityType: 'enterprise',
    entityId: id,
    before: pick(before, touched),
    after: pick(after, touched),
  });
  return after;
}

/**
 * Archive (归档) instead of delete: placements, carriers and audit rows refer to the enterprise, so it
 * stays readable (lists show it with includeArchived) and can be restored.
 */
export async function setEnterpriseArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
): Promise<Enterprise> {
  const before = await getEnterprise(tx, access, id);
  if (before.status === 'pending') throw new AppError('CONFLICT', '待审核的企业请在注册审核中处理');
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '企业已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '企业未归档');
  if (!archived && (await lastRegistrationStatus(tx, id)) === 'rejected') {
    throw new AppError('CONFLICT', '该企业的注册申请未通过审核，不能直接恢复；请企业重新提交注册');
  }
  const bumped = await tx
    .update(organisations)
    .set({ status: archived ? 'archived' : 'active', version: sql`${organisations.version} + 1`, updatedAt: now })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  if (!bumped.length) throw versionConflict();
  await reindexEntity(tx, 'enterprise', id);
  const after = await getEnterprise(tx, { kind: 'city' }, id);
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'enterprise',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  return after;
}

async function lastRegistrationStatus(db: Db | Tx, organisationId: string) {
  const [row] = await db
    .select({ status: enterpriseRegistrations.status })
    .from(enterpriseRegistrations)
    .where(eq(enterpriseRegistrations.organisationId, organisationId))
    .orderBy(desc(enterpriseRegistrations.submittedAt))
    .limit(1);
  return row?.status;
}

/** The stored facts of an enterprise for an audit row (names resolved from catalogues left out). */
function auditable(e: Enterprise): Record<string, unknown> {
  const { industryName: _i, clusterName: _c, districtName: _d, isDemo: _x, ...rest } = e;
  return rest;
}

function pick(row: Enterprise, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k as keyof Enterprise]]));
}

/** An enterprise organisation the access reaches (for routes about its accounts), or NOT_FOUND. */
export async function assertEnterpriseInScope(db: Db, access: Access, id: string): Promise<void> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'enterprise'), scoped(access)));
  if (!org) throw notFound('企业');
}
