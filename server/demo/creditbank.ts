import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { accessFor, type Actor } from '../../core/authz/index.ts';
import type { Permission } from '../../core/authz/grants.ts';
import { loadActor } from '../platform/auth/actor.ts';
import { createAuditor, type Auditor } from '../platform/audit/auditor.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import { memberships, students, users } from '../platform/db/schema/index.ts';
import type { PiiCipher } from '../platform/pii.ts';
import {
  agreeRule,
  createRule,
  createTransfer,
  issueCredential,
  issueOutcome,
  openLearner,
  openStudentAccount,
} from '../credit-bank/index.ts';

/**
 * The credit bank's demo (issue 6): `learner1`, an employee of enterprise1 in training who also studies in-service
 * at school1, with outcomes, a recognition rule both sides agreed, a transfer request (one item recognised by the
 * rule, one waiting for the registrar) and a credential; and a few outcomes for student1. Everything goes through
 * the same repository functions as the API, as the demo users, each step audited — only the learner's password is
 * then set to the demo password like every other demo account. Same city, same data.
 */
export interface CreditBankDemo {
  learnerUsername: string;
  outcomes: number;
  transfers: number;
  credentials: number;
}

/** The demo learner: a generated student of school1 without a sign-in, the oldest (an in-service adult). */
const LEARNER = 'learner1';

