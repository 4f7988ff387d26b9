import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { peakRssMiB, report, signIn, startServer } from '../test/support/process.ts';

/**
 * Issue 2's benchmark: cold start to the first 200 of /api/health on an empty and on an existing data folder;
 * p50/p95 latency and requests/s of GET /api/auth/me and GET /api/schools with 50 connections for 10 s on each
 * engine; the server's peak RSS. Prints one JSON line per measurement.
 */
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;

async function load(url: string, pathName: string, cookie: string) {
  const r = await autocannon({ url: url + pathName, connections, duration: seconds, headers: { cookie } });
  return {
    p50_ms: r.latency.p50,
    p95_ms: r.latency.p97_5 !== undefined ? percentile95(r) : null,
    rps: Math.round(r.requests.average),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** autocannon reports p90 and p97.5; interpolate p95 linearly between them (stated in the output). */
function percentile95(r: autocannon.Result) {
  return Math.round((r.latency.p90 + (r.latency.p97_5 - r.latency.p90) * (5 / 7.5)) * 100) / 100;
}

async function engineRun(engine: 'pglite' | 'postgres', env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const { cookie } = await signIn(server.url, 'admin', password);
    for (const p of ['/api/auth/me', '/api/schools?pageSize=20']) {
      report({
        bench: 'latency',
        engine,
        path: p,
        connections,
        seconds,
        ...(await load(server.url, p, cookie)),
        p95_note: 'interpolated from p90/p97.5',
      });
    }
    report({ bench: 'peak_rss', engine, mib: peakRssMiB(server.child.pid!) });
  } finally {
    await server.stop();
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-'));
try {
  // Empty folder: create the database and migrate (demo data off, so the figure is the platform's own start).
  const empty = await startServer({ DATA_DIR: path.join(tmp, 'cold'), SEED_DEMO: 'false' });
  report({ bench: 'cold_start', engine: 'pglite', folder: 'empty', ms: Math.round(empty.startMs) });
  await empty.stop();
  const existing = await startServer({ DATA_DIR: path.join(tmp, 'cold'), SEED_DEMO: 'false' });
  report({ bench: 'cold_start', engine: 'pglite', folder: 'existing', ms: Math.round(existing.startMs) });
  await existing.stop();

  // First start as `npm start` does it: migrate and load the demo data set.
  const seeded = await startServer({ DATA_DIR: path.join(tmp, 'demo') });
  report({
    bench: 'first_start_with_demo_data',
    engine: 'pglite',
    ms: Math.round(seeded.startMs),
    peak_rss_mib: peakRssMiB(seeded.child.pid!),
  });
  await seeded.stop();
  const restart = await startServer({ DATA_DIR: path.join(tmp, 'demo') });
  report({ bench: 'cold_start', engine: 'pglite', folder: 'existing_with_demo_data', ms: Math.round(restart.startMs) });
  await restart.stop();

  await engineRun('pglite', { DATA_DIR: path.join(tmp, 'demo') });
  const url = process.env.BENCH_DATABASE_URL;
  if (url) await engineRun('postgres', { DATABASE_URL: url, DATA_DIR: path.join(tmp, 'pg') });
  else report({ bench: 'latency', engine: 'postgres', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name) to run it' });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
