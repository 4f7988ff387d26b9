import { todayOf } from '../../core/calendar.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { accessFor, type Actor, type Membership, type Permission } from '../../core/authz/index.ts';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { ageOn, studyYearOn } from '../../core/internships/placement-check.ts';
import { postCreate } from '../../contracts/internships.ts';
import { createAuditor } from '../platform/audit/auditor.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import {
  enterprises,
  internships,
  memberships,
  organisations,
  programs,
  majors,
  students,
  teachers,
  users,
} from '../platform/db/schema/index.ts';
import type { PiiCipher } from '../platform/pii.ts';
import {
  accept,
  apply,
  approve,
  assignEnterpriseMentor,
  assignSchoolMentor,
  commentLog,
  complete,
  createPost,
  evaluate,
  getAgreement,
  publishPost,
  recordInsurance,
  rules,
  signAgreement,
  startInternship,
  withdraw,
  writeLog,
} from '../internships/index.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * Internships under way in the demo city, so that placement rates, the school's and the enterprise's intern
 * pages and the student's 我的实习 show something: enterprise1 posts, school1's students placed on them, some
 * running (agreement signed, insured, weekly logs with both mentors' comments), two completed (the outcome
 * deposited in the credit bank), one withdrawn, a few accepted and waiting for signatures, and school2's
 * students accepted at enterprise2.
 *
 * Every step goes through the same repository functions the routes call (placement rules, caps, signatures,
 * start checks, completion into the credit bank), each in its own transaction and audited as its actor, with
 * the clock set back to the day it happened in the story, so the data could have been entered through the app.
 * Deterministic for a given `now`: students are taken in a fixed order, texts from a seeded generator.
 */

export const at = (day: string) => new Date(`${day}T02:00:00Z`); // 10:00 in Zhengzhou

export interface Person {
  actor: Actor;
  name: string;
}

export async function actorOf(db: Db, username: string): Promise<Person | null> {
  const found = await db
    .select({ id: users.id, displayName: users.displayName, role: memberships.role, org: organisations })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.username, username));
  if (!found.length) return null;
  const ms: Membership[] = found.map((r) => ({
    organisationId: r.org.id,
    organisationKind: r.org.kind as Membership['organisationKind'],
    districtId: r.org.districtId,
    role: r.role,
  }));
  return { actor: { userId: found[0]!.id, username, displayName: found[0]!.displayName, memberships: ms }, name: found[0]!.displayName };
}

type StepFn<T> = (tx: Tx, audit: ReturnType<typeof createAuditor>, access: ReturnType<typeof accessFor>, now: Date) => Promise<T>;

/** Runs one step as its actor, on its day, inside a transaction, with its audit row as that actor. */
export function stepIn<T>(tx: Tx, who: Person, permission: Permission, day: string, fn: StepFn<T>): Promise<T> {
  const audit = createAuditor(tx, {
    actorUserId: who.actor.userId,
    actorName: who.actor.displayName,
    actorOrganisationId: who.actor.memberships[0]?.organisationId ?? null,
    requestId: null,
  });
  return fn(tx, audit, accessFor(who.actor, permission), at(day));
}

/** Runs one step as its actor, on its day, in its own transaction with its audit row. */
function stepper(db: Db) {
  return async <T>(who: Person, permission: Permission, day: string, fn: StepFn<T>) =>
    db.transaction((tx) => stepIn(tx, who, permission, day, fn));
}

const LOG_TEXTS = [
  '本周在师傅带领下熟悉车间安全操作规程和设备点检流程，独立完成了日常点检记录，学会了看懂工艺卡。',
  '本周参与产品装配线的换型作业，记录了每道工序的节拍时间，发现一处物料摆放影响效率并向班长反映。',
  '本周学习质量检验方法，使用卡尺、千分尺检测零件尺寸，完成首件检验三次，了解了不合格品的处理流程。',
  '本周跟随技术员调试设备参数，学习了故障排查的基本思路，整理了常见报警代码及处理办法的笔记。',
  '本周独立承担一个工位的作业，按作业指导书完成生产任务，周五参加了班组质量分析会并作了发言。',
  '本周学习生产计划与物料管理，协助统计每日产量和物料消耗，用表格做了本周产量趋势图。',
];
const COMMENTS = {
  school: ['记录具体，能结合专业课所学，继续保持。', '注意总结问题背后的原因，下周写一写改进思路。'],
  enterprise: ['操作规范，安全意识好。', '学习主动，可以多向老师傅请教工艺细节。'],
};
const MENTORS = [
  { name: '王建军', phone: '13703710001' },
  { name: '刘海燕', phone: '13803710002' },
];

