import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import { assignmentProblem, inScope, type Access, type Actor } from '../../../core/authz/index.ts';
import { nextUsernames, usernamePrefix } from '../../../core/registry/usernames.ts';
import { maskIdNumber, validateIdNumber } from '../../../core/codes/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Account, AccountOpen } from '../../../contracts/credit-bank.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { creditAccounts, organisations, students, users } from '../../platform/db/schema/index.ts';
import { insertAccount, newCredentials } from '../../platform/auth/accounts.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { newAccountNo } from '../crypto.ts';
import { countOf } from '../../platform/db/paging.ts';
import { accountBalances } from './ledger.ts';
import { accountScope, actingOrganisation } from './scope.ts';

const columns = {
  id: creditAccounts.id,
  accountNo: creditAccounts.accountNo,
  kind: creditAccounts.kind,
  holderName: creditAccounts.holderName,
  idNumberMasked: creditAccounts.idNumberMasked,
  organisationId: creditAccounts.organisationId,
  organisationName: organisations.name,
  studentId: creditAccounts.studentId,
  status: creditAccounts.status,
  createdAt: creditAccounts.createdAt,
  userId: creditAccounts.userId,
  districtId: creditAccounts.districtId,
  outcomeCount: sql<number>`(select count(*)::int from learning_outcomes o where o.account_id = ${creditAccounts.id} and o.status = 'active')`,
};

