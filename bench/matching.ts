import os from 'node:os';
import { sql } from 'drizzle-orm';
import { todayOf } from '../core/calendar.ts';
import { allocateInternships } from '../core/matching/allocation.ts';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { allocationRuns } from '../server/platform/db/schema/index.ts';
import { raiseSeeking, seedMatchingDemo } from '../server/demo/matching.ts';
import { allocationJob, planAllocation } from '../server/matching/allocation-job.ts';
import { recommendForEnterprise, recommendForSchool, recommendForStudent } from '../server/matching/recommend.ts';
import type { Services } from '../server/platform/services.ts';
import { report } from '../test/support/process.ts';

/**
 * Matching at city scale on PostgreSQL (BENCH_DATABASE_URL, a database whose name contains "bench", seeded
 * with the city demo: `DEMO_SCALE=city`, e.g. by bench/search.ts or `node scripts/demo.ts --scale city`):
 *   (b) the whole city-wide internship allocation end to end — load, score, solve with column generation, store —
 *       as the job runs it, with the time of each phase, the candidate arcs, placements and total score before
 *       and after pricing, the pricing rounds and the process's peak RSS; its anchor, measured in the same run:
 *       the solver alone on the same final graph (every pair the run ended with), solved cold; the ratio of the
 *       two (wall and CPU time of this process) and the load average before and after;
 *   (c) recommendation lists: p50/p95 of a student's list, an enterprise's (programs, students) and a school's,
 *       called as the routes call them (without the HTTP layer).
 * The first run adds the matching demo data (BENCH_POSTS published posts, default 8,000, and profiles with a
 * BENCH_SEEKING share of the students of internship age seeking one, default 0.18: 34,820 at city scale).
 * BENCH_SEEKING_STUDENTS (default 60,000, the scale) then marks more profiled students seeking until that
 * many are (server/demo/matching.ts raiseSeeking; 0 leaves the count as seeded). BENCH_MATCHING_LISTS=0 skips (c).
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'matching', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name, seeded at city scale) to run it' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');
const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
const db = database.db;
const services = { database, now: () => new Date() } as unknown as Services;
const today = todayOf(new Date());
const load = () => os.loadavg().map((x) => Math.round(x * 10) / 10);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
};

try {
  const [{ n: profiles }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from student_profiles`)) as [{ n: number }];
  if (profiles === 0) {
    const t0 = performance.now();
    const seeded = await seedMatchingDemo(db, {
      posts: Number(process.env.BENCH_POSTS ?? 8000),
      seekingShare: Number(process.env.BENCH_SEEKING ?? 0.18),
      now: services.now(),
    });
    report({ bench: 'matching_dataset', ...seeded, seconds: Math.round((performance.now() - t0) / 100) / 10 });
  }
  const target = Number(process.env.BENCH_SEEKING_STUDENTS ?? 60_000);
  if (target > 0) await raiseSeeking(db, target);
  const [counts] = await rows(
    db,
    sql`select (select count(*)::int from students) as students, (select count(*)::int from enterprises) as enterprises,
    (select count(*)::int from internship_posts where status = 'published') as published_posts, (select count(*)::int from demands where status = 'open') as open_demands,
    (select count(*)::int from student_profiles where seeking_internship) as seeking`,
  );

  // (b) The whole allocation, as the job runs it — a first run: earlier bench runs' proposals are removed.
  await db.execute(sql`delete from allocation_proposals`);
  await db.execute(sql`delete from allocation_runs`);
  const [run] = await db.insert(allocationRuns).values({ scope: 'city' }).returning({ id: allocationRuns.id });
  const loadBefore = load();
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  const result = await allocationJob({
    services,
    jobId: 'bench',
    input: { runId: run!.id },
    checkpoint: null,
    progress: async () => {},
    saveCheckpoint: async () => {},
  });
  const seconds = (performance.now() - t0) / 1000,
    cpu = cpuSeconds(c0);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  // The anchor: the solver alone, cold, on the graph the run ended with (the same load and scoring again, untimed).
  const plan = await planAllocation(db, { schoolId: null }, today);
  const input = {
    studentCount: plan.seekers.length,
    posts: plan.caps.posts,
    enterpriseCapacity: plan.caps.enterprises,
    arcs: plan.result.arcs,
  };
  const s0 = performance.now(),
    sc0 = process.cpuUsage();
  const alone = allocateInternships(input);
  const solverSeconds = (performance.now() - s0) / 1000,
    solverCpu = cpuSeconds(sc0);
  if (alone.totalScore !== plan.result.totalScore)
    throw new Error(`the solver alone found ${alone.totalScore}, the run ${plan.result.totalScore}`);
  const r1 = (x: number) => Math.round(x * 10) / 10,
    r2 = (x: number) => Math.round(x * 100) / 100;
  report({
    bench: 'matching_allocation',
    engine: 'postgres',
    ...(counts as object),
    ...result,
    seconds: r1(seconds),
    cpu_seconds: r1(cpu),
    anchor: 'solver alone on the final graph',
    solver_seconds: r1(solverSeconds),
    solver_cpu_seconds: r1(solverCpu),
    final_arcs: input.arcs.length,
    ratio: r2(seconds / solverSeconds),
    cpu_ratio: r2(cpu / solverCpu),
    peak_rss_mib: peak,
    loadavg_before: loadBefore,
    loadavg_after: load(),
  });
  if (process.env.BENCH_MATCHING_LISTS === '0') {
    await database.close();
    process.exit(0);
  }

  // (c) Recommendation lists.
  const studentIds = (
    await rows<{ id: string }>(
      db,
      sql`select student_id as id from student_profiles where seeking_internship order by md5(student_id::text) limit 100`,
    )
  ).map((r) => r.id);
  const ms: number[] = [];
  for (const id of studentIds) {
    const t = performance.now();
    await recommendForStudent(db, id, today);
    ms.push(performance.now() - t);
  }
  report({
    bench: 'matching_recommendations',
    engine: 'postgres',
    list: 'student',
    calls: ms.length,
    p50_ms: pct(ms, 0.5),
    p95_ms: pct(ms, 0.95),
  });
  const demandIds = (
    await rows<{ id: string }>(db, sql`select id from demands where status = 'open' and kind = 'talent' order by md5(id::text) limit 30`)
  ).map((r) => r.id);
  for (const target of ['programs', 'students'] as const) {
    const times: number[] = [];
    for (const id of demandIds) {
      const t = performance.now();
      await recommendForEnterprise(db, { kind: 'city' }, id, target);
      times.push(performance.now() - t);
    }
    report({
      bench: 'matching_recommendations',
      engine: 'postgres',
      list: `enterprise_${target}`,
      calls: times.length,
      p50_ms: pct(times, 0.5),
      p95_ms: pct(times, 0.95),
    });
  }
  const schoolIds = (
    await rows<{ id: string }>(db, sql`select organisation_id as id from schools order by md5(organisation_id::text) limit 20`)
  ).map((r) => r.id);
  const st: number[] = [];
  for (const id of schoolIds) {
    const t = performance.now();
    await recommendForSchool(db, id, today, 'demands');
    st.push(performance.now() - t);
  }
  report({
    bench: 'matching_recommendations',
    engine: 'postgres',
    list: 'school',
    calls: st.length,
    p50_ms: pct(st, 0.5),
    p95_ms: pct(st, 0.95),
  });
} finally {
  await database.close();
}

function cpuSeconds(since: NodeJS.CpuUsage) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}
