import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { assignmentProblem, inScope, type Access, type Actor } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, type FieldErrors } from '../../../core/errors.ts';
import { nextUsernames, usernamePrefix, type MemberKind } from '../../../core/registry/usernames.ts';
import { BULK_ACCOUNT_BATCH, type BulkAccountRequest, type BulkAccountResult } from '../../../contracts/bulk-accounts.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, students, teachers, users } from '../../platform/db/schema/index.ts';
import { insertAccount, newCredentials, type Credentials } from '../../platform/auth/accounts.ts';
import { assertSchoolOpen, type SchoolRef } from '../../platform/registry-guards.ts';

/**
 * Accounts for a school's teachers and students in one call, in three steps so that the slow part holds no
 * transaction open:
 *   1. plan (reads): which records get an account — at most BULK_ACCOUNT_BATCH;
 *   2. credentials: a one-time password and its argon2id hash for each, two at a time so sign-ins (which
 *      hash too) are not starved of the thread pool;
 *   3. write (one short transaction): lock the school, take again only the records still without an account,
 *      number the usernames, insert each account with the shared `insertAccount` and link it to the record.
 * The passwords exist only in the HTTP answer: nothing stores them, not even encrypted.
 */

type Skipped = BulkAccountResult['skipped'][number];
export interface BulkTarget {
  kind: MemberKind;
  recordId: string;
  name: string;
}
export interface BulkPlan {
  school: SchoolRef;
  targets: BulkTarget[];
  skipped: Skipped[];
}

const ROLE = { teacher: 'teacher', student: 'student' } as const;
const LABEL = { teacher: '教师', student: '学生' } as const;

/** The school the accounts are for, within the caller's scope (404 otherwise) and not archived. */
async function schoolOf(db: Db, access: Access, schoolId: string): Promise<SchoolRef> {
  const [school] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      districtId: organisations.districtId,
      status: organisations.status,
    })
    .from(organisations)
    .where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
  if (!school || !inScope(access, { organisationId: school.id, districtId: school.districtId })) throw notFound('学校');
  assertSchoolOpen(school);
  return school;
}

interface Member {
  id: string;
  name: string;
  schoolId: string;
  hasAccount: boolean;
  archived: boolean;
}

async function membersByIds(db: Db, kind: MemberKind, ids: readonly string[]): Promise<Member[]> {
  if (!ids.length) return [];
  if (kind === 'teacher') {
    return db
      .select({
        id: teachers.id,
        name: teachers.name,
        schoolId: teachers.schoolId,
        hasAccount: sql<boolean>`${teachers.userId} is not null`,
        archived: sql<boolean>`${teachers.status} = 'archived'`,
      })
      .from(teachers)
      .where(inArray(teachers.id, [...ids]));
  }
  return db
    .select({
      id: students.id,
      name: students.name,
      schoolId: students.schoolId,
      hasAccount: sql<boolean>`${students.userId} is not null`,
      archived: sql<boolean>`${students.archivedAt} is not null`,
    })
    .from(students)
    .where(inArray(students.id, [...ids]));
}

/** Records of the school without an account, oldest first so repeated calls work through the list. */
async function withoutAccount(db: Db, kind: MemberKind, schoolId: string, limit: number): Promise<BulkTarget[]> {
  if (limit <= 0) return [];
  const rows =
    kind === 'teacher'
      ? await db
          .select({ id: teachers.id, name: teachers.name })
          .from(teachers)
          .where(and(eq(teachers.schoolId, schoolId), isNull(teachers.userId), eq(teachers.status, 'active')))
          .orderBy(asc(teachers.createdAt), asc(teachers.id))
          .limit(limit)
      : await db
          .select({ id: students.id, name: students.name })
          .from(students)
          .where(and(eq(students.schoolId, schoolId), isNull(students.userId), isNull(students.archivedAt)))
          .orderBy(asc(students.createdAt), asc(students.id))
          .limit(limit);
  return rows.map((r) => ({ kind, recordId: r.id, name: r.name }));
}

