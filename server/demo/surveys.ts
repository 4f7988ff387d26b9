import { sql } from 'drizzle-orm';
import { accessFor, type Permission } from '../../core/authz/index.ts';
import { addDays } from '../../core/internships/dates.ts';
import { todayOf } from '../../core/calendar.ts';
import type { SurveyKind } from '../../core/surveys/index.ts';
import { surveysPolicy as policy } from '../../policy/index.ts';
import { createAuditor, type Auditor } from '../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { answer, closeRound, openRound } from '../surveys/index.ts';
import { actorOf, at, type Person } from './internships.ts';
import { createRng } from './prng.ts';

/**
 * 满意度调查 in the demo city (issue 17 item 2), entered through the surveys capability's own code: last year's
 * city-wide student round (answered by about two thirds, closed), this year's (open, about half answered so far;
 * student1 still has it to fill in), a graduates' round graduate1 can answer, school1's round for its partner
 * employers (enterprise1 has it to fill in), and most of the end-of-internship ratings the completed internships
 * asked for. Each school answers around a level of its own, so the results differ. Deterministic for a seed.
 */
export interface SurveysDemoResult {
  rounds: number;
  invited: number;
  answered: number;
  ratings: number;
}

const COMMENTS: Record<SurveyKind, string[]> = {
  student_satisfaction: [
    '实训室开放时间希望再长一些',
    '企业老师上课很实用',
    '希望多一些去企业参观的机会',
    '食堂和宿舍条件有待改善',
    '专业课和岗位结合得比较紧',
  ],
  graduate_satisfaction: ['在校学的技能工作中用得上', '希望加强升学指导'],
  employer_satisfaction: ['学生动手能力强，职业素养有待加强', '希望学校按企业需要调整课程', '实习生踏实肯干'],
  internship_quality: ['师傅带得很认真', '加班偏多', '岗位和专业很对口', '实习补贴按时发放', '安全培训很到位'],
};

/** Students of a school given a demo sign-in to answer with (the schools of school1 and school2, and two more). */
const RESPONDENTS_PER_SCHOOL = 24;

/**
 * Demo sign-ins for some enrolled students of four schools (`svy_<学校标识码>_<n>`): in the city every student has
 * an account; in the demo only the interns do, too few per school for any result above the minimum sample.
 */
async function respondentSignIns(db: Db, passwordHash: string) {
  const schools = sql`(select o.id from organisations o join schools sc on sc.organisation_id = o.id where o.status = 'active' and (
      o.id in (select m.organisation_id from memberships m join users u on u.id = m.user_id where u.username in ('school1', 'school2'))
      or o.id in (select o2.id from organisations o2 where o2.kind = 'school' and o2.status = 'active' order by o2.code limit 4))
    order by o.id limit 4)`;
  await db.execute(sql`insert into users (username, display_name, password_hash, must_change_password, is_demo)
    select 'svy_' || p.code || '_' || p.n, p.name, ${passwordHash}, false, true from (
      select s.name, o.code, row_number() over (partition by s.school_id order by s.id) as n from students s
        join organisations o on o.id = s.school_id
        where s.school_id in ${schools} and s.status = 'enrolled' and s.user_id is null and s.archived_at is null) p
    where p.n <= ${RESPONDENTS_PER_SCHOOL} on conflict do nothing`);
  await db.execute(sql`with p as (
      select s.id, s.school_id, 'svy_' || o.code || '_' || row_number() over (partition by s.school_id order by s.id) as username
      from students s join organisations o on o.id = s.school_id
      where s.school_id in ${schools} and s.status = 'enrolled' and s.user_id is null and s.archived_at is null),
    linked as (update students set user_id = u.id from p join users u on u.username = p.username where students.id = p.id returning u.id, p.school_id)
    insert into memberships (user_id, organisation_id, role) select id, school_id, 'student' from linked`);
}