export interface InternshipDemoResult {
  accepted: number;
  active: number;
  completed: number;
  withdrawn: number;
  logs: number;
}

export async function seedInternshipDemo(
  db: Db,
  pii: PiiCipher,
  opts: { now: Date; seed?: number; passwordHash?: string },
): Promise<InternshipDemoResult> {
  const rng = createRng(opts.seed ?? 20231105);
  const today = todayOf(opts.now);
  const [school, teacher, enterprise, enterprise2, school2] = await Promise.all(
    ['school1', 'teacher1', 'enterprise1', 'enterprise2', 'school2'].map((u) => actorOf(db, u)),
  );
  const out: InternshipDemoResult = { accepted: 0, active: 0, completed: 0, withdrawn: 0, logs: 0 };
  if (!school || !teacher || !enterprise) return out;
  const step = stepper(db);
  const schoolId = school.actor.memberships[0]!.organisationId;
  const enterpriseId = enterprise.actor.memberships[0]!.organisationId;
  const [mentorTeacher] = await db.select({ id: teachers.id }).from(teachers).where(eq(teachers.userId, teacher.actor.userId));

  // Story dates, all Mondays: one post that ran and ended, one running for eight weeks, one starting next month.
  const thisMonday = mondayOf(today);
  const doneStart = addDays(thisMonday, -26 * 7);
  const runStart = addDays(thisMonday, -8 * 7);
  const nextStart = addDays(thisMonday, 5 * 7);

  // Students of school1 who may do 岗位实习 on every one of those dates (second year or later, 16 or older),
  // student accounts first so that student1 has the running internship.
  const pool = await db
    .select({ s: students, major: majors.code })
    .from(students)
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId))
    .where(and(eq(students.schoolId, schoolId), eq(students.status, 'enrolled'), isNull(students.archivedAt)))
    .orderBy(asc(students.name), asc(students.birthDate));
  const eligible = pool.filter(({ s }) =>
    [doneStart, runStart, nextStart].every(
      (d) => studyYearOn(s.cohort, d) >= rules.placementMinStudyYear && ageOn(s.birthDate, d) >= rules.minAge,
    ),
  );
  const usernameOf = new Map(
    (
      await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(
          inArray(
            users.id,
            eligible.map((e) => e.s.userId).filter((x): x is string => x !== null),
          ),
        )
    ).map((u) => [u.id, u.username]),
  );
  eligible.sort(
    (a, b) =>
      Number(!a.s.userId) - Number(!b.s.userId) ||
      (usernameOf.get(a.s.userId ?? '') ?? '').localeCompare(usernameOf.get(b.s.userId ?? '') ?? ''),
  );
  if (eligible.length < 9) return out;
  const majorCodes = [
    ...new Set(
      eligible
        .slice(0, 9)
        .map((e) => e.major)
        .filter((m): m is string => m !== null),
    ),
  ].slice(0, 3);

  // The enterprise's staff decide the caps: make sure its register row allows the demo's few interns.
  const [ent] = await db.select({ staff: enterprises.staffCount }).from(enterprises).where(eq(enterprises.organisationId, enterpriseId));
  if (!ent || ent.staff < 100) return out;

  const post = async (owner: Person, title: string, start: string, weeks: number, places: number) => {
    const publishDay = addDays(start, -28);
    // Parsed by the route's own schema, so the defaults a form would get apply here too.
    const terms = postCreate.parse({
      title,
      kind: 'placement',
      positionStaff: places * 10,
      majorCodes,
      places,
      monthlyPayYuan: 3800,
      samePostWageYuan: 4500,
      dailyHours: 8,
      weeklyHours: 40,
      insurance: 'enterprise',
      location: '郑州经济技术开发区第九大街',
      startDate: start,
      endDate: addDays(start, weeks * 7 + 4),
    });
    const created = await step(owner, { resource: 'internshipPost', action: 'create' }, publishDay, (tx, audit, access) =>
      createPost(tx, audit, owner.actor, access, terms),
    );
    await step(owner, { resource: 'internshipPost', action: 'publish' }, publishDay, (tx, audit, access) =>
      publishPost(tx, audit, access, created.id, created.version, publishDay),
    );
    return created.id;
  };
  const donePost = await post(enterprise, '智能装配线实习技术员', doneStart, 24, 3);
  const runPost = await post(enterprise, '设备运维实习生', runStart, 24, 6);
  const nextPost = await post(enterprise, '质量检验实习生', nextStart, 24, 5);

  /** Applied by the school for its student, approved, accepted: the acceptance opens the internship. */
  const place = async (by: Person, ent: Person, studentId: string, postId: string, start: string) => {
    const day = addDays(start, -14);
    const app = await step(by, { resource: 'internshipApplication', action: 'apply' }, day, (tx, audit, access) =>
      apply(tx, audit, by.actor, access, postId, studentId, day),
    );
    await step(by, { resource: 'internshipApplication', action: 'approve' }, day, (tx, audit, access) =>
      approve(tx, audit, by.actor, access, app.id),
    );
    await step(ent, { resource: 'internshipApplication', action: 'accept' }, day, (tx, audit, access) =>
      accept(tx, audit, ent.actor, access, app.id, at(day)),
    );
    const [row] = await db.select({ id: internships.id }).from(internships).where(eq(internships.applicationId, app.id));
    out.accepted++;
    return row!.id;
  };
  const studentPerson = async (
    studentId: string,
    userId: string | null,
    name: string,
    schoolOrg: string,
    ordinal: number,
  ): Promise<Person> => {
    if (userId) return (await actorOf(db, usernameOf.get(userId)!))!;
    // A sign-in for the demo intern (a student signs the agreement and writes logs him/herself).
    const hash = opts.passwordHash ?? (await db.select({ h: users.passwordHash }).from(users).where(eq(users.username, 'school1')))[0]!.h;
    const username = `intern${ordinal}`;
    const [u] = await db
      .insert(users)
      .values({ username, displayName: name, passwordHash: hash, mustChangePassword: false, isDemo: true })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: u!.id, organisationId: schoolOrg, role: 'student' });
    await db.update(students).set({ userId: u!.id }).where(eq(students.id, studentId));
    return (await actorOf(db, username))!;
  };

  /** Mentors, signatures (the guardian's recorded by the school for a minor), insurance, start. */
  const run = async (id: string, student: Person, start: string, mentor: number) => {
    const prep = addDays(start, -10);
    if (mentorTeacher)
      await step(school, { resource: 'internship', action: 'assignMentor' }, prep, (tx, audit, access) =>
        assignSchoolMentor(tx, audit, school.actor, access, id, mentorTeacher.id, at(prep)),
      );
    await step(enterprise, { resource: 'internship', action: 'assignMentor' }, prep, (tx, audit, access) =>
      assignEnterpriseMentor(tx, audit, enterprise.actor, access, pii, id, MENTORS[mentor]!, at(prep)),
    );
    for (const [who, party] of [
      [school, 'school'],
      [enterprise, 'enterprise'],
      [student, 'student'],
    ] as const) {
      await step(who, { resource: 'internship', action: 'sign' }, prep, (tx, audit, access, now) =>
        signAgreement(tx, audit, who.actor, access, id, { party }, now),
      );
    }
    const agreement = await step(school, { resource: 'internship', action: 'read' }, prep, (tx, _a, access, now) =>
      getAgreement(tx, access, id, todayOf(now)),
    );
    if (agreement.missingParties.includes('guardian')) {
      await step(school, { resource: 'internship', action: 'sign' }, prep, (tx, audit, access, now) =>
        signAgreement(
          tx,
          audit,
          school.actor,
          access,
          id,
          {
            party: 'guardian',
            guardianName: `${student.name.slice(0, 1)}${rng.pick(['建国', '秀兰', '国强', '丽华'])}`,
            guardianRelation: rng.pick(['father', 'mother'] as const),
          },
          now,
        ),
      );
    }
    const insured = addDays(start, -3);
    await step(enterprise, { resource: 'internship', action: 'insure' }, insured, (tx, audit, access, now) =>
      recordInsurance(
        tx,
        audit,
        enterprise.actor,
        access,
        id,
        {
          insurer: '中国人民财产保险股份有限公司郑州市分公司',
          policyNo: `PICC-ZZ-${rng.digits(10)}`,
          coverageStart: start,
          coverageEnd: addDays(start, 24 * 7 + 4),
          payer: 'enterprise',
        },
        now,
      ),
    );
    await step(school, { resource: 'internship', action: 'start' }, start, (tx, audit, access, now) =>
      startInternship(tx, audit, access, id, undefined, now),
    );
    out.active++;
  };

  /** Weekly logs for the weeks from the start up to (not including) `until`, each commented by both mentors. */
  const logWeeks = async (id: string, student: Person, start: string, until: string, r: Rng) => {
    for (let week = start; week < until; week = addDays(week, 7)) {
      const friday = addDays(week, 4);
      const log = await step(student, { resource: 'internship', action: 'log' }, friday, (tx, audit, access, now) =>
        writeLog(
          tx,
          audit,
          student.actor,
          access,
          id,
          { weekStart: week, hoursWorked: r.pick([38, 40, 40, 40]), content: r.pick(LOG_TEXTS) },
          now,
        ),
      );
      out.logs++;
      const mentors = [
        [teacher, 'school'],
        [enterprise, 'enterprise'],
      ] as const;
      for (const [who, side] of mentors) {
        if (!r.chance(0.7)) continue;
        await step(who, { resource: 'internship', action: 'mentor' }, addDays(friday, 2), (tx, audit, access) =>
          commentLog(tx, audit, who.actor, access, id, log.id, r.pick(COMMENTS[side])),
        );
      }
    }
  };
  const evaluations = async (id: string, stage: 'midterm' | 'final', day: string, r: Rng) => {
    for (const who of [teacher, enterprise]) {
      await step(who, { resource: 'internship', action: 'mentor' }, day, (tx, audit, access, now) =>
        evaluate(
          tx,
          audit,
          who.actor,
          access,
          id,
          {
            stage,
            score: r.int(78, 95),
            comment: stage === 'midterm' ? '态度认真，技能进步明显。' : '能独立完成岗位典型工作任务，达到实习目标。',
          },
          now,
        ),
      );
    }
  };

  let ordinal = 1;
  const next = async (i: number) => {
    const e = eligible[i]!;
    return { id: e.s.id, person: await studentPerson(e.s.id, e.s.userId, e.s.name, schoolId, e.s.userId ? 0 : ordinal++) };
  };
  // Running: student accounts first (student1 among them), eight weeks of logs; the first has the mid-term due soon.
  for (let i = 0; i < 3; i++) {
    const s = await next(i);
    const id = await place(school, enterprise, s.id, runPost, runStart);
    await run(id, s.person, runStart, i % 2);
    await logWeeks(id, s.person, runStart, i === 2 ? addDays(thisMonday, -14) : thisMonday, rng.fork(`run${i}`));
  }
  // Completed: 24 weeks, both evaluations, completion (passed) into the credit bank.
  for (let i = 3; i < 5; i++) {
    const s = await next(i);
    const id = await place(school, enterprise, s.id, donePost, doneStart);
    await run(id, s.person, doneStart, i % 2);
    const r = rng.fork(`done${i}`);
    await logWeeks(id, s.person, doneStart, addDays(doneStart, 24 * 7), r);
    await evaluations(id, 'midterm', addDays(doneStart, 12 * 7), r);
    await evaluations(id, 'final', addDays(doneStart, 24 * 7), r);
    const end = addDays(doneStart, 24 * 7 + 4);
    await step(teacher, { resource: 'internship', action: 'complete' }, end, (tx, audit, access, now) =>
      complete(tx, audit, teacher.actor, access, id, { outcome: 'passed' }, now),
    );
    out.active--;
    out.completed++;
  }
  // Withdrawn before the start, for a family reason; the place went back to the post.
  {
    const s = await next(5);
    const id = await place(school, enterprise, s.id, runPost, runStart);
    await step(s.person, { resource: 'internship', action: 'withdraw' }, addDays(runStart, -5), (tx, audit, access, now) =>
      withdraw(tx, audit, s.person.actor, access, id, '家中有事需回老家，申请退出本次实习', now),
    );
    out.withdrawn++;
  }
  // Accepted for next month, waiting for signatures: the school has signed one.
  for (let i = 6; i < 9; i++) {
    const e = eligible[i]!;
    const id = await place(school, enterprise, e.s.id, nextPost, nextStart);
    if (i === 6)
      await step(school, { resource: 'internship', action: 'sign' }, today, (tx, audit, access, now) =>
        signAgreement(tx, audit, school.actor, access, id, { party: 'school' }, now),
      );
  }
  // school2's students accepted at enterprise2: placement rates for a second school and enterprise.
  if (school2 && enterprise2) {
    const school2Id = school2.actor.memberships[0]!.organisationId;
    const others = (
      await db
        .select({ s: students })
        .from(students)
        .where(and(eq(students.schoolId, school2Id), eq(students.status, 'enrolled')))
        .orderBy(asc(students.name), asc(students.birthDate))
    )
      .filter(({ s }) => studyYearOn(s.cohort, nextStart) >= rules.placementMinStudyYear && ageOn(s.birthDate, nextStart) >= rules.minAge)
      .slice(0, 2);
    const [e2] = await db
      .select({ staff: enterprises.staffCount })
      .from(enterprises)
      .where(eq(enterprises.organisationId, enterprise2.actor.memberships[0]!.organisationId));
    if (others.length && e2 && e2.staff >= 50) {
      const p = await post(enterprise2, '门店运营实习生', nextStart, 20, 4);
      for (const { s } of others) await place(school2, enterprise2, s.id, p, nextStart);
    }
  }
  return out;
}
