/**
 * Issue 17's benchmark, on the PostgreSQL server at BENCH_DATABASE_URL (a schema of its own, dropped afterwards):
 * every school's quality evaluation of a year at city scale — 150 schools in 14 districts, 500,000 students, 30,000
 * teachers with enterprise-practice periods, 3,000 programs in major groups, 400,000 credit-bank outcomes, 150,000
 * graduates' destinations at two survey points, carriers with enterprise partners, training courses, funding
 * declarations and collected indicators. Internships are not generated (their posts and applications would make
 * the set-up the benchmark); the placement and partner queries still run, over an empty table.
 *
 *  - evaluate: what the job does — schoolFacts for batches of 100 schools, scoring, upsert — then the ranking;
 *  - evaluate_again: the same over existing rows (the upsert path that keeps previous values);
 *  - monitoring_one_school: one school's facts computed now (the process-monitoring page);
 *  - anchor: one grouped scan of the students and the teachers by school, measured in the same run.
 * Peak memory is the process's maximum resident set. Prints one JSON line with the load average.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chanjiao_h1_bench node bench/quality.ts
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayOf } from '../core/calendar.ts';
import { systemFor } from '../core/quality/index.ts';
import { qualityPolicy } from '../policy/index.ts';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { evaluateSchools, rerank, schoolFacts, surveyScores } from '../server/quality/index.ts';
import { report } from '../test/support/process.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'quality', skipped: 'BENCH_DATABASE_URL is not set' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('refusing: the database name must contain "bench"');

const SCHOOLS = Number(process.env.BENCH_SCHOOLS || 150);
const STUDENTS = Number(process.env.BENCH_STUDENTS || 500_000);
const TEACHERS = Number(process.env.BENCH_TEACHERS || 30_000);
const schema = `bench_quality_${crypto.randomBytes(4).toString('hex')}`;
const database = await openDatabase({ databaseUrl: url, schema, poolSize: 8 });
const db = database.db;
const now = new Date();
const today = todayOf(now);
const year = Number(today.slice(0, 4)) - 1;
const system = systemFor(qualityPolicy, year);
if (!system) throw new Error(`no quality system for ${year}`);
const ms = (t0: number) => Math.round(performance.now() - t0);
const load = () => Math.round(os.loadavg()[0]! * 10) / 10;

try {
  const t0 = performance.now();
  await db.execute(sql`insert into organisations (kind, name, code, status)
    select 'district', '区' || i, 'D' || i, 'active' from generate_series(1, 14) i`);
  await db.execute(sql`update organisations set district_id = id where kind = 'district'`);
  await db.execute(sql`insert into organisations (kind, name, code, status, district_id)
    select 'school', '基准职业学校' || i, 'S' || lpad(i::text, 5, '0'), 'active',
      (select id from organisations where kind = 'district' order by code offset (i % 14) limit 1)
    from generate_series(1, ${SCHOOLS}) i`);
  await db.execute(sql`insert into schools (organisation_id, level, ownership)
    select id, case when hashtext(code) % 3 = 0 then 'higher' else 'secondary' end, 'public' from organisations where kind = 'school'`);
  await db.execute(sql`insert into organisations (kind, name, code, status, district_id)
    select 'enterprise', '基准企业' || i, 'E' || lpad(i::text, 6, '0'), 'active',
      (select id from organisations where kind = 'district' order by code offset (i % 14) limit 1)
    from generate_series(1, 3000) i`);
  await db.execute(sql`create temporary table bench_schools as
    select id, row_number() over (order by id) as n from organisations where kind = 'school'`);
  await db.execute(sql`create temporary table bench_enterprises as
    select id, row_number() over (order by id) as n from organisations where kind = 'enterprise'`);
  // Students: a cohort spread over the last four years; the oldest have graduated.
  await db.execute(sql`insert into students (school_id, name, cohort, birth_date, sex, id_number_cipher, id_number_index, id_number_masked, status)
    select s.id, '学生' || i, ${year} - (i % 4), '2007-01-01', case when i % 2 = 0 then 'male' else 'female' end, 'x', 'bench-' || i, 'x',
      case when i % 4 = 3 then 'graduated' else 'enrolled' end
    from generate_series(1, ${STUDENTS}) i join bench_schools s on s.n = 1 + i % ${SCHOOLS}`);
  await db.execute(sql`insert into teachers (school_id, name, employment, subject, dual_qualified)
    select s.id, '教师' || i, case when i % 10 = 0 then 'partTime' else 'fullTime' end, case when i % 4 = 0 then 'general' else 'specialty' end,
      hashtext(i::text) % 3 <> 0
    from generate_series(1, ${TEACHERS}) i join bench_schools s on s.n = 1 + i % ${SCHOOLS}`);
  await db.execute(sql`insert into teacher_practice_periods (teacher_id, enterprise_name, start_date, end_date)
    select id, '实践企业', (${today}::date - (hashtext(id::text) & 1023) - 400), (${today}::date - (hashtext(id::text) & 1023)) from teachers`);
  const [edition] = await rows<{ id: string }>(
    db,
    sql`insert into catalogue_editions (kind, edition, title, source) values ('major', 'bench', '基准目录', '基准') returning id`,
  );
  await db.execute(sql`insert into majors (edition_id, level, code, name, category_code, category_name, division_code, division_name)
    select ${edition!.id}, 'secondary', lpad(i::text, 6, '4'), '专业' || i, '46', '装备制造', '4601', '机械设计制造' from generate_series(1, 20) i`);
  await db.execute(sql`insert into programs (school_id, major_id, start_year)
    select s.id, m.id, 2020 from bench_schools s cross join majors m`);
  await db.execute(
    sql`insert into industry_clusters (code, name, article, sort_order) values ('bench', '基准集群', '一 (一)', 99) on conflict do nothing`,
  );
  await db.execute(sql`insert into major_groups (school_id, name, cluster_code) select id, '专业群', 'bench' from bench_schools`);
  await db.execute(sql`insert into major_group_programs (group_id, program_id)
    select g.id, p.id from major_groups g join programs p on p.school_id = g.school_id where hashtext(p.id::text) % 3 <> 0`);
  await db.execute(sql`insert into credit_accounts (account_no, kind, student_id, holder_name, id_number_index, id_number_masked, organisation_id)
    select 'A' || st.id, 'student', st.id, st.name, st.id_number_index, 'x', st.school_id from students st where st.status = 'enrolled'`);
  await db.execute(sql`insert into learning_outcomes (account_id, issuer_id, kind, title, achieved_on, idempotency_key)
    select a.id, a.organisation_id, case when k = 1 then 'skillCertificate' else 'schoolCourse' end, '成果', ${`${year}-06-30`}::date, a.id || '-' || k
    from credit_accounts a cross join generate_series(1, 1) k where hashtext(a.id::text) % 10 < 11`);
  await db.execute(sql`insert into graduate_destinations (student_id, school_id, district_id, graduation_year, survey_point, category_code, category_group, in_zhengzhou)
    select st.id, st.school_id, o.district_id, ${year}, p.point,
      case when hashtext(st.id::text) % 10 < 8 then '11' else '70' end,
      case when hashtext(st.id::text) % 10 < 8 then 'employed' else 'unplaced' end,
      hashtext(st.id::text) % 10 < 6
    from students st join organisations o on o.id = st.school_id cross join (values ('graduation'), ('sixMonths')) p(point)
    where st.status = 'graduated'`);
  await db.execute(sql`insert into training_courses (school_id, name, major_code, hours, mode, capacity_per_year)
    select s.id, '培训' || k, '460101', 40, 'offline', 200 from bench_schools s cross join generate_series(1, 6) k`);
  await db.execute(sql`insert into carriers (kind, name, level, lead_organisation_id, status)
    select 'trainingBase', '基地' || s.n || '-' || k, 'city', s.id, 'operating' from bench_schools s cross join generate_series(1, 2) k`);
  await db.execute(sql`insert into carrier_partners (carrier_id, organisation_id)
    select c.id, e.id from carriers c join bench_enterprises e on e.n % 300 = hashtext(c.id::text) & 255`);
  await db.execute(sql`insert into funding_declarations (school_id, year, appropriation_yuan, students, per_student_yuan)
    select id, ${year}, 30000000, 2000, 15000 from bench_schools`);
  await db.execute(sql`insert into quality_collected (school_id, year, indicator_code, value, evidence)
    select s.id, ${year}, c.code, 50, '基准佐证' from bench_schools s cross join (values ('enterprise_investment'), ('technical_service_income')) c(code)`);
  await db.execute(sql`analyze`);
  const setupS = Math.round(ms(t0) / 100) / 10;

  const ids = (await rows<{ id: string }>(db, sql`select id from organisations where kind = 'school' order by id`)).map((r) => r.id);
  const evaluateAll = async () => {
    const t = performance.now();
    const surveys = await surveyScores(db, year);
    for (let k = 0; k < ids.length; k += 100)
      await evaluateSchools(db, { year, today, system, schoolIds: ids.slice(k, k + 100), surveys, jobId: null, now });
    await rerank(db, year);
    return ms(t);
  };
  const evaluate = await evaluateAll();
  const evaluateAgain = await evaluateAll();
  const t1 = performance.now();
  await schoolFacts(db, { year: year + 1, today, schoolIds: [ids[0]!] });
  const monitoringOne = ms(t1);
  const t2 = performance.now();
  await rows(db, sql`select school_id, count(*) from students group by 1`);
  await rows(db, sql`select school_id, count(*) filter (where dual_qualified) from teachers group by 1`);
  const anchor = ms(t2);
  const [{ n, ranked }] = (await rows<{ n: number; ranked: number }>(
    db,
    sql`select count(*)::int as n, count(rank)::int as ranked from quality_results where year = ${year}`,
  )) as [{ n: number; ranked: number }];
  report({
    bench: 'quality',
    schools: SCHOOLS,
    students: STUDENTS,
    teachers: TEACHERS,
    results: n,
    ranked,
    setup_s: setupS,
    evaluate_ms: evaluate,
    evaluate_again_ms: evaluateAgain,
    monitoring_one_school_ms: monitoringOne,
    anchor_students_teachers_by_school_ms: anchor,
    ratio_evaluate_to_anchor: Math.round((evaluate / Math.max(anchor, 1)) * 10) / 10,
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    loadavg_1m: load(),
  });
} finally {
  await database.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
