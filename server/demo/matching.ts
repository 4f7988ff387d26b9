import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/engine.ts';
import { demands, internshipPosts } from '../db/schema/index.ts';
import { DEMO_CLUSTER_MAJORS, ensureDemoClusterMajors } from './cluster-majors.ts';
import { createRng } from './prng.ts';

/**
 * Demo data for matching: published internship posts with their demands (skills, certificates), talent demands,
 * and student profiles (a share seeking an internship, some opted in to be found), training demands and schools'
 * training courses. Deterministic (fixed seed and
 * id-hashed choices), for the demo, the screenshots and the city-scale benchmarks. Not part of `seedDemo`: run
 * it on a seeded database (bench/matching.ts does).
 * Cluster fit uses the demo cluster ↔ major mapping (cluster-majors.ts), added here too when no link exists.
 */

/** Skills and certificates by 专业大类 (the first two digits of a major code). */
const SKILLS: Record<string, string[]> = {
  '46': ['数控编程', 'CAD制图', 'PLC编程', '机械装配', '1+X 数控车铣加工', '1+X 工业机器人操作与运维', '电工证'],
  '51': ['Java', 'Python', '网络配置', '嵌入式开发', '1+X Web前端开发', '1+X 大数据应用开发', '1+X 云计算平台运维'],
  '52': ['护理操作', '药品调剂', '急救', '护士执业资格', '1+X 老年照护', '1+X 母婴护理'],
  '53': ['财务软件', '直播运营', '跨境平台运营', '仓储管理', '1+X 财务共享服务', '1+X 网店运营推广', '1+X 物流管理'],
  '54': ['导游讲解', '英语口语', '旅游线路设计', '导游资格证', '1+X 研学旅行策划与管理'],
};

export interface MatchingDemoResult { posts: number; demands: number; profiles: number; seeking: number }

