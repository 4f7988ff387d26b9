import { sql } from 'drizzle-orm';
import { rows, type Db } from '../platform/db/engine.ts';
import { demands, internshipPosts } from '../platform/db/schema/index.ts';
import { DEMO_CLUSTER_MAJORS, ensureDemoClusterMajors } from './cluster-majors.ts';
import { todayOf } from '../../core/calendar.ts';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { currentIntakeYear } from './generate.ts';
import { createRng } from './prng.ts';

/**
 * Demo data for matching: published internship posts with their demands (skills, certificates), talent demands,
 * and student profiles (a share seeking an internship, some opted in to be found), training demands and schools'
 * training courses. Deterministic (fixed seed and
 * id-hashed choices), for the demo, the screenshots and the city-scale benchmarks. Not part of `seedDemo`: run
 * it on a seeded database (bench/matching.ts does).
 * Cluster fit uses the demo cluster ↔ major mapping (cluster-majors.ts), added here too when no link exists.
 */

/** Skills and certificates by 专业大类 (the first two digits of a major code; 中职 大类 61–79 as their 高职 field, see below). */
const HIGHER_SKILLS: Record<string, string[]> = {
  '46': ['数控编程', 'CAD制图', 'PLC编程', '机械装配', '1+X 数控车铣加工', '1+X 工业机器人操作与运维', '电工证'],
  '51': ['Java', 'Python', '网络配置', '嵌入式开发', '1+X Web前端开发', '1+X 大数据应用开发', '1+X 云计算平台运维'],
  '52': ['护理操作', '药品调剂', '急救', '护士执业资格', '1+X 老年照护', '1+X 母婴护理'],
  '53': ['财务软件', '直播运营', '跨境平台运营', '仓储管理', '1+X 财务共享服务', '1+X 网店运营推广', '1+X 物流管理'],
  '54': ['导游讲解', '英语口语', '旅游线路设计', '导游资格证', '1+X 研学旅行策划与管理'],
};
/** The 2021 catalogue numbers the 中职 大类 of the same field 20 higher; 70 交通运输 has its own (automotive) skills. */
const SKILLS: Record<string, string[]> = {
  ...HIGHER_SKILLS,
  ...Object.fromEntries(Object.entries(HIGHER_SKILLS).map(([div, list]) => [String(Number(div) + 20), list])),
  '70': ['汽车维护保养', '汽车电器检修', '发动机拆装', '1+X 汽车运用与维修', '低压电工作业证'],
};

/**
 * Post titles as employers write them, by the 专业大类 of the first major the post wants (no codes in a title: a
 * student reads 「数控车床操作实习生」, the major codes are the post's majors list).
 */
const TITLES: Record<string, readonly string[]> = {
  '46': ['数控车床操作实习生', '机械装配实习生', '设备维修实习技术员', 'CNC编程实习生', '机电设备调试实习生', '质量检验实习员'],
  '51': ['软件测试实习生', '网络运维实习生', '前端开发实习生', 'IT技术支持实习生', '数据标注实习生', '嵌入式开发实习生'],
  '52': ['护理实习生', '药房调剂实习生', '康养护理实习生'],
  '53': ['电商运营实习生', '会计助理实习生', '仓储物流实习生', '跨境电商客服实习生', '直播运营助理（实习）'],
  '54': ['导游实习生', '旅行社计调实习生', '酒店前厅实习生'],
  '70': ['汽车维修实习生', '汽车机电维修学徒', '4S店售后服务实习生'],
};
const ANY_MAJOR_TITLES = ['生产操作实习生', '储备技术员（实习）', '行政助理实习生', '门店运营实习生'];

export function postTitle(rng: { pick<T>(xs: readonly T[]): T }, majorCode: string | undefined): string {
  if (!majorCode) return rng.pick(ANY_MAJOR_TITLES);
  const div = majorCode.slice(0, 2);
  return rng.pick(TITLES[div] ?? TITLES[String(Number(div) - 20)] ?? ANY_MAJOR_TITLES);
}

export interface MatchingDemoResult {
  posts: number;
  demands: number;
  profiles: number;
  seeking: number;
}

/**
 * Post dates around `now`: most start in the coming weeks (the spring placements schools are arranging now), some
 * started a few weeks ago and still take interns, and about one in ten ended recently without being closed — an
 * ended post is not offered to students (core/internships/offer.ts), so the demo shows that too.
 */
