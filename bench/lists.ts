import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { report, signIn, startServer } from '../test/support/process.ts';

/**
 * Issue 3's list benchmark: p95 of the register's list endpoints at city scale on PostgreSQL, through the
 * real server over HTTP, as the bureau (no scope filter) and as a school admin (scope filter). Each case is
 * a typical screen of the register: the first page, a filter, a sort, a text search, a deep page. One client
 * goes through every case `BENCH_LIST_ROUNDS` times (after one warm-up round); each case prints one JSON line
 * with p50/p95/max and the list's total, then one summary line with the slowest p95.
 *
 * Needs BENCH_DATABASE_URL (a database whose name contains "bench"); seeded at DEMO_SCALE (default city) when
 * empty, which at city scale takes a long time; a seeded one is reused.
 */
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const rounds = Number(process.env.BENCH_LIST_ROUNDS || 20);
const url = process.env.BENCH_DATABASE_URL;
const scale = process.env.DEMO_SCALE || 'city';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

async function get(base: string, pathAndQuery: string, cookie: string) {
  const t = performance.now();
  const res = await fetch(base + pathAndQuery, { headers: { cookie } });
  const body = (await res.json()) as { total?: number };
  if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, total: body.total ?? null };
}

interface Refs {
  districtId: string;
  clusterCode: string;
  schoolId: string;
  cohort: number;
  surname: string;
}

/** Filter values that exist in this database (the first district, the busiest cluster, the school admin's school). */
async function refsOf(dbUrl: string): Promise<Refs> {
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 1 });
  try {
    // A freshly seeded database has no planner statistics and no visibility map yet (index-only scans need
    // it); production's autovacuum would have both.
    const t = performance.now();
    await database.db.execute(sql`vacuum analyze`);
    report({ bench: 'lists_vacuum_analyze', engine: 'postgres', scale, ms: Math.round(performance.now() - t) });
    const [r] = await rows<Refs & { students: number; enterprises: number; teachers: number; schools: number; carriers: number }>(
      database.db,
      sql`
      select (select id from organisations where kind = 'district' order by code limit 1) as "districtId",
        (select cluster_code from enterprises where cluster_code is not null group by 1 order by count(*) desc limit 1) as "clusterCode",
        (select m.organisation_id from memberships m join users u on u.id = m.user_id where u.username = 'school1' limit 1) as "schoolId",
        (select max(cohort) from students) as cohort,
        (select left(name, 1) from students group by 1 order by count(*) desc limit 1) as surname,
        (select count(*)::int from students) as students, (select count(*)::int from enterprises) as enterprises,
        (select count(*)::int from teachers) as teachers, (select count(*)::int from schools) as schools,
        (select count(*)::int from carriers) as carriers`,
    );
    report({
      bench: 'lists_dataset',
      engine: 'postgres',
      scale,
      schools: r!.schools,
      enterprises: r!.enterprises,
      teachers: r!.teachers,
      students: r!.students,
      carriers: r!.carriers,
    });
    return r!;
  } finally {
    await database.close();
  }
}

/** The cases: [label, path] per role. A school admin's lists are already its own school's. */
function cases(r: Refs): Record<'city_admin' | 'school_admin', [string, string][]> {
  const q = encodeURIComponent;
  const common: [string, string][] = [
    ['programs first page', '/api/programs?pageSize=20'],
    ['programs by enrolment', '/api/programs?sort=-enrolment&pageSize=20'],
    ['teachers first page', '/api/teachers?pageSize=20'],
    ['teachers dual-qualified', '/api/teachers?dualQualified=true&pageSize=20'],
    ['teachers page 10', '/api/teachers?page=10&pageSize=20'],
    ['students first page', '/api/students?pageSize=20'],
    ['students cohort, by name desc', `/api/students?cohort=${r.cohort}&sort=-name&pageSize=20`],
    ['students name search', `/api/students?q=${q(r.surname)}&pageSize=20`],
    ['students page 50', '/api/students?page=50&pageSize=20'],
    ['carriers first page', '/api/carriers?pageSize=20'],
    ['carriers by start date', '/api/carriers?sort=-startDate&pageSize=20'],
  ];
  return {
    city_admin: [
      ['schools first page', '/api/schools?pageSize=20'],
      ['schools by students', '/api/schools?sort=-students&pageSize=20'],
      ['schools in a district', `/api/schools?districtId=${r.districtId}&pageSize=20`],
      ...common,
      ['students of one school', `/api/students?schoolId=${r.schoolId}&pageSize=20`],
      ['students page 1000', '/api/students?page=1000&pageSize=20'],
      ['enterprises first page', '/api/enterprises?pageSize=20'],
      ['enterprises of a cluster by staff', `/api/enterprises?clusterCode=${r.clusterCode}&sort=-staff&pageSize=20`],
      ['enterprises name search', `/api/enterprises?q=${q('科技')}&pageSize=20`],
      ['enterprises page 200', '/api/enterprises?page=200&pageSize=20'],
      ['carriers in a district', `/api/carriers?districtId=${r.districtId}&pageSize=20`],
    ],
    school_admin: [
      ['schools (own)', '/api/schools?pageSize=20'],
      ...common,
      ['carriers the school takes part in', `/api/carriers?organisationId=${r.schoolId}&pageSize=20`],
    ],
  };
}

if (!url) {
  report({ bench: 'lists_latency', engine: 'postgres', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name) to run it' });
} else {
  if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-lists-bench-'));
  try {
    const t0 = performance.now();
    const server = await startServer({ DEMO_SCALE: scale, DATABASE_URL: url, DATA_DIR: tmp }, 3 * 3600_000);
    report({ bench: 'lists_server_ready', engine: 'postgres', scale, ms: Math.round(performance.now() - t0) });
    try {
      const refs = await refsOf(url);
      const auth = { city_admin: await signIn(server.url, 'admin', password), school_admin: await signIn(server.url, 'school1', password) };
      let worst = { as: '', list: '', p95_ms: 0 };
      for (const [as, list] of Object.entries(cases(refs)) as ['city_admin' | 'school_admin', [string, string][]][]) {
        for (const [label, p] of list) {
          await get(server.url, p, auth[as].cookie); // warm-up: plans cached, pages in shared buffers
          const ms: number[] = [];
          let total: number | null = null;
          for (let i = 0; i < rounds; i++) {
            const res = await get(server.url, p, auth[as].cookie);
            ms.push(res.ms);
            total = res.total;
          }
          ms.sort((a, b) => a - b);
          const p95 = round(percentile(ms, 95));
          report({
            bench: 'lists_latency',
            engine: 'postgres',
            scale,
            as,
            list: label,
            path: p.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
            requests: ms.length,
            total,
            p50_ms: round(percentile(ms, 50)),
            p95_ms: p95,
            max_ms: round(ms.at(-1)!),
          });
          if (p95 > worst.p95_ms) worst = { as, list: label, p95_ms: p95 };
        }
      }
      report({ bench: 'lists_summary', engine: 'postgres', scale, rounds, slowest: worst, under_300ms: worst.p95_ms <= 300 });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