export async function seedSurveysDemo(
  db: Db,
  pii: PiiCipher,
  opts: { now: Date; passwordHash: string; seed?: number },
): Promise<SurveysDemoResult | null> {
  const rng = createRng(opts.seed ?? 20260117);
  const admin = await actorOf(db, 'admin');
  const school1 = await actorOf(db, 'school1');
  if (!admin || !school1) return null;
  const today = todayOf(opts.now);
  const year = Number(today.slice(0, 4));
  const result: SurveysDemoResult = { rounds: 0, invited: 0, answered: 0, ratings: 0 };
  await respondentSignIns(db, opts.passwordHash);

  const as = <T>(
    who: Person,
    permission: Permission,
    now: Date,
    work: (tx: Tx, audit: Auditor, access: ReturnType<typeof accessFor>) => Promise<T>,
  ) =>
    db.transaction((tx) =>
      work(
        tx,
        createAuditor(tx, {
          actorUserId: who.actor.userId,
          actorName: who.actor.displayName,
          actorOrganisationId: who.actor.memberships[0]?.organisationId ?? null,
          requestId: null,
        }),
        accessFor(who.actor, permission),
      ),
    );
  const OPEN = { resource: 'surveyRound', action: 'open' } as const;
  const open = async (who: Person, kind: SurveyKind, y: number, day: string, closesOn: string) => {
    try {
      const id = await as(who, OPEN, at(day), (tx, audit, access) =>
        openRound(
          tx,
          audit,
          access,
          who.actor.memberships[0]!.organisationId,
          who.actor.userId,
          { kind: kind as 'student_satisfaction', year: y, closesOn },
          at(day),
        ),
      );
      result.rounds++;
      return id;
    } catch {
      return null; // nobody to ask (no partner enterprise, no graduate with an account): the demo goes without it
    }
  };
  // Each school answers around a level of its own (Likert 1…5), so the bureau's results page has a spread.
  const levels = new Map<string, number>();
  const levelOf = (schoolId: string) => {
    if (!levels.has(schoolId)) levels.set(schoolId, 3 + rng.int(0, 14) / 10);
    return levels.get(schoolId)!;
  };
  const answerSome = async (roundId: string, share: number, day: string, skip: Set<string>) => {
    const invited = await rows<{ id: string; userId: string; schoolId: string; kind: SurveyKind; questions: { code: string }[] }>(
      db,
      sql`select i.id, i.user_id as "userId", i.school_id as "schoolId", r.kind, r.questions from survey_invitations i
        join survey_rounds r on r.id = i.round_id where i.round_id = ${roundId} order by i.id`,
    );
    result.invited += invited.length;
    for (const inv of invited) {
      if (skip.has(inv.userId) || !rng.chance(share)) continue;
      const level = levelOf(inv.schoolId);
      const values = Object.fromEntries(
        inv.questions.map((q) => [q.code, Math.max(1, Math.min(policy.scale.length, Math.round(level + (rng.int(0, 20) - 10) / 10)))]),
      );
      const freeText = rng.chance(0.35) ? rng.pick(COMMENTS[inv.kind]) : null;
      await db.transaction((tx) =>
        answer(
          tx,
          createAuditor(tx, { actorUserId: inv.userId, actorName: null, actorOrganisationId: null, requestId: null }),
          pii,
          inv.userId,
          inv.id,
          { values, freeText },
          at(day),
        ),
      );
      result.answered++;
      if (inv.kind === 'internship_quality') result.ratings++;
    }
  };
  const keep = new Set(
    (await rows<{ id: string }>(db, sql`select id from users where username in ('student1', 'graduate1', 'enterprise1')`)).map((u) => u.id),
  );

  const last = await open(admin, 'student_satisfaction', year - 1, `${year - 1}-11-02`, `${year - 1}-12-20`);
  if (last) {
    await answerSome(last, 0.68, `${year - 1}-11-20`, new Set());
    await as(admin, OPEN, at(`${year - 1}-12-21`), (tx, audit, access) => closeRound(tx, audit, access, last));
  }
  const closesOn = addDays(today, 30);
  const current = await open(admin, 'student_satisfaction', year, today, closesOn);
  if (current) await answerSome(current, 0.5, today, keep);
  await open(admin, 'graduate_satisfaction', year, today, closesOn);
  const employers = await open(school1, 'employer_satisfaction', year, today, closesOn);
  if (employers) await answerSome(employers, 0.8, today, keep);
  // The end-of-internship ratings the demo's completed internships asked for.
  const ratingRounds = await rows<{ id: string }>(db, sql`select id from survey_rounds where kind = 'internship_quality' order by year`);
  for (const r of ratingRounds) await answerSome(r.id, 0.85, today, keep);
  return result;
}