export async function seedCreditBankDemo(
  db: Db,
  pii: PiiCipher,
  opts: { now: Date; passwordHash: string },
): Promise<CreditBankDemo | null> {
  const enterprise = await demoActor(db, 'enterprise1');
  const school = await demoActor(db, 'school1');
  const studentUser = await demoActor(db, 'student1');
  if (!enterprise || !school || !studentUser) return null;
  const entId = enterprise.memberships[0]!.organisationId;
  const schoolId = school.memberships[0]!.organisationId;
  const [inService] = await db
    .select()
    .from(students)
    .where(and(eq(students.schoolId, schoolId), isNull(students.userId), isNotNull(students.programId), eq(students.status, 'enrolled')))
    .orderBy(asc(students.birthDate), asc(students.name))
    .limit(1);
  const [student1] = await db.select().from(students).where(eq(students.userId, studentUser.userId));
  if (!inService || !student1) return null;

  const now = opts.now;
  const year = Number(now.toISOString().slice(0, 4));
  const who = (a: Actor) => ({ userId: a.userId, now });
  // Each step in its own audited transaction, as its route would run it.
  const as = <T>(a: Actor, work: (tx: Tx, audit: Auditor) => Promise<T>) =>
    db.transaction((tx) =>
      work(
        tx,
        createAuditor(tx, {
          actorUserId: a.userId,
          actorName: a.displayName,
          actorOrganisationId: a.memberships[0]!.organisationId,
          requestId: null,
        }),
      ),
    );
  const access = <R extends Permission['resource']>(a: Actor, resource: R, action: Extract<Permission, { resource: R }>['action']) =>
    accessFor(a, { resource, action } as Permission);

  // 1. enterprise1 opens its employee's learning account with the sign-in learner1.
  const opened = await as(enterprise, (tx, audit) =>
    openLearner(
      tx,
      audit,
      enterprise,
      access(enterprise, 'creditAccount', 'open'),
      pii,
      {
        holderName: inService.name,
        idNumber: pii.decrypt(inService.idNumberCipher),
        username: LEARNER,
      },
      now,
    ),
  );
  await db
    .update(users)
    .set({ passwordHash: opts.passwordHash, mustChangePassword: false, isDemo: true })
    .where(eq(users.id, opened.signIn!.id));
  const learner = (await loadActor(db, opened.signIn!.id))!;

  // 2. Outcomes: enterprise1's training course and its skill certificate for the employee; school1's for student1.
  const issue = (by: Actor, body: Parameters<typeof issueOutcome>[3]) =>
    as(by, (tx, audit) => issueOutcome(tx, audit, access(by, 'learningOutcome', 'issue'), body, who(by)));
  const evidence = { evidenceNote: '考核合格，原始记录存档' };
  const training = await issue(enterprise, {
    accountNo: opened.accountNo,
    kind: 'trainingCourse',
    code: 'DEMO-TC-PLC',
    title: 'PLC 编程与调试岗位培训',
    hours: 64,
    achievedOn: `${year - 1}-06-30`,
    idempotencyKey: 'demo:learner1:training',
    ...evidence,
  });
  const certificate = await issue(enterprise, {
    accountNo: opened.accountNo,
    kind: 'skillCertificate',
    code: 'DEMO-SC-6-31',
    title: '电工职业技能等级证书（四级/中级工）',
    level: 4,
    achievedOn: `${year - 1}-11-15`,
    idempotencyKey: 'demo:learner1:certificate',
    ...evidence,
  });
  const studentAccount = await as(school, async (tx, audit) => {
    const id = await openStudentAccount(tx, student1.id);
    await audit.record({ action: 'open', entityType: 'creditAccount', entityId: id, after: { studentId: student1.id } });
    return id;
  });
  const studentOutcomes = [
    { kind: 'schoolCourse' as const, code: 'DEMO-C-101', title: '电工电子技术', credits: 4, grade: '88', achievedOn: `${year - 1}-01-15` },
    {
      kind: 'skillCertificate' as const,
      code: 'DEMO-1X-IR',
      title: '工业机器人操作与运维职业技能等级证书（1+X 初级）',
      level: 1,
      achievedOn: `${year - 1}-06-20`,
    },
    {
      kind: 'competitionAward' as const,
      code: 'DEMO-CA-ZZ',
      title: '郑州市职业院校技能大赛 电气安装与维修',
      awardRank: '二等奖',
      achievedOn: `${year - 1}-05-10`,
    },
  ];
  for (const o of studentOutcomes)
    await issue(school, { accountNo: studentAccount, ...o, idempotencyKey: `demo:student1:${o.code}`, ...evidence });

  // 3. The mutual-recognition rule: enterprise1's PLC training counts as a course of the employee's program at school1.
  const ruleBody = {
    scope: 'outcome' as const,
    issuerId: entId,
    outcomeKind: 'trainingCourse' as const,
    outcomeCode: 'DEMO-TC-PLC',
    field: null,
    minLevel: null,
    targetSchoolId: schoolId,
    targetProgramId: inService.programId,
    targetCourseCode: 'DEMO-PLC',
    targetCourseName: '可编程控制器应用技术',
    creditMode: 'perHours' as const,
    creditValue: 16,
    maxCredits: 4,
    effectiveFrom: `${year - 1}-01-01`,
    effectiveTo: null,
    agreementRef: '校企学分互认协议（演示）',
  };
  const rule = await as(school, (tx, audit) => createRule(tx, audit, access(school, 'recognitionRule', 'write'), ruleBody, who(school)));
  await as(enterprise, (tx, audit) => agreeRule(tx, audit, access(enterprise, 'recognitionRule', 'write'), rule.id, who(enterprise)));

  // 4. The learner asks school1 to recognise both: the rule covers the course, the certificate waits for the registrar.
  await as(learner, (tx, audit) =>
    createTransfer(
      tx,
      audit,
      access(learner, 'creditTransfer', 'request'),
      {
        programId: inService.programId!,
        outcomeIds: [training.id, certificate.id],
        note: '在职学习，申请认定企业培训与证书',
        idempotencyKey: 'demo:learner1:transfer',
      },
      who(learner),
    ),
  );

  // 5. A credential of the certificate, ready to share.
  await as(learner, (tx, audit) =>
    issueCredential(tx, audit, access(learner, 'credential', 'issue'), pii, { kind: 'outcome', outcomeId: certificate.id }, who(learner)),
  );
  return { learnerUsername: LEARNER, outcomes: 2 + studentOutcomes.length, transfers: 1, credentials: 1 };
}

/** A demo user with their memberships, by username. */
async function demoActor(db: Db, username: string): Promise<Actor | null> {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.username, username), eq(users.isDemo, true)));
  return u ? loadActor(db, u.id) : null;
}
