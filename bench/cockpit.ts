import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { peakRssMiB, report, signIn, startServer, type RunningServer } from '../test/support/process.ts';

/**
 * Issue 7's benchmark: the cockpit API's latency (p50/p95, requests/s; 50 connections, BENCH_SECONDS each)
 * at city scale on PostgreSQL (BENCH_DATABASE_URL, seeded with `scripts/demo.ts --scale city` when it holds
 * no demo data) and at demo scale on PGlite; the time of one full indicators recompute (job
 * `indicators.recompute`) at each scale. The cockpit reads rolled-up snapshots, so its latency should not
 * grow with the register. Prints one JSON line per measurement.
 */
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;

function p95(r: autocannon.Result) {
  // autocannon reports p90 and p97.5; p95 is interpolated linearly between them (said in the output).
  return Math.round((r.latency.p90 + (r.latency.p97_5 - r.latency.p90) * (5 / 7.5)) * 100) / 100;
}

async function load(url: string, pathName: string, cookie: string, conns = connections) {
  const r = await autocannon({ url: url + pathName, connections: conns, duration: seconds, headers: { cookie } });
  // Requests still queued in the server when autocannon stops would otherwise be charged to the next measurement:
  // one more request of the same kind returns only once they have drained.
  await fetch(url + pathName, { headers: { cookie } });
  // The machine's load average rides along: figures taken while other work runs are not comparable.
  return {
    loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    p50_ms: r.latency.p50,
    p95_ms: p95(r),
    rps: Math.round(r.requests.average),
    non2xx: r.non2xx,
    errors: r.errors,
    p95_note: 'interpolated from p90/p97.5',
  };
}

async function recompute(server: RunningServer, cookie: string, csrfToken: string) {
  const t0 = performance.now();
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
      result: { durationMs: number; values: number; scopes: number };
    };
    if (job.status === 'succeeded')
      return {
        wall_ms: Math.round(performance.now() - t0),
        run_ms: job.result.durationMs,
        values: job.result.values,
        scopes: job.result.scopes,
      };
    if (job.status === 'failed') throw new Error(`recompute failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function measure(engine: 'pglite' | 'postgres', scale: string, env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const admin = await signIn(server.url, 'admin', password);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await recompute(server, admin.cookie, admin.csrfToken));
    const sorted = [...runs].sort((a, b) => a.run_ms - b.run_ms);
    report({
      bench: 'indicators_recompute',
      engine,
      scale,
      runs: runs.map((r) => r.run_ms),
      median_run_ms: sorted[1]!.run_ms,
      median_wall_ms: sorted[1]!.wall_ms,
      values_per_run: runs[0]!.values,
      scopes: runs[0]!.scopes,
    });
    // The anchor (issue 20): GET /api/auth/me, the floor of any signed-in request, at 1 and 50 connections in this
    // run; each latency line carries its p95 as a multiple of the anchor's at the same connection count (goal ≤ 5).
    const anchor: Record<number, number> = {};
    for (const conns of [1, connections]) anchor[conns] = (await load(server.url, '/api/auth/me', admin.cookie, conns)).p95_ms;
    report({
      bench: 'latency',
      engine,
      scale,
      path: '/api/auth/me',
      role: 'city_admin',
      anchor_p95_ms: anchor,
      loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    });
    const latency = async (pathName: string, role: string, cookie: string, conns: number) => {
      const r = await load(server.url, pathName, cookie, conns);
      report({
        bench: 'latency',
        engine,
        scale,
        path: pathName,
        role,
        connections: conns,
        seconds,
        ...r,
        me_p95_ms: anchor[conns],
        ratio_p95: Math.round((r.p95_ms / anchor[conns]!) * 10) / 10,
      });
    };
    // One viewer at a time (the wall and a few browsers refresh once a minute), then 50 at once.
    await latency('/api/cockpit', 'city_admin', admin.cookie, 1);
    await latency('/api/cockpit', 'city_admin', admin.cookie, connections);
    const district = await signIn(server.url, 'district_jinshui', password);
    await latency('/api/cockpit', 'district', district.cookie, connections);
    // The computed per-teacher indicator, as the cockpit shows it (value and its parts).
    const cockpit = (await (await fetch(`${server.url}/api/cockpit`, { headers: { cookie: admin.cookie } })).json()) as {
      targets: Array<{ code: string; value: number | null; numerator: number | null; denominator: number | null }>;
    };
    const practice = cockpit.targets.find((t) => t.code === 'teacher_enterprise_practice')!;
    report({
      bench: 'indicator',
      engine,
      scale,
      code: practice.code,
      value: practice.value,
      numerator: practice.numerator,
      denominator: practice.denominator,
    });
    // Teacher drill-downs: a page deep into the city's specialty teachers, sorted across schools (dual-qualified),
    // and the enterprise-practice one, which also merges every teacher's periods in the window.
    for (const drill of [
      '/api/cockpit/drill/dual_qualified_share?page=5&pageSize=50',
      '/api/cockpit/drill/teacher_enterprise_practice?page=5&pageSize=50',
    ]) {
      await latency(drill, 'city_admin', admin.cookie, 1);
      await latency(drill, 'city_admin', admin.cookie, connections);
    }
    await latency('/api/cockpit/drill/teacher_enterprise_practice?pageSize=50', 'district', district.cookie, connections);
    report({ bench: 'peak_rss', engine, scale, mib: peakRssMiB(server.child.pid!) });
  } finally {
    await server.stop();
  }
}

/** A city-scale demo data set in the bench database, generated once (a few minutes) and reused. */
async function ensureCityData(url: string) {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`refusing to benchmark on "${name}": its name must contain "bench"`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let students = 0;
  try {
    students = Number((await client.query(`select count(*)::int as n from students`)).rows[0].n);
  } catch {
    /* not migrated yet */
  } finally {
    await client.end();
  }
  if (students >= 400_000) {
    // A freshly loaded database has no planner statistics yet; production's autovacuum would have them.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('analyze');
    await c.end();
    return students;
  }
  const r = spawnSync(process.execPath, ['scripts/demo.ts', '--scale', 'city'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('seeding the city-scale demo data failed');
  return ensureCityData(url);
}

const engines = (process.env.BENCH_COCKPIT_ENGINES ?? 'postgres,pglite').split(',');
const url = process.env.BENCH_DATABASE_URL;
if (!engines.includes('postgres')) {
  // Left out on request (BENCH_COCKPIT_ENGINES).
} else if (url) {
  const students = await ensureCityData(url);
  await measure('postgres', `city (${students} students)`, {
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    DATA_DIR: path.join(os.tmpdir(), 'chanjiao-bench-cockpit-pg'),
  });
} else {
  report({
    bench: 'latency',
    engine: 'postgres',
    skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name) to run it at city scale',
  });
}
if (engines.includes('pglite')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-cockpit-'));
  try {
    await measure('pglite', 'demo', { DATA_DIR: tmp, DEMO_SCALE: 'demo' });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
