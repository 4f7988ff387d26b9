import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { report, signIn, startServer, type RunningServer } from '../test/support/process.ts';

/**
 * Issues 13 and 20's home benchmark: `GET /api/home` (the first call of every signed-in page) for every demo
 * role, one connection, beside `GET /api/auth/me` measured in the same run — the two requests alternate, so the
 * machine's load weighs on both alike. Goal: each home within 3× of `auth/me`'s p95. On PGlite at demo scale and,
 * with BENCH_DATABASE_URL (a copy of the city-scale demo database), on PostgreSQL at city scale. The daily
 * indicators recompute is run once first, as the server's timer would have. One JSON line per role.
 */
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const rounds = Number(process.env.BENCH_HOME_ROUNDS || 40);
const ROLES: Array<[string, string]> = [
  ['city_admin', 'admin'],
  ['department', 'dept_ndrc'],
  ['district', 'district_jinshui'],
  ['school_admin', 'school1'],
  ['teacher', 'teacher1'],
  ['enterprise_admin', 'enterprise1'],
  ['student', 'student1'],
  ['learner', 'learner1'],
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 100) / 100;

async function timed(url: string, cookie: string) {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

async function recompute(server: RunningServer, cookie: string, csrfToken: string) {
  const res = await fetch(`${server.url}/api/indicators/recompute`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 202) throw new Error(`recompute: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${server.url}/api/jobs/${id}`, { headers: { cookie } })).json()) as {
      status: string;
      result: { durationMs: number };
    };
    if (job.status === 'succeeded') return job.result.durationMs;
    if (job.status === 'failed') throw new Error(`recompute failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function measure(engine: 'pglite' | 'postgres', scale: string, env: Record<string, string>) {
  const server = await startServer(env, 3 * 3600_000);
  try {
    const admin = await signIn(server.url, 'admin', password);
    report({ bench: 'home_recompute', engine, scale, run_ms: await recompute(server, admin.cookie, admin.csrfToken) });
    let worst = { role: '', ratio: 0 };
    for (const [role, username] of ROLES) {
      // The city-scale generator makes no credit-bank learner: a role without its demo user is said, not measured.
      const session = await signIn(server.url, username, password).catch(() => null);
      if (!session) {
        report({ bench: 'home_latency', engine, scale, role, username, skipped: 'no such demo user at this scale' });
        continue;
      }
      const { cookie } = session;
      // Warm-up: plans cached, pages in shared buffers.
      await timed(`${server.url}/api/auth/me`, cookie);
      await timed(`${server.url}/api/home`, cookie);
      const me: number[] = [];
      const home: number[] = [];
      for (let i = 0; i < rounds; i++) {
        me.push(await timed(`${server.url}/api/auth/me`, cookie));
        home.push(await timed(`${server.url}/api/home`, cookie));
      }
      me.sort((a, b) => a - b);
      home.sort((a, b) => a - b);
      const ratio = round(percentile(home, 95) / percentile(me, 95));
      if (ratio > worst.ratio) worst = { role, ratio };
      report({
        bench: 'home_latency',
        engine,
        scale,
        role,
        username,
        requests: rounds,
        connections: 1,
        home_p50_ms: round(percentile(home, 50)),
        home_p95_ms: round(percentile(home, 95)),
        me_p50_ms: round(percentile(me, 50)),
        me_p95_ms: round(percentile(me, 95)),
        ratio_p95: ratio,
        within_3x: ratio <= 3,
        loadavg_1m: round(os.loadavg()[0]!),
      });
    }
    report({ bench: 'home_summary', engine, scale, worst, all_within_3x: worst.ratio <= 3, loadavg_1m: round(os.loadavg()[0]!) });
  } finally {
    await server.stop();
  }
}

const engines = (process.env.BENCH_HOME_ENGINES ?? 'postgres,pglite').split(',');
const url = process.env.BENCH_DATABASE_URL;
if (engines.includes('postgres')) {
  if (!url) {
    report({
      bench: 'home_latency',
      engine: 'postgres',
      skipped: 'set BENCH_DATABASE_URL (a copy of the city-scale demo database, "bench" in its name)',
    });
  } else {
    if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-home-bench-pg-'));
    try {
      await measure('postgres', process.env.DEMO_SCALE || 'city', { DATABASE_URL: url, SEED_DEMO: 'false', DATA_DIR: tmp });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}
if (engines.includes('pglite')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-home-bench-'));
  try {
    await measure('pglite', 'demo', { DATA_DIR: tmp, DEMO_SCALE: 'demo' });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