function select(db: Db | Tx) {
  return db.select(columns).from(creditAccounts).innerJoin(organisations, eq(organisations.id, creditAccounts.organisationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

async function withBalances(db: Db | Tx, found: Row[]): Promise<Account[]> {
  const balances = await accountBalances(
    db,
    found.map((r) => r.id),
  );
  return found.map(({ userId: _u, districtId: _d, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    depositedCredits: balances.get(r.id)?.deposited ?? 0,
    recognisedCredits: balances.get(r.id)?.recognised ?? 0,
  }));
}

export async function listAccounts(db: Db, access: Access, q: { q?: string; organisationId?: string; page: number; pageSize: number }) {
  const where = and(
    accountScope(access),
    q.organisationId ? eq(creditAccounts.organisationId, q.organisationId) : undefined,
    q.q ? or(ilike(creditAccounts.holderName, `${q.q}%`), eq(creditAccounts.accountNo, q.q)) : undefined,
  );
  const [found, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(asc(creditAccounts.holderName), asc(creditAccounts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(creditAccounts)
        .where(where),
    ),
  ]);
  return { items: await withBalances(db, found), total, page: q.page, pageSize: q.pageSize };
}

export async function getAccount(
  db: Db | Tx,
  access: Access,
  id: string,
): Promise<Account & { userId: string | null; districtId: string | null }> {
  const [row] = await select(db).where(and(eq(creditAccounts.id, id), accountScope(access)));
  if (!row) throw notFound('学习账户');
  const [a] = await withBalances(db, [row]);
  return { ...a!, userId: row.userId, districtId: row.districtId };
}

/** Any active account by its number or id: an issuer reaches a learner through the number the learner gave. */
export async function findAccountForIssue(db: Db | Tx, accountNo: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(accountNo);
  const [row] = await db
    .select()
    .from(creditAccounts)
    .where(
      and(
        isUuid ? eq(creditAccounts.id, accountNo) : eq(creditAccounts.accountNo, accountNo.toUpperCase()),
        eq(creditAccounts.status, 'active'),
      ),
    );
  if (!row) throw notFound('学习账户');
  return row;
}

/**
 * A student's own account, opened on first use: every student has one without anybody filing for it. A signed-in
 * user who is not a student gets the learner account linked to them, if any.
 */
export async function ownAccount(tx: Tx, userId: string, audit?: Auditor): Promise<string> {
  const [linked] = await tx.select({ id: creditAccounts.id }).from(creditAccounts).where(eq(creditAccounts.userId, userId));
  if (linked) return linked.id;
  const [student] = await tx.select({ id: students.id }).from(students).where(eq(students.userId, userId));
  if (!student) throw notFound('学习账户');
  const id = await openStudentAccount(tx, student.id);
  await audit?.record({ action: 'open', entityType: 'creditAccount', entityId: id, after: { studentId: student.id, onFirstUse: true } });
  return id;
}

/** Also used when a completed internship deposits its outcome (server/internships/repository/endings.ts). */
export async function openStudentAccount(tx: Tx, studentId: string): Promise<string> {
  const [s] = await tx
    .select({ st: students, districtId: organisations.districtId })
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(eq(students.id, studentId));
  if (!s) throw notFound('学生');
  for (let attempt = 0; attempt < 5; attempt++) {
    const [created] = await tx
      .insert(creditAccounts)
      .values({
        accountNo: newAccountNo(),
        kind: 'student',
        studentId,
        userId: s.st.userId,
        holderName: s.st.name,
        idNumberIndex: s.st.idNumberIndex,
        idNumberMasked: s.st.idNumberMasked,
        organisationId: s.st.schoolId,
        districtId: s.districtId,
      })
      .onConflictDoNothing()
      .returning({ id: creditAccounts.id });
    if (created) return created.id;
    const [existing] = await tx
      .select({ id: creditAccounts.id })
      .from(creditAccounts)
      .where(or(eq(creditAccounts.studentId, studentId), eq(creditAccounts.idNumberIndex, s.st.idNumberIndex)));
    if (existing) return existing.id;
  }
  throw new AppError('CONFLICT', '账号生成冲突，请重试');
}

export async function openAccount(tx: Tx, audit: Auditor, actor: Actor, access: Access, pii: PiiCipher, body: AccountOpen, now: Date) {
  if (!('studentId' in body)) {
    const { signIn, ...opened } = await openLearner(tx, audit, actor, access, pii, body, now);
    return { ...opened, signIn: signIn && { username: signIn.username, initialPassword: signIn.initialPassword } };
  }
  // The student must be one the caller's grant reaches (their school's); another school's student is not found.
  const [s] = await tx
    .select({ id: students.id })
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(
      and(eq(students.id, body.studentId), scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId })),
    );
  if (!s) throw notFound('学生');
  const id = await openStudentAccount(tx, s.id);
  const account = await getAccount(tx, { kind: 'city' }, id);
  await audit.record({
    action: 'open',
    entityType: 'creditAccount',
    entityId: id,
    after: { accountNo: account.accountNo, kind: account.kind, organisationId: account.organisationId, userId: null },
  });
  return { ...stripInternal(account), signIn: null };
}

export interface LearnerOpen {
  holderName: string;
  idNumber: string;
  /** The employer or school holding the account; a school or enterprise opening for itself may leave it out. */
  organisationId?: string;
  /** Link an existing user instead of creating a sign-in. */
  userId?: string;
  /** The new sign-in's username; generated when left out. */
  username?: string;
}

/**
 * A learner who is not a student (an enterprise employee in training): the learning account and, unless an
 * existing user is linked, the learner's own sign-in — role `learner` in the holding organisation, made by the
 * one place accounts are made, its one-time password in this answer only. The bureau names the employer (or
 * school); a school or enterprise opens for itself. Everything in the caller's transaction: a refusal writes nothing.
 */
export async function openLearner(tx: Tx, audit: Auditor, actor: Actor, access: Access, pii: PiiCipher, body: LearnerOpen, now: Date) {
  const check = validateIdNumber(body.idNumber, now);
  if (!check.valid) throw validationFailed({ idNumber: check.reason });
  const org = await holdingOrganisation(tx, access, body.organisationId);
  const problem = assignmentProblem(
    actor.memberships.map((m) => m.role),
    'learner',
    org.kind,
  );
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: { organisationId: problem } });
  const index = pii.index(body.idNumber);
  const [existing] = await tx
    .select({ accountNo: creditAccounts.accountNo })
    .from(creditAccounts)
    .where(eq(creditAccounts.idNumberIndex, index));
  if (existing)
    throw new AppError('CONFLICT', `此人已有学习账户（账号 ${existing.accountNo}），一人一户`, {
      fields: { idNumber: '此人已有学习账户' },
      details: { accountNo: existing.accountNo },
    });
  const signIn = body.userId ? null : await learnerSignIn(tx, audit, body.username, body.holderName, org);
  const [created] = await tx
    .insert(creditAccounts)
    .values({
      accountNo: newAccountNo(),
      kind: 'learner',
      userId: signIn?.id ?? body.userId ?? null,
      holderName: body.holderName,
      idNumberIndex: index,
      idNumberMasked: maskIdNumber(body.idNumber),
      organisationId: org.id,
      districtId: org.districtId,
    })
    .returning({ id: creditAccounts.id });
  const account = await getAccount(tx, { kind: 'city' }, created!.id);
  await audit.record({
    action: 'open',
    entityType: 'creditAccount',
    entityId: account.id,
    after: {
      accountNo: account.accountNo,
      kind: account.kind,
      organisationId: account.organisationId,
      userId: signIn?.id ?? body.userId ?? null,
    },
  });
  return {
    ...stripInternal(account),
    signIn: signIn && { id: signIn.id, username: signIn.username, initialPassword: signIn.initialPassword },
  };
}

