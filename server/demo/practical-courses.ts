import { sql } from 'drizzle-orm';
import { rows, type Db } from '../platform/db/engine.ts';
import { practicalCoursePartners, practicalCourses } from '../platform/db/schema/index.ts';
import { createRng } from './prng.ts';

/**
 * 劳动技术与职业体验课程 in the demo city (issue 18, 二 (三) 7): school1's school and a few others each offer courses
 * to 中小学 developed with one or two enterprises of their district (else of the city); one 劳动技术 course is the
 * school's own (catalogued, not counted) and one is closed, so the catalogue, the public page and the cockpit's
 * practical_courses (short of its 300) have something to show. Deterministic for a seed.
 */
const COURSES: Array<{ kind: 'labour' | 'career'; title: string; stages: string[]; hours: number; summary: string }> = [
  {
    kind: 'career',
    title: '小小机械工程师职业体验',
    stages: ['primary', 'junior'],
    hours: 8,
    summary: '走进合作企业车间，认识数控机床并动手加工一个小零件。',
  },
  {
    kind: 'career',
    title: '新能源汽车探秘',
    stages: ['junior', 'senior'],
    hours: 12,
    summary: '在合作企业了解电池、电机、电控，体验整车下线检测。',
  },
  {
    kind: 'labour',
    title: '智慧农业种植劳动课',
    stages: ['primary'],
    hours: 16,
    summary: '与农业科技企业共建种植园，学习播种、灌溉与传感器监测。',
  },
  { kind: 'career', title: '小小护理员职业体验', stages: ['junior'], hours: 6, summary: '在合作医院与养老机构学习基础护理与急救常识。' },
  {
    kind: 'labour',
    title: '木工与家具制作',
    stages: ['junior', 'senior'],
    hours: 20,
    summary: '与家居企业合作，完成一件小家具从设计到组装。',
  },
  { kind: 'career', title: '电子商务直播体验', stages: ['senior'], hours: 10, summary: '在电商企业直播间体验选品、脚本与直播带货。' },
  { kind: 'career', title: '航空服务职业体验', stages: ['junior', 'senior'], hours: 8, summary: '在合作航空企业体验客舱服务与安全演示。' },
  { kind: 'labour', title: '传统面点制作', stages: ['primary', 'junior'], hours: 12, summary: '与餐饮企业合作学习郑州传统面点制作。' },
  {
    kind: 'career',
    title: '智能制造机器人编程体验',
    stages: ['junior', 'senior'],
    hours: 16,
    summary: '在合作企业学习工业机器人示教与简单编程。',
  },
  { kind: 'labour', title: '校园维修小能手', stages: ['primary', 'junior'], hours: 8, summary: '学校自主开发：学习简单的水电与桌椅维修。' },
  { kind: 'career', title: '轨道交通职业体验', stages: ['primary', 'junior'], hours: 6, summary: '走进地铁运营企业，体验调度与安检工作。' },
  {
    kind: 'labour',
    title: '3D打印创意制作',
    stages: ['junior', 'senior'],
    hours: 12,
    summary: '与增材制造企业合作，完成一个创意作品的建模与打印。',
  },
];
/** The school's own 劳动技术 course (no enterprise) and the closed one, by index. */
const ALONE = 9;
const CLOSED = 11;

export async function seedPracticalCoursesDemo(
  db: Db,
  opts: { now: Date; seed?: number },
): Promise<{ courses: number; counted: number } | null> {
  const rng = createRng(opts.seed ?? 20231007);
  const schools = await rows<{ id: string; districtId: string | null; userId: string | null }>(
    db,
    sql`select o.id, o.district_id as "districtId",
        (select u.id from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id order by u.username limit 1) as "userId"
      from organisations o join schools s on s.organisation_id = o.id
      where o.is_demo and o.status = 'active' and s.level in ('secondary', 'higher', 'vocUndergrad')
      order by exists (select 1 from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and u.username = 'school1') desc, o.code, o.id
      limit 4`,
  );
  const enterprises = await rows<{ id: string; districtId: string | null }>(
    db,
    sql`select o.id, o.district_id as "districtId" from organisations o where o.is_demo and o.kind = 'enterprise' and o.status = 'active' order by o.code, o.id limit 200`,
  );
  if (!schools.length || !enterprises.length) return null;
  let counted = 0;
  for (const [i, c] of COURSES.entries()) {
    const school = schools[i % schools.length]!;
    const near = enterprises.filter((e) => e.districtId === school.districtId);
    const pool = near.length ? near : enterprises;
    const partners = i === ALONE ? [] : [...new Set([rng.pick(pool).id, ...(rng.chance(0.4) ? [rng.pick(pool).id] : [])])];
    const at = new Date(opts.now.getTime() - (COURSES.length - i) * 7 * 86_400_000);
    const [row] = await db
      .insert(practicalCourses)
      .values({
        ...c,
        schoolId: school.id,
        districtId: school.districtId,
        status: i === CLOSED ? 'closed' : 'open',
        enteredBy: school.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: practicalCourses.id });
    if (partners.length)
      await db.insert(practicalCoursePartners).values(partners.map((enterpriseId) => ({ courseId: row!.id, enterpriseId })));
    if (partners.length && i !== CLOSED) counted++;
  }
  return { courses: COURSES.length, counted };
}
