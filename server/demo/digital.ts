import { sql } from 'drizzle-orm';
import { standardResult } from '../../core/digital/index.ts';
import { digitalPolicy as policy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { onlineCourses, smartCampusAssessments, smartCampusStandards, smartDemoApplications } from '../platform/db/schema/index.ts';
import { createRng } from './prng.ts';

/**
 * Digital vocational education in the demo city (issue 18 item 1), so the three targets are computed and every
 * party's page has something: the bureau has published the smart-campus standard; most 职业学校 have assessed
 * themselves (accepted and meeting, accepted short of it, waiting for review, returned); some meeting schools
 * are 智慧职教示范校 and school1's application waits for the bureau; schools have declared online courses on their
 * programs' majors (mostly recognised, some waiting, a few rejected), school1's first one with enterprise1.
 * Deterministic for a seed; skipped when the standard is already published (a second start).
 */
export interface DigitalDemoResult {
  courses: number;
  recognised: number;
  assessed: number;
  meeting: number;
  demoSchools: number;
}

const DAY = 86_400_000;
const NOTE = '已建成并在用，见学校信息中心台账及平台数据';
const COURSE_KINDS = ['岗位实务', '数字化实训', '核心技能', '项目实战'] as const;

export async function seedDigitalDemo(db: Db, opts: { now: Date; seed?: number }): Promise<DigitalDemoResult | null> {
  const rng = createRng(opts.seed ?? 20231111);
  const [published] = await rows<{ id: string }>(db, sql`select id from smart_campus_standards limit 1`);
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin' limit 1`);
  if (published || !admin) return null;
  const at = (daysAgo: number) => new Date(opts.now.getTime() - daysAgo * DAY);
  const [standard] = await db
    .insert(smartCampusStandards)
    .values({
      title: policy.smartCampus.title,
      items: policy.smartCampus.items,
      passItems: policy.smartCampus.passItems,
      publishedBy: admin.id,
      publishedAt: at(120),
    })
    .returning({ id: smartCampusStandards.id });
  const firstOf = async (username: string) =>
    (
      await rows<{ id: string }>(
        db,
        sql`select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.username = ${username} limit 1`,
      )
    )[0]?.id ?? null;
  const school1 = await firstOf('school1');
  const enterprise1 = await firstOf('enterprise1');
  const schools = await rows<{ id: string; districtId: string | null; name: string }>(
    db,
    sql`select o.id, o.district_id as "districtId", o.name from schools s join organisations o on o.id = s.organisation_id
      where o.status = 'active' and s.level in (${sql.join(
        policy.vocationalLevels.map((l) => sql`${l}`),
        sql`, `,
      )}) order by o.code, o.id`,
  );
  const items = policy.smartCampus.items;
  const assessments: Array<typeof smartCampusAssessments.$inferInsert> = [];
  const demo: Array<typeof smartDemoApplications.$inferInsert> = [];
  for (const s of schools) {
    const own = s.id === school1;
    // school1 meets the standard (its application waits for the bureau); the others spread over every state.
    const roll = own ? 0 : rng.next();
    if (roll > 0.85) continue; // not assessed yet
    const meeting = roll < 0.45;
    const answers = items.map((i) => {
      const met = meeting ? i.required || rng.chance(0.6) : rng.chance(0.55);
      return { code: i.code, met, note: met ? NOTE : null };
    });
    const result = standardResult(items, policy.smartCampus.passItems, answers);
    const status = own || roll < 0.6 ? 'accepted' : roll < 0.75 ? 'submitted' : 'returned';
    const submitted = at(rng.int(20, 100));
    assessments.push({
      schoolId: s.id,
      districtId: s.districtId,
      standardId: standard!.id,
      items: answers,
      metItems: result.met,
      meets: result.meets,
      status,
      reviewNote: status === 'returned' ? '部分条目依据不足，请补充系统截图或数据后重新提交' : null,
      reviewedBy: status === 'submitted' ? null : admin.id,
      reviewedAt: status === 'submitted' ? null : new Date(submitted.getTime() + 7 * DAY),
      submittedAt: submitted,
    });
    if (status === 'accepted' && result.meets && (own || rng.chance(0.5)))
      demo.push({
        schoolId: s.id,
        districtId: s.districtId,
        statement: `${s.name}智慧校园建设全部必备条目达标，数字资源与管理服务系统全面应用，申报智慧职教示范校。`,
        status: own ? 'submitted' : 'approved',
        decidedBy: own ? null : admin.id,
        decidedAt: own ? null : at(rng.int(1, 15)),
        appliedAt: at(18),
      });
  }
  // Courses on the schools' own programs' majors: about one school in two, one to three courses each.
  const programs = await rows<{ schoolId: string; districtId: string | null; code: string; name: string }>(
    db,
    sql`select p.school_id as "schoolId", o.district_id as "districtId", m.code, m.name from programs p join majors m on m.id = p.major_id
      join organisations o on o.id = p.school_id where p.status = 'active' order by o.code, m.code`,
  );
  const courses: Array<typeof onlineCourses.$inferInsert> = [];
  for (const s of schools) {
    const own = s.id === school1;
    const majors = programs.filter((p) => p.schoolId === s.id);
    if (!majors.length || (!own && rng.chance(0.5))) continue;
    const n = own ? Math.min(3, majors.length) : rng.int(1, Math.min(3, majors.length));
    for (let k = 0; k < n; k++) {
      const m = majors[k]!;
      const roll = rng.next();
      // school1's first course (with enterprise1) is recognised: its completions can be recorded in the demo.
      const status = (own && k === 0) || roll < 0.6 ? 'recognised' : roll < 0.9 ? 'submitted' : 'rejected';
      const declared = at(rng.int(10, 200));
      courses.push({
        schoolId: s.id,
        districtId: s.districtId,
        partnerEnterpriseId: own && k === 0 ? enterprise1 : null,
        title: `${m.name}${COURSE_KINDS[k % COURSE_KINDS.length]}`,
        level: rng.pick(['city', 'city', 'city', 'province', 'national'] as const),
        majorCodes: [m.code],
        url: `https://mooc.zzvet.example.cn/course/${m.code}-${k + 1}`,
        credits: rng.int(2, 8) / 2,
        enrolments: rng.int(120, 6000),
        summary: `面向${m.name}专业学生和企业员工的在线课程，含微课视频、在线测验和虚拟仿真实训项目。`,
        status,
        reviewNote: status === 'rejected' ? '课程网址无法访问，请核实后重新提交' : null,
        reviewedBy: status === 'submitted' ? null : admin.id,
        reviewedAt: status === 'submitted' ? null : new Date(declared.getTime() + 10 * DAY),
        createdAt: declared,
        updatedAt: declared,
      });
    }
  }
  if (assessments.length) await db.insert(smartCampusAssessments).values(assessments);
  if (demo.length) await db.insert(smartDemoApplications).values(demo);
  for (let i = 0; i < courses.length; i += 500) await db.insert(onlineCourses).values(courses.slice(i, i + 500));
  return {
    courses: courses.length,
    recognised: courses.filter((c) => c.status === 'recognised').length,
    assessed: assessments.length,
    meeting: assessments.filter((a) => a.status === 'accepted' && a.meets).length,
    demoSchools: demo.filter((d) => d.status === 'approved').length,
  };
}