export async function planBulkAccounts(db: Db, access: Access, schoolId: string, req: BulkAccountRequest): Promise<BulkPlan> {
  const school = await schoolOf(db, access, schoolId);
  const targets: BulkTarget[] = [];
  const skipped: Skipped[] = [];
  const fields: FieldErrors = {};
  for (const [kind, ids, field] of [
    ['teacher', req.teacherIds ?? [], 'teacherIds'],
    ['student', req.studentIds ?? [], 'studentIds'],
  ] as const) {
    const found = new Map((await membersByIds(db, kind, ids)).map((m) => [m.id, m]));
    ids.forEach((id, i) => {
      const m = found.get(id);
      if (!m || m.schoolId !== school.id) {
        fields[`${field}.${i}`] = `该${LABEL[kind]}不是本校${LABEL[kind]}`;
        return;
      }
      if (m.archived) skipped.push({ kind, recordId: id, name: m.name, reason: '记录已归档' });
      else if (m.hasAccount) skipped.push({ kind, recordId: id, name: m.name, reason: '已有账号' });
      else if (!targets.some((t) => t.recordId === id)) targets.push({ kind, recordId: id, name: m.name });
    });
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  const chosen = new Set(targets.map((t) => t.recordId));
  for (const [kind, all] of [
    ['teacher', req.allTeachersWithoutAccount],
    ['student', req.allStudentsWithoutAccount],
  ] as const) {
    if (!all) continue;
    // A full batch, not just the room left: some may already be among the explicitly chosen ones.
    const more = await withoutAccount(db, kind, school.id, BULK_ACCOUNT_BATCH);
    for (const t of more)
      if (!chosen.has(t.recordId) && targets.length < BULK_ACCOUNT_BATCH) {
        targets.push(t);
        chosen.add(t.recordId);
      }
  }
  return { school, targets, skipped };
}

/** One credential per target, at most `concurrency` argon2id hashes at a time. */
export async function credentialsFor(targets: readonly BulkTarget[], concurrency = 2): Promise<Map<string, Credentials>> {
  const out = new Map<string, Credentials>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, targets.length) }, async () => {
      while (next < targets.length) {
        const t = targets[next++]!;
        out.set(t.recordId, await newCredentials());
      }
    }),
  );
  return out;
}

/** Ids among `ids` still without an account, locked until the transaction ends. */
async function stillWithout(tx: Tx, kind: MemberKind, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows =
    kind === 'teacher'
      ? await tx
          .select({ id: teachers.id })
          .from(teachers)
          .where(and(inArray(teachers.id, ids), isNull(teachers.userId)))
          .for('update')
      : await tx
          .select({ id: students.id })
          .from(students)
          .where(and(inArray(students.id, ids), isNull(students.userId)))
          .for('update');
  return new Set(rows.map((r) => r.id));
}

export async function writeBulkAccounts(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  plan: BulkPlan,
  credentials: Map<string, Credentials>,
): Promise<Pick<BulkAccountResult, 'created' | 'skipped'>> {
  // One bulk call per school at a time: the next username numbers are read and used under this lock.
  await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, plan.school.id)).for('update');
  const actorRoles = actor.memberships.map((m) => m.role);
  const created: BulkAccountResult['created'] = [];
  const skipped = [...plan.skipped];
  for (const kind of ['teacher', 'student'] as const) {
    const problem = assignmentProblem(actorRoles, ROLE[kind], 'school');
    if (problem) throw new AppError('FORBIDDEN', problem);
    const wanted = plan.targets.filter((t) => t.kind === kind);
    const open = await stillWithout(
      tx,
      kind,
      wanted.map((t) => t.recordId),
    );
    const todo = wanted.filter((t) => open.has(t.recordId));
    for (const t of wanted) if (!open.has(t.recordId)) skipped.push({ ...t, reason: '已有账号' });
    if (!todo.length) continue;
    const prefix = usernamePrefix(kind, plan.school.code);
    const taken = (
      await tx
        .select({ username: users.username })
        .from(users)
        .where(like(users.username, `${prefix}%`))
    ).map((u) => u.username);
    const names = nextUsernames(kind, plan.school.code, taken, todo.length);
    for (const [i, t] of todo.entries()) {
      const account = await insertAccount(
        tx,
        audit,
        {
          username: names[i]!,
          displayName: t.name,
          organisationId: plan.school.id,
          role: ROLE[kind],
        },
        credentials.get(t.recordId)!,
        { [`${kind}Id`]: t.recordId },
      );
      if (kind === 'teacher') await tx.update(teachers).set({ userId: account.id }).where(eq(teachers.id, t.recordId));
      else await tx.update(students).set({ userId: account.id }).where(eq(students.id, t.recordId));
      await audit.record({
        action: 'link_account',
        entityType: kind,
        entityId: t.recordId,
        before: { userId: null },
        after: { userId: account.id },
      });
      created.push({
        kind,
        recordId: t.recordId,
        name: t.name,
        userId: account.id,
        username: account.username,
        initialPassword: account.initialPassword,
      });
    }
  }
  return { created, skipped };
}

/** Teachers (active) and students (not archived) of the school still without an account. */
export async function remainingWithoutAccount(db: Db, schoolId: string): Promise<BulkAccountResult['remaining']> {
  const [t] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(teachers)
    .where(and(eq(teachers.schoolId, schoolId), isNull(teachers.userId), eq(teachers.status, 'active')));
  const [s] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(students)
    .where(and(eq(students.schoolId, schoolId), isNull(students.userId), isNull(students.archivedAt)));
  return { teachers: t?.n ?? 0, students: s?.n ?? 0 };
}
