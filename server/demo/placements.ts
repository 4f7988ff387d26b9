import { noonOf, todayOf } from '../../core/calendar.ts';
import { sql } from 'drizzle-orm';
import type { Membership } from '../../core/authz/index.ts';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { newestEligibleCohort } from '../../core/internships/placement-rate.ts';
import { ageOn, internCaps, studyYearOn } from '../../core/internships/placement-check.ts';
import { postCreate } from '../../contracts/internships.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';
import { memberships, users } from '../platform/db/schema/index.ts';
import type { PiiCipher } from '../platform/pii.ts';
import {
  accept,
  apply,
  approve,
  assignEnterpriseMentor,
  assignSchoolMentor,
  createPost,
  getAgreement,
  publishPost,
  recordInsurance,
  rules,
  signAgreement,
  startInternship,
  writeLog,
} from '../internships/index.ts';
import { DEMO_CLUSTER_MAJORS } from './cluster-majors.ts';
import { stepIn, type Person } from './internships.ts';
import { postTitle } from './matching.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * Placements across the demo city, so the placement rates, the schools' 实习学生 and the enterprises' 申请与接收
 * read like a city's: enterprises of the plan's clusters publish a post in each of two waves, and students of the
 * majors the post wants are placed on it — the autumn wave started weeks ago and is under way (mentors, the
 * three-party agreement signed, the guardian's signature for a minor, insurance, started, last week's log written),
 * the winter wave has been accepted and starts in a few weeks (the school has signed the agreement).
 *
 * Every step goes through the repository functions the routes call (the placement rules, both caps under the
 * enterprise's row lock, places, the overlap check, signatures by their party, the start checks), audited as its
 * actor on its day. What makes it fast enough for a first start is batching: the steps of one post run in one
 * transaction, each with its own audit row, instead of one transaction per step. Students who sign get a sign-in
 * (as a school's batch of student accounts would give them); schools and enterprises without a demo admin get one.
 */

export interface PlacementsDemoResult {
  eligible: number;
  placed: number;
  running: number;
  upcoming: number;
  posts: number;
}

interface Ent {
  id: string;
  name: string;
  staff: number;
  clusterCode: string;
}
interface Candidate {
  id: string;
  schoolId: string;
  schoolCode: string;
  userId: string | null;
  name: string;
  cohort: number;
  birthDate: string;
  major: string;
}

const MENTOR_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const MENTOR_GIVEN = ['建国', '海燕', '志强', '秀梅', '伟', '磊', '军', '丽娟', '国庆', '红霞'];
const LOG_TEXTS = [
  '本周在师傅带领下熟悉岗位操作规程，完成了交给我的日常任务，记录了遇到的问题和解决办法。',
  '本周独立承担部分岗位工作，按作业指导书完成任务，周五参加了班组例会并总结了本周收获。',
  '本周学习质量与安全要求，协助师傅完成检查记录，整理了岗位常用知识的学习笔记。',
];

/** The demo's sign-in for an organisation without one (a school's or an enterprise's administrator). */
async function adminOf(
  db: Db,
  org: { id: string; name: string; districtId: string | null; kind: 'school' | 'enterprise' },
  code: string,
  passwordHash: string,
  known: Map<string, Person>,
): Promise<Person> {
  const found = known.get(org.id);
  if (found) return found;
  const role = org.kind === 'school' ? 'school_admin' : 'enterprise_admin';
  const username = `${org.kind === 'school' ? 'school' : 'ent'}_${code.toLowerCase()}`;
  const [u] = await db
    .insert(users)
    .values({ username, displayName: `${org.name}管理员`, passwordHash, mustChangePassword: false, isDemo: true })
    .returning({ id: users.id });
  await db.insert(memberships).values({ userId: u!.id, organisationId: org.id, role });
  const person = actorFor(u!.id, username, `${org.name}管理员`, [
    { organisationId: org.id, organisationKind: org.kind, districtId: org.districtId, role },
  ]);
  known.set(org.id, person);
  return person;
}

function actorFor(userId: string, username: string, displayName: string, ms: Membership[]): Person {
  return { actor: { userId, username, displayName, memberships: ms }, name: displayName };
}

/** Admins already in the database, by organisation. */
async function existingAdmins(db: Db): Promise<Map<string, Person>> {
  const found = await rows<{
    user_id: string;
    username: string;
    display_name: string;
    org: string;
    kind: 'school' | 'enterprise';
    district_id: string | null;
    role: 'school_admin' | 'enterprise_admin';
  }>(
    db,
    sql`
    select u.id as user_id, u.username, u.display_name, o.id as org, o.kind, o.district_id, m.role from users u
    join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
    where m.role in ('school_admin', 'enterprise_admin') and not u.disabled order by u.username`,
  );
  const out = new Map<string, Person>();
  for (const r of found) {
    if (!out.has(r.org))
      out.set(
        r.org,
        actorFor(r.user_id, r.username, r.display_name, [
          { organisationId: r.org, organisationKind: r.kind, districtId: r.district_id, role: r.role },
        ]),
      );
  }
  return out;
}

export async function seedPlacementsDemo(
  db: Db,
  pii: PiiCipher,
  opts: { now: Date; share: number; passwordHash: string; seed?: number },
): Promise<PlacementsDemoResult> {
  const rng = createRng(opts.seed ?? 20240301);
  const today = todayOf(opts.now);
  const monday = mondayOf(today);
  // The autumn wave started ten weeks ago; the winter wave starts in three weeks (both count for this year's rate).
  const waves = [
    { key: 'autumn' as const, start: addDays(monday, -7 * 10), weeks: 24 },
    { key: 'winter' as const, start: addDays(monday, 7 * 3), weeks: 20 },
  ];
  const eligibleCohort = newestEligibleCohort(today, rules.placementMinStudyYear);
  const [{ n: eligible } = { n: 0 }] = await rows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from students where status = 'enrolled' and archived_at is null and cohort <= ${eligibleCohort}`,
  );
  const target = Math.round(eligible * opts.share);
  const out: PlacementsDemoResult = { eligible, placed: 0, running: 0, upcoming: 0, posts: 0 };
  if (target === 0) return out;

  // Students not yet in any application, by major, in a fixed pseudo-random order.
  const pool = await rows<Candidate & { school_id: string; school_code: string; user_id: string | null; birth_date: string }>(
    db,
    sql`
    select s.id, s.school_id, sc.code as school_code, s.user_id, s.name, s.cohort, s.birth_date::text as birth_date, m.code as major
    from students s join organisations sc on sc.id = s.school_id join programs p on p.id = s.program_id join majors m on m.id = p.major_id
    where s.status = 'enrolled' and s.archived_at is null and s.cohort <= ${eligibleCohort}
      and not exists (select 1 from internship_applications a where a.student_id = s.id)
    order by md5(s.id::text)`,
  );
  const byMajor = new Map<string, Candidate[]>();
  for (const r of pool) {
    const c: Candidate = {
      id: r.id,
      schoolId: r.school_id,
      schoolCode: r.school_code,
      userId: r.user_id,
      name: r.name,
      cohort: r.cohort,
      birthDate: r.birth_date,
      major: r.major,
    };
    byMajor.set(c.major, [...(byMajor.get(c.major) ?? []), c]);
  }
  const taken = new Set<string>();
  const fits = (c: Candidate, start: string) =>
    !taken.has(c.id) && studyYearOn(c.cohort, start) >= rules.placementMinStudyYear && ageOn(c.birthDate, start) >= rules.minAge;

  // Enterprises of a mapped cluster with room under the 10% cap, larger first (they take most interns), then by hash.
  const ents = (
    await rows<{ id: string; name: string; staff: number; cluster_code: string; accepted: number }>(
      db,
      sql`
    select o.id, o.name, e.staff_count as staff, e.cluster_code,
      (select count(*)::int from internship_applications a join internship_posts p on p.id = a.post_id
        where a.enterprise_id = o.id and a.status = 'accepted' and p.kind = 'placement' and p.end_date >= ${today}) as accepted
    from organisations o join enterprises e on e.organisation_id = o.id
    where o.kind = 'enterprise' and o.status = 'active' and e.staff_count >= 50 and e.cluster_code in ${sql.raw(
      `(${Object.keys(DEMO_CLUSTER_MAJORS)
        .map((c) => `'${c}'`)
        .join(', ')})`,
    )}
    order by (e.staff_count >= 300) desc, md5(o.id::text)`,
    )
  ).map((e): Ent & { accepted: number } => ({ id: e.id, name: e.name, staff: e.staff, clusterCode: e.cluster_code, accepted: e.accepted }));
  const orgRows = await rows<{ id: string; name: string; kind: 'school' | 'enterprise'; code: string; district_id: string | null }>(
    db,
    sql`
    select id, name, kind, code, district_id from organisations where kind in ('school', 'enterprise')`,
  );
  const orgs = new Map(orgRows.map((o) => [o.id, o]));
  const admins = await existingAdmins(db);
  const admin = (orgId: string) => {
    const o = orgs.get(orgId)!;
    return adminOf(db, { id: o.id, name: o.name, districtId: o.district_id, kind: o.kind }, o.code, opts.passwordHash, admins);
  };
  const mentorsOf = new Map<string, string[]>();
  for (const t of await rows<{ id: string; school_id: string }>(
    db,
    sql`
    select id, school_id from teachers where status = 'active' and subject = 'specialty' and employment = 'fullTime' order by name, id`,
  )) {
    mentorsOf.set(t.school_id, [...(mentorsOf.get(t.school_id) ?? []), t.id]);
  }
  const studentSeq = new Map<string, number>();

  /** A sign-in for a student who signs the agreement and writes logs. */
  const studentPerson = async (c: Candidate): Promise<Person> => {
    const o = orgs.get(c.schoolId)!;
    const ms: Membership[] = [{ organisationId: c.schoolId, organisationKind: 'school', districtId: o.district_id, role: 'student' }];
    if (c.userId) {
      const [u] = await rows<{ username: string; display_name: string }>(
        db,
        sql`select username, display_name from users where id = ${c.userId}`,
      );
      return actorFor(c.userId, u!.username, u!.display_name, ms);
    }
    const seq = (studentSeq.get(c.schoolCode) ?? 0) + 1;
    studentSeq.set(c.schoolCode, seq);
    const username = `stu_${c.schoolCode}_${seq}`;
    const [u] = await db
      .insert(users)
      .values({ username, displayName: c.name, passwordHash: opts.passwordHash, mustChangePassword: false, isDemo: true })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: u!.id, organisationId: c.schoolId, role: 'student' });
    await db.execute(sql`update students set user_id = ${u!.id} where id = ${c.id}`);
    c.userId = u!.id;
    return actorFor(u!.id, username, c.name, ms);
  };

  const acceptedAt = new Map(ents.map((e) => [e.id, e.accepted]));
  // A third under way (the full path costs three times the steps of an acceptance), two thirds starting soon.
  const perWave = [Math.round(target / 3), target - Math.round(target / 3)];
  for (const [w, wave] of waves.entries()) {
    let left = perWave[w]!;
    const running = wave.key === 'autumn';
    const publishDay = addDays(wave.start, -35);
    const applyDay = running ? addDays(wave.start, -21) : addDays(today, -10);
    const acceptDay = running ? addDays(wave.start, -14) : addDays(today, -5);
    for (const e of ents) {
      if (left <= 0) break;
      const caps = internCaps(e.staff, 0, rules);
      // Each wave takes at most 40% of the enterprise's 10% cap, and never more than the room the cap has left.
      const places = Math.min(left, Math.floor(caps.enterprise * 0.4), caps.enterprise - acceptedAt.get(e.id)!, 60);
      const majors = DEMO_CLUSTER_MAJORS[e.clusterCode] ?? [];
      if (places < 2 || majors.length === 0) continue;
      const chosen: Candidate[] = [];
      for (const m of rng.shuffle([...majors])) {
        for (const c of byMajor.get(m) ?? []) {
          if (chosen.length >= places) break;
          if (fits(c, wave.start)) chosen.push(c);
        }
      }
      if (chosen.length < 2) continue;
      for (const c of chosen) taken.add(c.id);
      const ent = await admin(e.id);
      // Pay at or above the regulation's floor of the same post's wage (publishing refuses less).
      const wage = rng.int(42, 60) * 100;
      const pay = Math.ceil((wage * rules.payFloor) / 100) * 100 + rng.int(0, 4) * 100;
      const post = await db.transaction(async (tx) => {
        const terms = postCreate.parse({
          title: postTitle(rng, chosen[0]!.major),
          kind: 'placement',
          positionStaff: chosen.length * rng.int(5, 10),
          majorCodes: [...new Set(chosen.map((c) => c.major))],
          places: chosen.length,
          monthlyPayYuan: pay,
          samePostWageYuan: wage,
          dailyHours: 8,
          weeklyHours: 40,
          insurance: 'enterprise',
          startDate: wave.start,
          endDate: addDays(wave.start, wave.weeks * 7 + 4),
        });
        const created = await stepIn(tx, ent, { resource: 'internshipPost', action: 'create' }, publishDay, (t, audit, access) =>
          createPost(t, audit, ent.actor, access, terms),
        );
        await stepIn(tx, ent, { resource: 'internshipPost', action: 'publish' }, publishDay, (t, audit, access) =>
          publishPost(t, audit, access, created.id, created.version, publishDay),
        );
        return created;
      });
      out.posts++;
      // Applied by each student's school for its student, approved, accepted: the acceptance opens the internship.
      const schools = new Map<string, Person>();
      for (const c of chosen) if (!schools.has(c.schoolId)) schools.set(c.schoolId, await admin(c.schoolId));
      const placedIds = await db.transaction(async (tx) => {
        const ids: { c: Candidate; internshipId: string }[] = [];
        for (const c of chosen) {
          const sch = schools.get(c.schoolId)!;
          const app = await stepIn(tx, sch, { resource: 'internshipApplication', action: 'apply' }, applyDay, (t, audit, access) =>
            apply(t, audit, sch.actor, access, post.id, c.id, applyDay),
          );
          await stepIn(tx, sch, { resource: 'internshipApplication', action: 'approve' }, applyDay, (t, audit, access) =>
            approve(t, audit, sch.actor, access, app.id),
          );
          await stepIn(tx, ent, { resource: 'internshipApplication', action: 'accept' }, acceptDay, (t, audit, access) =>
            accept(t, audit, ent.actor, access, app.id, noonOf(acceptDay)),
          );
          const [row] = await rows<{ id: string }>(tx, sql`select id from internships where application_id = ${app.id}`);
          ids.push({ c, internshipId: row!.id });
        }
        return ids;
      });
      out.placed += placedIds.length;
      left -= placedIds.length;
      acceptedAt.set(e.id, acceptedAt.get(e.id)! + placedIds.length);
      if (running) {
        await runAll(db, pii, rng, placedIds, {
          ent,
          schools,
          studentPerson,
          mentorsOf,
          start: wave.start,
          weeks: wave.weeks,
          thisMonday: monday,
          today,
        });
        out.running += placedIds.length;
      } else {
        // The school has signed; the enterprise and the student sign nearer the start.
        await db.transaction(async (tx) => {
          for (const { c, internshipId } of placedIds) {
            const sch = schools.get(c.schoolId)!;
            await stepIn(tx, sch, { resource: 'internship', action: 'sign' }, today, (t, audit, access, now) =>
              signAgreement(t, audit, sch.actor, access, internshipId, { party: 'school' }, now),
            );
          }
        });
        out.upcoming += placedIds.length;
      }
    }
  }
  return out;
}

/** Mentors, the agreement signed by every party it needs, insurance, the start, and last week's log (most interns). */
async function runAll(
  db: Db,
  pii: PiiCipher,
  rng: Rng,
  placed: { c: Candidate; internshipId: string }[],
  ctx: {
    ent: Person;
    schools: Map<string, Person>;
    studentPerson: (c: Candidate) => Promise<Person>;
    mentorsOf: Map<string, string[]>;
    start: string;
    weeks: number;
    thisMonday: string;
    today: string;
  },
) {
  const prep = addDays(ctx.start, -10);
  const insured = addDays(ctx.start, -3);
  const students = new Map<string, Person>();
  for (const { c } of placed) students.set(c.id, await ctx.studentPerson(c));
  await db.transaction(async (tx: Tx) => {
    for (const [k, { c, internshipId: id }] of placed.entries()) {
      const sch = ctx.schools.get(c.schoolId)!;
      const stu = students.get(c.id)!;
      const teachers = ctx.mentorsOf.get(c.schoolId) ?? [];
      if (teachers.length) {
        const teacherId = teachers[k % teachers.length]!;
        await stepIn(tx, sch, { resource: 'internship', action: 'assignMentor' }, prep, (t, audit, access, now) =>
          assignSchoolMentor(t, audit, sch.actor, access, id, teacherId, now),
        );
      }
      const mentor = { name: `${rng.pick(MENTOR_SURNAMES)}${rng.pick(MENTOR_GIVEN)}`, phone: `13${rng.int(5, 9)}${rng.digits(8)}` };
      await stepIn(tx, ctx.ent, { resource: 'internship', action: 'assignMentor' }, prep, (t, audit, access, now) =>
        assignEnterpriseMentor(t, audit, ctx.ent.actor, access, pii, id, mentor, now),
      );
      for (const [who, party] of [
        [sch, 'school'],
        [ctx.ent, 'enterprise'],
        [stu, 'student'],
      ] as const) {
        await stepIn(tx, who, { resource: 'internship', action: 'sign' }, prep, (t, audit, access, now) =>
          signAgreement(t, audit, who.actor, access, id, { party }, now),
        );
      }
      const agreement = await stepIn(tx, sch, { resource: 'internship', action: 'read' }, prep, (t, _a, access, now) =>
        getAgreement(t, access, id, todayOf(now)),
      );
      if (agreement.missingParties.includes('guardian')) {
        await stepIn(tx, sch, { resource: 'internship', action: 'sign' }, prep, (t, audit, access, now) =>
          signAgreement(
            t,
            audit,
            sch.actor,
            access,
            id,
            {
              party: 'guardian',
              guardianName: `${c.name.slice(0, 1)}${rng.pick(['建国', '秀兰', '国强', '丽华', '志刚', '桂英'])}`,
              guardianRelation: rng.pick(['father', 'mother'] as const),
            },
            now,
          ),
        );
      }
      await stepIn(tx, ctx.ent, { resource: 'internship', action: 'insure' }, insured, (t, audit, access, now) =>
        recordInsurance(
          t,
          audit,
          ctx.ent.actor,
          access,
          id,
          {
            insurer: '中国人民财产保险股份有限公司郑州市分公司',
            policyNo: `PICC-ZZ-${rng.digits(10)}`,
            coverageStart: ctx.start,
            coverageEnd: addDays(ctx.start, ctx.weeks * 7 + 4),
            payer: 'enterprise',
          },
          now,
        ),
      );
      await stepIn(tx, sch, { resource: 'internship', action: 'start' }, ctx.start, (t, audit, access, now) =>
        startInternship(t, audit, access, id, undefined, now),
      );
      // Nine in ten wrote last week's log; the others show up in the school's alerts, as they would.
      if (rng.chance(0.9)) {
        const week = addDays(ctx.thisMonday, -7);
        const friday = addDays(week, 4);
        if (friday <= ctx.today) {
          await stepIn(tx, stu, { resource: 'internship', action: 'log' }, friday, (t, audit, access, now) =>
            writeLog(
              t,
              audit,
              stu.actor,
              access,
              id,
              { weekStart: week, hoursWorked: rng.pick([38, 40, 40, 40]), content: rng.pick(LOG_TEXTS) },
              now,
            ),
          );
        }
      }
    }
  });
}
