/**
 * Issue 5's benchmark, on the PostgreSQL server at BENCH_DATABASE_URL (in a schema of its own, dropped
 * afterwards), over real HTTP against the real server process:
 *
 *  - apply: 100 concurrent student clients apply for published posts for BENCH_SECONDS (default 10): sustained
 *    applications/s and p50/p95/p99 latency (each application runs the regulation's placement checks, the
 *    insert and its audit row in one transaction);
 *  - accept_spread: those applications, approved by their schools, are accepted by 100 concurrent enterprise
 *    clients (one per enterprise): p50/p95/p99 latency and accepts/s;
 *  - accept_hot: 100 concurrent clients of ONE enterprise accept BENCH_HOT (2,000) applications to one post, every request
 *    contending for the enterprise's row lock that keeps the caps exact: p50/p95/p99 and accepts/s;
 *  - oversell: `npm run check:oversell`'s race (two server processes, 200 accepts on a 5-place post), its counts.
 *
 * Latencies are measured per request by the client (exact percentiles, not interpolated). Prints JSON lines.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chanjiao_bench_x node bench/internships.ts
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import {
  enterprises,
  internshipApplications,
  internshipPosts,
  memberships,
  organisations,
  schools,
  students,
  users,
} from '../server/platform/db/schema/index.ts';
import { peakRssMiB, report, signIn, startServer } from '../test/support/process.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'internships', skipped: 'set BENCH_DATABASE_URL (a PostgreSQL database with "bench" in its name) to run it' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');

const CLIENTS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const ENTERPRISES = 100;
const POSTS_PER_ENTERPRISE = 20;
const SCHOOLS = 10;
const HOT_APPLICATIONS = Number(process.env.BENCH_HOT || 2000);
const SPREAD_PER_ENTERPRISE = 20;
const tag = crypto.randomBytes(4).toString('hex');
const schema = `bench_intern_${tag}`;
const password = `Bench-${tag}-9a`;

const pct = (sorted: number[], p: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 100) / 100 : null;
const summary = (latencies: number[], ms: number) => {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    requests: s.length,
    seconds: Math.round(ms) / 1000,
    per_second: Math.round((s.length / ms) * 1000),
    p50_ms: pct(s, 50),
    p95_ms: pct(s, 95),
    p99_ms: pct(s, 99),
  };
};

type Session = { cookie: string; csrfToken: string };
async function post(base: string, s: Session, pathName: string) {
  const t0 = performance.now();
  const res = await fetch(base + pathName, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: '{}',
  });
  const body = (await res.json()) as { id?: string; code?: string };
  return { ms: performance.now() - t0, status: res.status, body };
}

const database = await openDatabase({ databaseUrl: url, schema, poolSize: 10 });
const { db } = database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-intern-'));
try {
  // Fixtures: a district, schools, enterprises above designated size with published posts, student accounts.
  const passwordHash = await hashPassword(password);
  const [district] = await db
    .insert(organisations)
    .values({ kind: 'district', name: `压测区-${tag}`, code: `B-D-${tag}` })
    .returning();
  await db.update(organisations).set({ districtId: district!.id }).where(eq(organisations.id, district!.id));
  const schoolOrgs = await db
    .insert(organisations)
    .values(
      Array.from({ length: SCHOOLS }, (_, i) => ({
        kind: 'school' as const,
        name: `压测学校${i}-${tag}`,
        code: `B-S${i}-${tag}`,
        districtId: district!.id,
      })),
    )
    .returning();
  await db
    .insert(schools)
    .values(schoolOrgs.map((s) => ({ organisationId: s.id, level: 'higher' as const, ownership: 'public' as const })));
  const entOrgs = await db
    .insert(organisations)
    .values(
      Array.from({ length: ENTERPRISES + 1 }, (_, i) => ({
        kind: 'enterprise' as const,
        name: `压测企业${i}-${tag}`,
        code: `B-E${i}-${tag}`,
        districtId: district!.id,
      })),
    )
    .returning();
  const hotOrg = entOrgs.pop()!;
  await db.insert(enterprises).values(
    [...entOrgs, hotOrg].map((e) => ({
      organisationId: e.id,
      size: 'large' as const,
      industryCode: 'C',
      staffCount: e === hotOrg ? 100_000 : 5000,
      aboveDesignatedSize: true,
    })),
  );
  const terms = {
    kind: 'placement' as const,
    monthlyPayYuan: 4000,
    samePostWageYuan: 4000,
    dailyHours: 8,
    weeklyHours: 40,
    insurance: 'enterprise' as const,
    startDate: '2030-03-01',
    endDate: '2030-08-31',
    status: 'published' as const,
    districtId: district!.id,
  };
  const posts = await db
    .insert(internshipPosts)
    .values(
      entOrgs.flatMap((e, i) =>
        Array.from({ length: POSTS_PER_ENTERPRISE }, (_, k) => ({
          enterpriseId: e.id,
          title: `压测岗位${i}-${k}`,
          positionStaff: 1000,
          places: 50,
          ...terms,
        })),
      ),
    )
    .returning({ id: internshipPosts.id });
  const [hotPost] = await db
    .insert(internshipPosts)
    .values({ enterpriseId: hotOrg.id, title: '压测热门岗位', positionStaff: 100_000, places: HOT_APPLICATIONS, ...terms })
    .returning();

  const mkUsers = async (prefix: string, n: number) =>
    db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, i) => ({
          username: `${prefix}_${tag}_${i}`,
          displayName: `${prefix}${i}`,
          passwordHash,
          mustChangePassword: false,
        })),
      )
      .returning({ id: users.id, username: users.username });
  const studentUsers = await mkUsers('bstu', CLIENTS);
  const entUsers = await mkUsers('bent', ENTERPRISES + 1);
  await db.insert(memberships).values([
    ...studentUsers.map((u, i) => ({ userId: u.id, organisationId: schoolOrgs[i % SCHOOLS]!.id, role: 'student' as const })),
    ...entUsers.map((u, i) => ({
      userId: u.id,
      organisationId: (i < ENTERPRISES ? entOrgs[i]! : hotOrg).id,
      role: 'enterprise_admin' as const,
    })),
  ]);
  const student = (i: number, userId: string | null, schoolId: string) => ({
    schoolId,
    userId,
    name: `压测学生${i}`,
    cohort: 2028,
    birthDate: '2008-01-01',
    sex: 'male' as const,
    idNumberCipher: 'n/a',
    idNumberIndex: `bench-${tag}-${i}`,
    idNumberMasked: '—',
  });
  await db.insert(students).values(studentUsers.map((u, i) => student(i, u.id, schoolOrgs[i % SCHOOLS]!.id)));

  const server = await startServer({ DATABASE_URL: url, DATABASE_SCHEMA: schema, SEED_DEMO: 'false', DATA_DIR: path.join(tmp, 'data') });
  try {
    const studentSessions = await Promise.all(studentUsers.map((u) => signIn(server.url, u.username, password)));
    const entSessions = await Promise.all(entUsers.map((u) => signIn(server.url, u.username, password)));

    // Apply: each client walks the posts from its own offset, so the load spreads over posts and enterprises.
    const applyLatencies: number[] = [];
    const applyErrors: Record<string, number> = {};
    const until = performance.now() + SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      studentSessions.map(async (s, c) => {
        for (let k = 0; performance.now() < until && k < posts.length; k++) {
          const p = posts[(c * 37 + k) % posts.length]!;
          const r = await post(server.url, s, `/api/internship-posts/${p.id}/applications`);
          if (r.status === 201) applyLatencies.push(r.ms);
          else applyErrors[r.body.code ?? String(r.status)] = (applyErrors[r.body.code ?? String(r.status)] ?? 0) + 1;
        }
      }),
    );
    report({
      bench: 'apply',
      engine: 'postgres',
      clients: CLIENTS,
      posts: posts.length,
      ...summary(applyLatencies, performance.now() - t0),
      errors: applyErrors,
      load_avg_1m: os.loadavg()[0],
    });

    // Accept, spread: fresh approved applications, one per student (a student holds one placement at a time),
    // SPREAD_PER_ENTERPRISE on each enterprise's posts; each enterprise's client accepts its own.
    const spreadStudents = await db
      .insert(students)
      .values(
        Array.from({ length: ENTERPRISES * SPREAD_PER_ENTERPRISE }, (_, i) => student(CLIENTS + i, null, schoolOrgs[i % SCHOOLS]!.id)),
      )
      .returning({ id: students.id, schoolId: students.schoolId });
    const spreadApps = await db
      .insert(internshipApplications)
      .values(
        spreadStudents.map((st, i) => {
          const e = Math.floor(i / SPREAD_PER_ENTERPRISE);
          return {
            postId: posts[e * POSTS_PER_ENTERPRISE + (i % POSTS_PER_ENTERPRISE)]!.id,
            studentId: st.id,
            schoolId: st.schoolId,
            enterpriseId: entOrgs[e]!.id,
            status: 'school_approved' as const,
          };
        }),
      )
      .returning({ id: internshipApplications.id, enterpriseId: internshipApplications.enterpriseId });
    const byEnterprise = new Map<string, string[]>();
    for (const a of spreadApps) byEnterprise.set(a.enterpriseId, [...(byEnterprise.get(a.enterpriseId) ?? []), a.id]);
    const spreadLatencies: number[] = [];
    const spreadErrors: Record<string, number> = {};
    const t1 = performance.now();
    await Promise.all(
      entOrgs.map(async (e, i) => {
        for (const id of byEnterprise.get(e.id) ?? []) {
          const r = await post(server.url, entSessions[i]!, `/api/internship-applications/${id}/accept`);
          if (r.status === 200) spreadLatencies.push(r.ms);
          else spreadErrors[r.body.code ?? String(r.status)] = (spreadErrors[r.body.code ?? String(r.status)] ?? 0) + 1;
        }
      }),
    );
    report({
      bench: 'accept_spread',
      engine: 'postgres',
      clients: ENTERPRISES,
      ...summary(spreadLatencies, performance.now() - t1),
      errors: spreadErrors,
      load_avg_1m: os.loadavg()[0],
    });

    // Accept, hot: one enterprise, one post, 100 clients contending for the enterprise's lock.
    const hotStudents = await db
      .insert(students)
      .values(
        Array.from({ length: HOT_APPLICATIONS }, (_, i) =>
          student(CLIENTS + ENTERPRISES * SPREAD_PER_ENTERPRISE + i, null, schoolOrgs[i % SCHOOLS]!.id),
        ),
      )
      .returning({ id: students.id, schoolId: students.schoolId });
    const hotApps = await db
      .insert(internshipApplications)
      .values(
        hotStudents.map((s) => ({
          postId: hotPost!.id,
          studentId: s.id,
          schoolId: s.schoolId,
          enterpriseId: hotOrg.id,
          status: 'school_approved' as const,
        })),
      )
      .returning({ id: internshipApplications.id });
    const hotSession = entSessions[ENTERPRISES]!;
    const queue = hotApps.map((a) => a.id);
    const hotLatencies: number[] = [];
    const hotErrors: Record<string, number> = {};
    const t2 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          const r = await post(server.url, hotSession, `/api/internship-applications/${id}/accept`);
          if (r.status === 200) hotLatencies.push(r.ms);
          else hotErrors[r.body.code ?? String(r.status)] = (hotErrors[r.body.code ?? String(r.status)] ?? 0) + 1;
        }
      }),
    );
    const [hot] = await db
      .select({ placesTaken: internshipPosts.placesTaken })
      .from(internshipPosts)
      .where(eq(internshipPosts.id, hotPost!.id));
    report({
      bench: 'accept_hot',
      engine: 'postgres',
      clients: CLIENTS,
      ...summary(hotLatencies, performance.now() - t2),
      errors: hotErrors,
      places_taken: hot!.placesTaken,
      load_avg_1m: os.loadavg()[0],
    });
    report({
      bench: 'internships_server',
      engine: 'postgres',
      peak_rss_mib: peakRssMiB(server.child.pid!),
      server_pool_size: 10,
      cpus: os.cpus().length,
    });
  } finally {
    await server.stop();
  }
} finally {
  await database.close();
  await dropSchema(schema);
  fs.rmSync(tmp, { recursive: true, force: true });
}

// The oversell race of `npm run check:oversell`, in a schema of its own. It runs after the benchmark's schema
// is dropped: the migrations' `create extension if not exists pg_trgm` puts the extension in the first schema
// that creates it, where another schema's search path would not find it.
const oversellSchema = `${schema}_oversell`;
try {
  const run = spawnSync(process.execPath, ['scripts/check-oversell.ts'], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: oversellSchema },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const lines = run.stdout.trim().split('\n');
  const m = /^accepted=(\d+) places=(\d+)$/.exec(lines.at(-1) ?? '');
  const outcomes = /outcomes (\{.*\});/.exec(lines.at(-2) ?? '');
  report({
    bench: 'oversell',
    engine: 'postgres',
    server_processes: 2,
    requests: 200,
    accepted: m ? Number(m[1]) : null,
    places: m ? Number(m[2]) : null,
    outcomes: outcomes ? JSON.parse(outcomes[1]!) : null,
    exit_code: run.status,
    ...(run.status !== 0 && { stderr: run.stderr.slice(-2000) }),
  });
  process.exitCode = run.status === 0 ? 0 : 1;
} finally {
  await dropSchema(oversellSchema);
}

async function dropSchema(name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${name} cascade`);
  await admin.end();
}
