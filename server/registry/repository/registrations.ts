import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { Registration, RegistrationListQuery, RegistrationRequest } from '../../../contracts/registrations.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { enterpriseRegistrations, enterprises, memberships, organisations, users } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { reindexEntity } from '../../search/index.ts';
import { checkEnterpriseRefs, isUniqueViolation, usccTaken } from './enterprise-refs.ts';
import { insertEnterprise } from './enterprises.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { countOf } from '../../platform/db/paging.ts';

const district = alias(organisations, 'district');
const reviewer = alias(users, 'reviewer');

function selectRegistrations(db: Db | Tx) {
  return db
    .select({
      id: enterpriseRegistrations.id,
      status: enterpriseRegistrations.status,
      submittedAt: enterpriseRegistrations.submittedAt,
      reviewedAt: enterpriseRegistrations.reviewedAt,
      reviewerName: reviewer.displayName,
      reason: enterpriseRegistrations.reason,
      enterpriseId: organisations.id,
      enterpriseName: organisations.name,
      uscc: organisations.code,
      districtId: organisations.districtId,
      districtName: district.name,
      size: enterprises.size,
      industryCode: enterprises.industryCode,
      staffCount: enterprises.staffCount,
      username: users.username,
      contactName: users.displayName,
    })
    .from(enterpriseRegistrations)
    .innerJoin(organisations, eq(organisations.id, enterpriseRegistrations.organisationId))
    .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, enterpriseRegistrations.userId))
    .leftJoin(reviewer, eq(reviewer.id, enterpriseRegistrations.reviewedBy))
    .leftJoin(district, eq(district.id, organisations.districtId));
}

type Row = Awaited<ReturnType<typeof selectRegistrations>>[number];
const toRegistration = (r: Row): Registration => ({
  ...r,
  submittedAt: r.submittedAt.toISOString(),
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
});

/** A registration is the registrant district's to review (and the bureau's): scope by the enterprise's district. */
const scoped = (access: Access) => scopeWhere(access, { districtId: organisations.districtId });

export async function listRegistrations(db: Db, access: Access, q: RegistrationListQuery) {
  const where = and(
    scoped(access),
    q.status ? eq(enterpriseRegistrations.status, q.status) : undefined,
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.q ? or(ilike(organisations.name, `%${escapeLike(q.q)}%`), eq(organisations.code, q.q.toUpperCase())) : undefined,
  );
  const [rows, total] = await Promise.all([
    selectRegistrations(db)
      .where(where)
      .orderBy(desc(enterpriseRegistrations.submittedAt), desc(enterpriseRegistrations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(enterpriseRegistrations)
        .innerJoin(organisations, eq(organisations.id, enterpriseRegistrations.organisationId))
        .where(where),
    ),
  ]);
  return { items: rows.map(toRegistration), total, page: q.page, pageSize: q.pageSize };
}

export async function getRegistration(db: Db | Tx, access: Access, id: string): Promise<Registration> {
  const [row] = await selectRegistrations(db).where(and(eq(enterpriseRegistrations.id, id), scoped(access)));
  if (!row) throw notFound('注册申请');
  return toRegistration(row);
}

/**
 * A registration from the public page: the enterprise (pending) and its admin account (disabled until
 * approval, with the password the registrant chose) in one transaction. A code whose earlier registration
 * was rejected may register again: the same organisation is taken up with the new facts.
 * `uscc` is already normalised and `passwordHash` computed outside the transaction (hashing is slow).
 */
export async function submitRegistration(
  tx: Tx,
  audit: Auditor,
  input: RegistrationRequest & { uscc: string },
  passwordHash: string,
  now: Date,
): Promise<{ id: string }> {
  await checkEnterpriseRefs(tx, input);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw new AppError('CONFLICT', '用户名已被使用', { fields: { username: '用户名已被使用，请换一个' } });
  const organisationId = (await reopenRejected(tx, input, now)) ?? (await insertEnterprise(tx, input, 'pending', now));
  let userId: string;
  try {
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: false,
        disabled: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    userId = user!.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '用户名已被使用', { fields: { username: '用户名已被使用，请换一个' } });
    throw err;
  }
  await tx.insert(memberships).values({ userId, organisationId, role: 'enterprise_admin' });
  await reindexEntity(tx, 'enterprise', organisationId);
  const [reg] = await tx
    .insert(enterpriseRegistrations)
    .values({ organisationId, userId, submittedAt: now })
    .returning({ id: enterpriseRegistrations.id });
  await audit.record({
    action: 'register',
    entityType: 'enterpriseRegistration',
    entityId: reg!.id,
    after: {
      enterpriseId: organisationId,
      name: input.name,
      uscc: input.uscc,
      districtId: input.districtId,
      size: input.size,
      industryCode: input.industryCode,
      staffCount: input.staffCount,
      username: input.username,
      status: 'pending',
    },
  });
  return { id: reg!.id };
}

