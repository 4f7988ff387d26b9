import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type { ExpertCreate, ExpertUpdate } from '../../../contracts/expert-review.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { experts, memberships, organisations, reviewAssignments, users } from '../../platform/db/schema/index.ts';
import { countOf } from '../../platform/db/paging.ts';

const pending = sql<number>`(select count(*)::int from ${reviewAssignments} ra where ra.expert_id = ${experts.id} and ra.submitted_at is null)`;
const submitted = sql<number>`(select count(*)::int from ${reviewAssignments} ra where ra.expert_id = ${experts.id} and ra.submitted_at is not null)`;

const select = (db: Db | Tx) =>
  db
    .select({
      id: experts.id,
      userId: experts.userId,
      displayName: users.displayName,
      organisationId: experts.organisationId,
      organisationName: organisations.name,
      affiliation: experts.affiliation,
      title: experts.title,
      fields: experts.fields,
      active: experts.active,
      pending,
      submitted,
      version: experts.version,
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .leftJoin(organisations, eq(organisations.id, experts.organisationId));

export async function listExperts(db: Db, q: { page: number; pageSize: number; field?: string; active?: 'true' | 'false' }) {
  const where = and(
    q.field ? sql`${q.field} = any(${experts.fields})` : undefined,
    q.active ? eq(experts.active, q.active === 'true') : undefined,
  );
  const [items, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(asc(users.displayName), asc(experts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(experts)
        .where(where),
    ),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getExpert(db: Db | Tx, id: string) {
  const [row] = await select(db).where(eq(experts.id, id));
  if (!row) throw notFound('评审专家');
  return row;
}

/** The caller's own expert record, or null when they are not in the pool. */
export async function expertOfUser(db: Db | Tx, userId: string) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row ?? null;
}

export async function createExpert(tx: Tx, audit: Auditor, input: ExpertCreate) {
  const [user] = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('VALIDATION_FAILED', '账号不存在', { fields: { userId: '账号不存在' } });
  if (user.disabled) throw new AppError('VALIDATION_FAILED', '该账号已停用，不能入选专家库', { fields: { userId: '账号已停用' } });
  // The expert works where their staff account belongs; students and learners are not experts.
  const roles = await tx
    .select({ organisationId: memberships.organisationId, role: memberships.role, kind: organisations.kind })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, input.userId));
  const staff = roles.find((r) => r.role !== 'student' && r.role !== 'learner');
  if (!staff)
    throw new AppError('RULE_VIOLATION', '学生和学习者账号不能入选评审专家库', {
      fields: { userId: '请选择学校、企业或机关工作人员的账号' },
    });
  const [exists] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, input.userId));
  if (exists) throw new AppError('CONFLICT', '该账号已在专家库中', { fields: { userId: '已在专家库中' } });
  const values = {
    userId: input.userId,
    organisationId: staff.organisationId,
    title: input.title ?? null,
    affiliation: input.affiliation ?? null,
    fields: [...new Set(input.fields)],
  };
  const [row] = await tx.insert(experts).values(values).returning({ id: experts.id });
  await audit.record({ action: 'create', entityType: 'expert', entityId: row!.id, after: values });
  return getExpert(tx, row!.id);
}

export async function updateExpert(tx: Tx, audit: Auditor, id: string, input: ExpertUpdate) {
  const [before] = await tx.select().from(experts).where(eq(experts.id, id));
  if (!before) throw notFound('评审专家');
  const changed: Partial<typeof experts.$inferInsert> = {};
  if (input.title !== undefined) changed.title = input.title;
  if (input.affiliation !== undefined) changed.affiliation = input.affiliation;
  if (input.fields !== undefined) changed.fields = [...new Set(input.fields)];
  if (input.active !== undefined) changed.active = input.active;
  const [row] = await tx
    .update(experts)
    .set({ ...changed, version: sql`${experts.version} + 1` })
    .where(and(eq(experts.id, id), eq(experts.version, input.version)))
    .returning({ id: experts.id });
  if (!row) throw versionConflict();
  await audit.record({
    action: 'update',
    entityType: 'expert',
    entityId: id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
    after: changed,
  });
  return getExpert(tx, id);
}