/** The organisation that holds a learner's account: named (within the caller's scope, else 404) or the caller's own. */
async function holdingOrganisation(tx: Tx, access: Access, named: string | undefined) {
  const id = named ?? actingOrganisation(access);
  if (!id) throw validationFailed({ organisationId: '请选择学习者所在的企业或学校' });
  const [org] = await tx
    .select({
      id: organisations.id,
      kind: organisations.kind,
      code: organisations.code,
      districtId: organisations.districtId,
      status: organisations.status,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!org || !inScope(access, { organisationId: org.id, districtId: org.districtId })) {
    throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内', { fields: { organisationId: '组织不存在或不在您的管理范围内' } });
  }
  if (org.status === 'archived') throw validationFailed({ organisationId: '该组织已归档' });
  return org;
}

/**
 * The learner's sign-in: the chosen username, or the next generated one of the organisation (l<code>-00001…, as
 * bulk accounts number theirs), numbered under the organisation's row lock so two openings do not pick the same.
 */
async function learnerSignIn(tx: Tx, audit: Auditor, username: string | undefined, displayName: string, org: { id: string; code: string }) {
  let name = username;
  if (name) {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, name));
    if (taken) throw new AppError('CONFLICT', '用户名已被使用', { fields: { username: '用户名已被使用' } });
  } else {
    await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, org.id)).for('update');
    const prefix = usernamePrefix('learner', org.code);
    const taken = (
      await tx
        .select({ username: users.username })
        .from(users)
        .where(like(users.username, `${prefix}%`))
    ).map((u) => u.username);
    name = nextUsernames('learner', org.code, taken, 1)[0]!;
  }
  return insertAccount(tx, audit, { username: name, displayName, organisationId: org.id, role: 'learner' }, await newCredentials(), {
    creditBank: true,
  });
}

export const stripInternal = <T extends { userId?: unknown; districtId?: unknown }>(a: T) => {
  const { userId: _u, districtId: _d, ...rest } = a;
  return rest;
};

/** Opens an account for every enrolled student of a school who has none, in one statement per round. */
export async function openForStudents(tx: Tx, audit: Auditor, access: Access, schoolId: string) {
  const [school] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, schoolId),
        eq(organisations.kind, 'school'),
        scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
      ),
    );
  if (!school) throw notFound('学校');
  let opened = 0;
  // Random numbers may clash with existing ones; the clashing rows are simply retried in the next round.
  for (let round = 0; round < 5; round++) {
    const result = (await tx.execute(sql`
      insert into credit_accounts (account_no, kind, student_id, user_id, holder_name, id_number_index, id_number_masked, organisation_id, district_id)
      select 'CB' || lpad((floor(random() * 1e7))::bigint::text, 7, '0') || lpad((floor(random() * 1e7))::bigint::text, 7, '0'),
             'student', s.id, s.user_id, s.name, s.id_number_index, s.id_number_masked, s.school_id, o.district_id
      from students s join organisations o on o.id = s.school_id
      where s.school_id = ${schoolId} and s.status = 'enrolled'
        and not exists (select 1 from credit_accounts a where a.student_id = s.id or a.id_number_index = s.id_number_index)
      on conflict do nothing`)) as unknown as { rowCount?: number; affectedRows?: number };
    const n = result.rowCount ?? result.affectedRows ?? 0;
    opened += n;
    if (n === 0) break;
  }
  await audit.record({ action: 'openForStudents', entityType: 'creditAccount', entityId: schoolId, after: { opened } });
  return { opened };
}