function postDates(rng: ReturnType<typeof createRng>, today: string): { startDate: string; endDate: string } {
  const monday = mondayOf(today);
  const kind = rng.weighted([
    ['upcoming', 6],
    ['running', 3],
    ['ended', 1],
  ] as const);
  const start =
    kind === 'upcoming'
      ? addDays(monday, 7 * rng.int(3, 14))
      : kind === 'running'
        ? addDays(monday, -7 * rng.int(2, 10))
        : addDays(monday, -7 * rng.int(26, 34));
  const weeks = kind === 'ended' ? rng.int(20, 24) : rng.int(16, 26);
  return { startDate: start, endDate: addDays(start, weeks * 7 + 4) };
}

export async function seedMatchingDemo(
  db: Db,
  opts: { posts: number; seekingShare: number; now: Date; seed?: number },
): Promise<MatchingDemoResult> {
  const rng = createRng(opts.seed ?? 20230923);
  const today = todayOf(opts.now);
  await ensureDemoClusterMajors(db);
  const majorCodes = (await rows<{ code: string }>(db, sql`select distinct code from majors order by code`)).map((r) => r.code);
  const ents = await rows<{ id: string; district_id: string | null; cluster_code: string | null; staff: number }>(
    db,
    sql`
    select o.id, o.district_id, e.cluster_code, e.staff_count as staff from organisations o join enterprises e on e.organisation_id = o.id
    where o.kind = 'enterprise' and o.status = 'active' and e.staff_count >= 20 order by md5(o.id::text) limit ${opts.posts}`,
  );
  const postRows: (typeof internshipPosts.$inferInsert)[] = [];
  const demandRows: (typeof demands.$inferInsert)[] = [];
  for (let i = 0; i < opts.posts && ents.length; i++) {
    const e = ents[i % ents.length]!;
    const clusterMajors = e.cluster_code ? (DEMO_CLUSTER_MAJORS[e.cluster_code] ?? []) : [];
    const pool = clusterMajors.length ? clusterMajors : majorCodes;
    const wanted = rng.chance(0.1) ? [] : rng.sample(pool, Math.min(pool.length, rng.int(1, 2)));
    const places = rng.int(2, 10);
    const pay = rng.int(30, 50) * 100;
    const skills = SKILLS[(wanted[0] ?? rng.pick(pool)).slice(0, 2)] ?? [];
    postRows.push({
      enterpriseId: e.id,
      districtId: e.district_id,
      title: postTitle(rng, wanted[0]),
      kind: rng.chance(0.9) ? 'placement' : 'observation',
      positionStaff: places * rng.int(5, 15),
      majorCodes: wanted,
      places,
      monthlyPayYuan: pay,
      samePostWageYuan: Math.floor(pay / 0.85),
      dailyHours: 8,
      weeklyHours: 40,
      insurance: 'enterprise',
      ...postDates(rng, today),
      status: 'published',
    });
    if (rng.chance(0.5)) {
      demandRows.push({
        enterpriseId: e.id,
        kind: 'internship',
        title: '实习岗位需求',
        clusterCode: e.cluster_code,
        majorCodes: wanted,
        districtId: e.district_id,
        skills: rng.sample(
          skills.filter((s) => !s.startsWith('1+X')),
          2,
        ),
        certificates: rng.sample(
          skills.filter((s) => s.startsWith('1+X')),
          1,
        ),
        headcount: places,
        status: 'open',
      });
    }
    if (i % 10 === 5) {
      // Training for the enterprise's staff (二 (二) 5): matched against schools' training courses.
      demandRows.push({
        enterpriseId: e.id,
        kind: 'training',
        title: `员工${wanted[0] ? '专业' : '通用'}技能提升培训`,
        clusterCode: e.cluster_code,
        majorCodes: wanted,
        districtId: e.district_id,
        skills: [],
        certificates: [],
        headcount: 10 + (i % 5) * 10,
        status: 'open',
      });
    }
    if (i % 4 === 0) {
      demandRows.push({
        enterpriseId: e.id,
        kind: 'talent',
        title: `招聘${rng.pick(['技术员', '工程师助理', '运营专员', '储备干部'])}`,
        clusterCode: e.cluster_code,
        majorCodes: wanted,
        districtId: e.district_id,
        skills: rng.sample(skills, 2),
        certificates: [],
        headcount: rng.int(1, 8),
        monthlyPayYuan: pay + 1500,
        status: 'open',
      });
    }
  }
  const postIds: string[] = [];
  for (let i = 0; i < postRows.length; i += 1000) {
    postIds.push(
      ...(
        await db
          .insert(internshipPosts)
          .values(postRows.slice(i, i + 1000))
          .returning({ id: internshipPosts.id })
      ).map((r) => r.id),
    );
  }
  // Internship demands point at their post: the k-th internship demand at the post it was generated with.
  let pi = 0;
  const linked = demandRows.map((d) => (d.kind === 'internship' ? { ...d, internshipPostId: postIds[pi++] } : d));
  for (let i = 0; i < linked.length; i += 1000) await db.insert(demands).values(linked.slice(i, i + 1000));
  // Profiles in SQL: students of the cohorts old enough for 岗位实习 by the coming spring, skills by their major's 专业大类.
  const h = (salt: string) => sql.raw(`(('x' || substr(md5(s.id::text || '${salt}'), 1, 8))::bit(32)::int & 2147483647)`);
  const skillCase = sql.join(
    Object.entries(SKILLS).map(
      ([div, list]) =>
        sql`when ${div} then array[${sql.join(
          list
            .filter((x) => !x.startsWith('1+X'))
            .slice(0, 4)
            .map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`,
    ),
    sql` `,
  );
  const certCase = sql.join(
    Object.entries(SKILLS).map(
      ([div, list]) =>
        sql`when ${div} then array[${sql.join(
          list.filter((x) => x.startsWith('1+X')).map((x) => sql`${x}`),
          sql`, `,
        )}]::text[]`,
    ),
    sql` `,
  );
  const share = Math.round(opts.seekingShare * 1000);
  await db.execute(sql`
    insert into student_profiles (student_id, skills, certificates, preferred_district_ids, min_monthly_pay_yuan, seeking_internship, discoverable)
    select s.id,
      (select coalesce(array_agg(x), '{}') from unnest(case left(m.code, 2) ${skillCase} else '{}'::text[] end) x where (('x' || substr(md5(s.id::text || x), 1, 8))::bit(32)::int & 2147483647) % 2 = 0),
      (select coalesce(array_agg(x), '{}') from unnest(case left(m.code, 2) ${certCase} else '{}'::text[] end) x where (('x' || substr(md5(s.id::text || x), 1, 8))::bit(32)::int & 2147483647) % 3 = 0),
      case when ${h('d')} % 10 < 3 then array[sc.district_id] else '{}'::uuid[] end,
      case when ${h('p')} % 10 < 2 then 3500 else null end,
      ${h('s')} % 1000 < ${share}, ${h('v')} % 10 < 2
    from students s join organisations sc on sc.id = s.school_id join programs pr on pr.id = s.program_id join majors m on m.id = pr.major_id
    where s.status = 'enrolled' and s.archived_at is null and s.cohort <= ${currentIntakeYear(opts.now) - 1}
    on conflict do nothing`);
  // A training course for about a third of the schools' programs, in the program's field.
  await db.execute(sql`
    insert into training_courses (school_id, name, major_code, hours, mode, trainees, capacity_per_year)
    select pr.school_id, m.name || '岗位技能提升培训', m.code, 16 * (1 + h % 6), (array['offline', 'online', 'blended'])[1 + (h / 7) % 3], '企业在职员工', 20 * (1 + h % 10)
    from (select pr.*, (('x' || substr(md5(pr.id::text), 1, 8))::bit(32)::int & 2147483647) as h from programs pr where pr.status = 'active') pr
    join majors m on m.id = pr.major_id where pr.h % 3 = 0
    on conflict do nothing`);
  const [counts] = await rows<{ profiles: number; seeking: number }>(
    db,
    sql`select count(*)::int as profiles, count(*) filter (where seeking_internship)::int as seeking from student_profiles`,
  );
  return { posts: postIds.length, demands: linked.length, profiles: counts!.profiles, seeking: counts!.seeking };
}

/**
 * Marks more students seeking an internship until `target` are (deterministically: by a hash of the id, among
 * the students that have a profile), for benchmarks at the issue's scale (60,000 seeking students); never
 * unmarks any. Answers how many seek afterwards (fewer than the target when there are not enough profiles).
 */
export async function raiseSeeking(db: Db, target: number): Promise<number> {
  await db.execute(sql`
    update student_profiles set seeking_internship = true where student_id in (
      select student_id from student_profiles where not seeking_internship order by md5(student_id::text)
      limit greatest(0, ${target} - (select count(*) from student_profiles where seeking_internship)))`);
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from student_profiles where seeking_internship`);
  return r!.n;
}