/** The organisation of an earlier, rejected registration of the same code, refreshed and pending again. */
async function reopenRejected(tx: Tx, input: RegistrationRequest & { uscc: string }, now: Date): Promise<string | undefined> {
  const [org] = await tx
    .select({ id: organisations.id, status: organisations.status })
    .from(organisations)
    .where(and(eq(organisations.kind, 'enterprise'), eq(organisations.code, input.uscc)));
  if (!org) return undefined;
  const [last] = await tx
    .select({ status: enterpriseRegistrations.status })
    .from(enterpriseRegistrations)
    .where(eq(enterpriseRegistrations.organisationId, org.id))
    .orderBy(desc(enterpriseRegistrations.submittedAt))
    .limit(1);
  if (org.status !== 'archived' || last?.status !== 'rejected') throw usccTaken();
  await tx
    .update(organisations)
    .set({
      name: input.name,
      districtId: input.districtId,
      status: 'pending',
      version: sql`${organisations.version} + 1`,
      updatedAt: now,
    })
    .where(eq(organisations.id, org.id));
  await tx
    .update(enterprises)
    .set({
      size: input.size,
      industryCode: input.industryCode,
      clusterCode: input.clusterCode ?? null,
      staffCount: input.staffCount,
      payrollYuan: input.payrollYuan ?? null,
      aboveDesignatedSize: input.aboveDesignatedSize ?? false,
      updatedAt: now,
    })
    .where(eq(enterprises.organisationId, org.id));
  return org.id;
}

/**
 * Approve or reject a pending registration. The status guard in the update makes two reviewers acting at
 * once safe: the second finds nothing pending and is told so.
 */
export async function reviewRegistration(
  tx: Tx,
  audit: Auditor,
  access: Access,
  reviewerId: string,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
  now: Date,
): Promise<Registration> {
  const before = await getRegistration(tx, access, id);
  const status = decision.approve ? 'approved' : 'rejected';
  const reason = decision.approve ? null : decision.reason;
  const done = await tx
    .update(enterpriseRegistrations)
    .set({ status, reviewedBy: reviewerId, reviewedAt: now, reason })
    .where(and(eq(enterpriseRegistrations.id, id), eq(enterpriseRegistrations.status, 'pending')))
    .returning({ organisationId: enterpriseRegistrations.organisationId, userId: enterpriseRegistrations.userId });
  if (!done.length) throw new AppError('CONFLICT', `该注册申请已处理（${before.status === 'approved' ? '已通过' : '未通过'}），请刷新`);
  const { organisationId, userId } = done[0]!;
  await tx
    .update(organisations)
    .set({ status: decision.approve ? 'active' : 'archived', version: sql`${organisations.version} + 1`, updatedAt: now })
    .where(eq(organisations.id, organisationId));
  if (decision.approve) await tx.update(users).set({ disabled: false }).where(eq(users.id, userId));
  await reindexEntity(tx, 'enterprise', organisationId);
  await audit.record({
    action: decision.approve ? 'approve' : 'reject',
    entityType: 'enterpriseRegistration',
    entityId: id,
    before: { status: 'pending', enterpriseStatus: 'pending', accountDisabled: true },
    after: { status, reason, enterpriseStatus: decision.approve ? 'active' : 'archived', accountDisabled: !decision.approve },
  });
  return getRegistration(tx, access, id);
}
