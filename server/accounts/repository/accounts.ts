import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { assignmentProblem, inScope, type Access, type Actor } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { AccountCreate } from '../../../contracts/accounts.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { insertAccount, newCredentials } from '../../platform/auth/accounts.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { memberships, organisations, users } from '../../platform/db/schema/index.ts';
import { countOf } from '../../platform/db/paging.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';

export async function createAccount(tx: Tx, audit: Auditor, actor: Actor, access: Access, input: AccountCreate) {
  const [org] = await tx
    .select({ id: organisations.id, kind: organisations.kind, districtId: organisations.districtId })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org || !inScope(access, { organisationId: org.id, districtId: org.districtId })) {
    throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内', { fields: { organisationId: '组织不存在或不在您的管理范围内' } });
  }
  const problem = assignmentProblem(
    actor.memberships.map((m) => m.role),
    input.role,
    org.kind,
  );
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: { role: problem } });
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw new AppError('CONFLICT', '用户名已被使用', { fields: { username: '用户名已被使用' } });
  return insertAccount(tx, audit, { ...input, organisationId: org.id }, await newCredentials());
}

export async function listAccounts(db: Db, access: Access, q: { q?: string; organisationId?: string; page: number; pageSize: number }) {
  const where = and(
    scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
    q.organisationId ? eq(organisations.id, q.organisationId) : undefined,
    q.q ? or(ilike(users.username, `%${escapeLike(q.q)}%`), ilike(users.displayName, `%${escapeLike(q.q)}%`)) : undefined,
  );
  const from = () =>
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: memberships.role,
        organisationId: organisations.id,
        organisationName: organisations.name,
        mustChangePassword: users.mustChangePassword,
        disabled: users.disabled,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
  const [items, total] = await Promise.all([
    from()
      .where(where)
      .orderBy(asc(users.username), asc(memberships.role))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(where),
    ),
  ]);
  if (q.organisationId && !items.length && q.page === 1) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, q.organisationId));
    if (!org) throw notFound('组织');
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * Disable or enable an account. Every organisation the user belongs to must be in the caller's scope (else
 * the account is not found), and the caller must be one who could have created each of its roles there, so a
 * school admin cannot lock out the bureau's staff nor an enterprise admin another enterprise's. Nobody
 * disables themselves (the last admin would lock the organisation out). Sessions check the flag on every
 * request, so a disabled user's open sessions end at once.
 */
export async function setAccountDisabled(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, disabled: boolean) {
  const rows = await tx
    .select({
      username: users.username,
      disabled: users.disabled,
      role: memberships.role,
      organisationId: organisations.id,
      kind: organisations.kind,
      districtId: organisations.districtId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.id, id));
  if (!rows.length || !rows.every((r) => inScope(access, { organisationId: r.organisationId, districtId: r.districtId })))
    throw notFound('账号');
  const actorRoles = actor.memberships.map((m) => m.role);
  const problem = rows.map((r) => assignmentProblem(actorRoles, r.role, r.kind)).find(Boolean);
  if (problem) throw new AppError('FORBIDDEN', '您无权停用或启用此角色的账号');
  if (id === actor.userId)
    throw new AppError('VALIDATION_FAILED', '不能停用或启用自己的账号', { fields: { disabled: '不能停用或启用自己的账号' } });
  const before = rows[0]!.disabled;
  if (before !== disabled) {
    await tx.update(users).set({ disabled }).where(eq(users.id, id));
    await audit.record({
      action: disabled ? 'disable' : 'enable',
      entityType: 'user',
      entityId: id,
      before: { disabled: before },
      after: { disabled },
    });
  }
  return { id, username: rows[0]!.username, disabled };
}
