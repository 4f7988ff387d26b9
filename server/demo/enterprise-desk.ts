import { noonOf, todayOf } from '../../core/calendar.ts';
import { sql } from 'drizzle-orm';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { ageOn, studyYearOn } from '../../core/internships/placement-check.ts';
import { demandCreate } from '../../contracts/matching.ts';
import { postCreate } from '../../contracts/internships.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { allocationRuns } from '../platform/db/schema/index.ts';
import { allocationJob, createDemand } from '../matching/index.ts';
import { accept, apply, approve, createPost, publishPost, reject, rules } from '../internships/index.ts';
import type { Services } from '../platform/services.ts';
import { actorOf, stepIn } from './internships.ts';

/**
 * enterprise1's desk, so every enterprise page shows work in progress rather than an empty table: an open post
 * for the coming spring with applicants in every state (applied, approved by their school and waiting for the
 * enterprise, one accepted, one declined with a reason), open demands (the internship post's, a hire and a
 * training for its staff), and an allocation run of school1 whose proposals the enterprise can confirm or decline.
 * Everything goes through the repository functions and the allocation job the pages use, audited as its actor.
 */

export interface EnterpriseDeskResult {
  applicants: number;
  demands: number;
  proposals: number;
}

export async function seedEnterpriseDesk(services: Services, opts: { now: Date }): Promise<EnterpriseDeskResult> {
  const db: Db = services.database.db;
  const today = todayOf(opts.now);
  const out: EnterpriseDeskResult = { applicants: 0, demands: 0, proposals: 0 };
  const [ent, school, school2, admin] = await Promise.all(['enterprise1', 'school1', 'school2', 'admin'].map((u) => actorOf(db, u)));
  if (!ent || !school || !admin) return out;
  const enterpriseId = ent.actor.memberships[0]!.organisationId;
  const start = addDays(mondayOf(today), 7 * 9);
  const publishDay = addDays(today, -12);

  // Students of school1 (and school2) free for the spring, not in any application yet, by major.
  const schoolIds = [school, school2].filter((p) => p !== null).map((p) => p.actor.memberships[0]!.organisationId);
  const free = (
    await rows<{ id: string; school_id: string; cohort: number; birth_date: string; major: string }>(
      db,
      sql`
    select s.id, s.school_id, s.cohort, s.birth_date::text as birth_date, m.code as major from students s
    join programs p on p.id = s.program_id join majors m on m.id = p.major_id
    where s.school_id in ${sql.raw(`(${schoolIds.map((id) => `'${id}'`).join(', ')})`)} and s.status = 'enrolled' and s.archived_at is null
      and not exists (select 1 from internship_applications a where a.student_id = s.id)
    order by md5(s.id::text)`,
    )
  ).filter((s) => studyYearOn(s.cohort, start) >= rules.placementMinStudyYear && ageOn(s.birth_date, start) >= rules.minAge);
  const majorCodes = [...new Set(free.filter((s) => s.school_id === schoolIds[0]).map((s) => s.major))].slice(0, 2);
  if (majorCodes.length === 0) return out;
  const applicants = free.filter((s) => majorCodes.includes(s.major)).slice(0, 7);

  const post = await db.transaction(async (tx) => {
    const terms = postCreate.parse({
      title: '生产线储备技术员（实习）',
      kind: 'placement',
      positionStaff: 60,
      majorCodes,
      places: 10,
      monthlyPayYuan: 4000,
      samePostWageYuan: 4800,
      dailyHours: 8,
      weeklyHours: 40,
      insurance: 'enterprise',
      location: '郑州经济技术开发区第九大街',
      startDate: start,
      endDate: addDays(start, 20 * 7 + 4),
    });
    const created = await stepIn(tx, ent, { resource: 'internshipPost', action: 'create' }, publishDay, (t, audit, access) =>
      createPost(t, audit, ent.actor, access, terms),
    );
    await stepIn(tx, ent, { resource: 'internshipPost', action: 'publish' }, publishDay, (t, audit, access) =>
      publishPost(t, audit, access, created.id, created.version, publishDay),
    );
    return created;
  });

  // Applicants in every state: the first accepted, the second declined, three approved and waiting, the rest just applied.
  await db.transaction(async (tx) => {
    for (const [k, s] of applicants.entries()) {
      const sch = s.school_id === schoolIds[0] ? school : school2!;
      const day = addDays(today, -10 + k);
      const app = await stepIn(tx, sch, { resource: 'internshipApplication', action: 'apply' }, day, (t, audit, access) =>
        apply(t, audit, sch.actor, access, post.id, s.id, day),
      );
      out.applicants++;
      if (k >= 5) continue;
      await stepIn(tx, sch, { resource: 'internshipApplication', action: 'approve' }, day, (t, audit, access) =>
        approve(t, audit, sch.actor, access, app.id),
      );
      if (k === 0)
        await stepIn(tx, ent, { resource: 'internshipApplication', action: 'accept' }, addDays(day, 2), (t, audit, access) =>
          accept(t, audit, ent.actor, access, app.id, noonOf(addDays(day, 2))),
        );
      if (k === 1) {
        await stepIn(tx, ent, { resource: 'internshipApplication', action: 'reject' }, addDays(day, 2), (t, audit, access) =>
          reject(t, audit, ent.actor, access, app.id, '本批次需要有设备点检经验的学生，欢迎报名下一批次'),
        );
      }
    }
  });

  // Open demands: the post's internship demand, a hire and a training for its staff.
  const demands = [
    {
      kind: 'internship' as const,
      internshipPostId: post.id,
      title: '生产线储备技术员实习需求',
      majorCodes,
      skills: ['设备点检', '机械装配'],
      certificates: ['电工证'],
      headcount: 10,
    },
    {
      kind: 'talent' as const,
      title: '招聘设备维修技术员',
      majorCodes,
      skills: ['PLC编程', '设备维修'],
      headcount: 5,
      monthlyPayYuan: 5500,
    },
    {
      kind: 'training' as const,
      title: '班组长现场管理能力提升培训',
      majorCodes,
      headcount: 40,
      startDate: addDays(today, 30),
      endDate: addDays(today, 60),
    },
  ];
  await db.transaction(async (tx) => {
    for (const d of demands) {
      await stepIn(tx, ent, { resource: 'demand', action: 'create' }, addDays(today, -8), (t, audit, access) =>
        createDemand(t, audit, ent.actor, access, demandCreate.parse(d)),
      );
      out.demands++;
    }
  });

  // school1 runs its allocation (the job the allocation page starts): proposals for its students seeking a place.
  const schoolId = schoolIds[0]!;
  const [run] = await db
    .insert(allocationRuns)
    .values({ scope: 'school', schoolId, createdBy: school.actor.userId })
    .returning({ id: allocationRuns.id });
  await allocationJob({
    services: { ...services, now: () => opts.now },
    jobId: `demo-${run!.id}`,
    input: { runId: run!.id },
    checkpoint: null,
    progress: async () => {},
    saveCheckpoint: async () => {},
  });
  const [{ n } = { n: 0 }] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from allocation_proposals where run_id = ${run!.id} and enterprise_id = ${enterpriseId}`,
  );
  out.proposals = n;
  return out;
}