export async function seedMatchingDemo(db: Db, opts: { posts: number; seekingShare: number; seed?: number }): Promise<MatchingDemoResult> {
  const rng = createRng(opts.seed ?? 20230923);
  await ensureDemoClusterMajors(db);
  const majorCodes = (await rows<{ code: string }>(db, sql`select distinct code from majors order by code`)).map((r) => r.code);
  const ents = await rows<{ id: string; district_id: string | null; cluster_code: string | null; staff: number }>(db, sql`
    select o.id, o.district_id, e.cluster_code, e.staff_count as staff from organisations o join enterprises e on e.organisation_id = o.id
    where o.kind = 'enterprise' and o.status = 'active' and e.staff_count >= 20 order by md5(o.id::text) limit ${opts.posts}`);
  const postRows: (typeof internshipPosts.$inferInsert)[] = [];
  const demandRows: (typeof demands.$inferInsert)[] = [];
  for (let i = 0; i < opts.posts && ents.length; i++) {
    const e = ents[i % ents.length]!;
    const clusterMajors = e.cluster_code ? DEMO_CLUSTER_MAJORS[e.cluster_code] ?? [] : [];
    const pool = clusterMajors.length ? clusterMajors : majorCodes;
    const wanted = rng.chance(0.1) ? [] : rng.sample(pool, Math.min(pool.length, rng.int(1, 2)));
    const places = rng.int(2, 10);
    const pay = rng.int(30, 50) * 100;
    const skills = SKILLS[(wanted[0] ?? rng.pick(pool)).slice(0, 2)] ?? [];
    const month = rng.int(3, 7);
    postRows.push({
      enterpriseId: e.id, districtId: e.district_id, title: `${rng.pick(['实习生', '技术员', '助理', '操作员'])}（${wanted[0] ?? '不限专业'}）`,
      kind: rng.chance(0.9) ? 'placement' : 'observation', positionStaff: places * rng.int(5, 15), majorCodes: wanted, places,
      monthlyPayYuan: pay, samePostWageYuan: Math.floor(pay / 0.85), dailyHours: 8, weeklyHours: 40, insurance: 'enterprise',
      startDate: `2027-0${month}-01`, endDate: `2027-${String(month + 5).padStart(2, '0')}-28`,
      status: 'published',
    });
    if (rng.chance(0.5)) {
      demandRows.push({ enterpriseId: e.id, kind: 'internship', title: '实习岗位需求', clusterCode: e.cluster_code, majorCodes: wanted, districtId: e.district_id,
        skills: rng.sample(skills.filter((s) => !s.startsWith('1+X')), 2), certificates: rng.sample(skills.filter((s) => s.startsWith('1+X')), 1), headcount: places, status: 'open' });
    }
    if (i % 10 === 5) {
      // Training for the enterprise's staff (二 (二) 5): matched against schools' training courses.
      demandRows.push({ enterpriseId: e.id, kind: 'training', title: `员工${wanted[0] ? '专业' : '通用'}技能提升培训`, clusterCode: e.cluster_code, majorCodes: wanted,
        districtId: e.district_id, skills: [], certificates: [], headcount: 10 + (i % 5) * 10, status: 'open' });
    }
    if (i % 4 === 0) {
      demandRows.push({ enterpriseId: e.id, kind: 'talent', title: `招聘${rng.pick(['技术员', '工程师助理', '运营专员', '储备干部'])}`, clusterCode: e.cluster_code, majorCodes: wanted,
        districtId: e.district_id, skills: rng.sample(skills, 2), certificates: [], headcount: rng.int(1, 8), monthlyPayYuan: pay + 1500, status: 'open' });
    }
  }
  const postIds: string[] = [];
  for (let i = 0; i < postRows.length; i += 1000) {
    postIds.push(...(await db.insert(internshipPosts).values(postRows.slice(i, i + 1000)).returning({ id: internshipPosts.id })).map((r) => r.id));
  }
  // Internship demands point at their post: the k-th internship demand at the post it was generated with.
  let pi = 0;
  const linked = demandRows.map((d) => (d.kind === 'internship' ? { ...d, internshipPostId: postIds[pi++] } : d));
  for (let i = 0; i < linked.length; i += 1000) await db.insert(demands).values(linked.slice(i, i + 1000));
  // Profiles in SQL: half of the students of cohorts that may do 岗位实习 in 2027, skills by their major's 专业大类.
  const h = (salt: string) => sql.raw(`(('x' || substr(md5(s.id::text || '${salt}'), 1, 8))::bit(32)::int & 2147483647)`);
  const skillCase = sql.join(Object.entries(SKILLS).map(([div, list]) => sql`when ${div} then array[${sql.join(list.filter((x) => !x.startsWith('1+X')).slice(0, 4).map((x) => sql`${x}`), sql`, `)}]::text[]`), sql` `);
  const certCase = sql.join(Object.entries(SKILLS).map(([div, list]) => sql`when ${div} then array[${sql.join(list.filter((x) => x.startsWith('1+X')).map((x) => sql`${x}`), sql`, `)}]::text[]`), sql` `);
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
    where s.status = 'enrolled' and s.archived_at is null and s.cohort <= 2025
    on conflict do nothing`);
  // A training course for about a third of the schools' programs, in the program's field.
  await db.execute(sql`
    insert into training_courses (school_id, name, major_code, hours, mode, trainees, capacity_per_year)
    select pr.school_id, m.name || '岗位技能提升培训', m.code, 16 * (1 + h % 6), (array['offline', 'online', 'blended'])[1 + (h / 7) % 3], '企业在职员工', 20 * (1 + h % 10)
    from (select pr.*, (('x' || substr(md5(pr.id::text), 1, 8))::bit(32)::int & 2147483647) as h from programs pr where pr.status = 'active') pr
    join majors m on m.id = pr.major_id where pr.h % 3 = 0
    on conflict do nothing`);
  const [counts] = await rows<{ profiles: number; seeking: number }>(db, sql`select count(*)::int as profiles, count(*) filter (where seeking_internship)::int as seeking from student_profiles`);
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
