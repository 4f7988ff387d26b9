import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { facts, judge, type JudgedQuery } from './search-judge.ts';
import { peakRssMiB, report, signIn, startServer, type RunningServer } from '../test/support/process.ts';

/**
 * Issue 3's search benchmark, through the real server over HTTP:
 *   - quality: recall@10 and nDCG@10 over the judged query set (bench/search-judgements.json, 58 queries,
 *     graded 0–3) — on PGlite at demo scale with the file's judgements; at city scale on PostgreSQL with the
 *     same rules re-applied to that database (bench/search-judge.ts), since the city holds more records;
 *   - latency: p50/p95 of GET /api/search, one client going through the queries `BENCH_SEARCH_ROUNDS` times,
 *     as the bureau (no scope filter) and as a district (scope filter); then `BENCH_CONNECTIONS` clients for
 *     `BENCH_SECONDS` seconds (p50/p95, requests/s);
 *   - the full reindex (job search.reindex) time, and the server's peak RSS.
 *
 * recall@10 = relevant records in the first 10 / min(10, relevant records) (so a query with 350 relevant
 * records can reach 1); nDCG@10 with gain 2^grade − 1. Each measurement is one JSON line.
 *
 * PGlite runs at demo scale in a temporary folder. PostgreSQL runs when BENCH_DATABASE_URL is set (its
 * database name must contain "bench"), at DEMO_SCALE (default city): an empty database is seeded first,
 * which at city scale takes minutes; a seeded one is reused.
 */
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const rounds = Number(process.env.BENCH_SEARCH_ROUNDS || 5);
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const judgementsFile = path.join(import.meta.dirname, 'search-judgements.json');

interface Hit {
  type: string;
  title: string;
  subtitle: string | null;
}

const key = (type: string, title: string, subtitle: string | null | undefined) =>
  `${type}|${title}|${type === 'program' ? (subtitle ?? '') : ''}`;

/** recall@10 and nDCG@10 of one answer. */
export function metrics(items: Hit[], judged: JudgedQuery): { recall: number; ndcg: number } {
  const grade = new Map(judged.relevant.map((r) => [key(r.type, r.title, r.subtitle), r.grade]));
  const gains = items.slice(0, 10).map((i) => grade.get(key(i.type, i.title, i.subtitle)) ?? 0);
  const dcg = (gs: number[]) => gs.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grade.values()].sort((a, b) => b - a).slice(0, 10));
  return { recall: gains.filter((g) => g > 0).length / Math.min(10, grade.size), ndcg: ideal ? dcg(gains) / ideal : 0 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function get(url: string, cookie: string) {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, body };
}

async function reindex(server: RunningServer, auth: { cookie: string; csrfToken: string }) {
  const t = performance.now();
  const start = await fetch(`${server.url}/api/search/reindex`, {
    method: 'POST',
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrfToken, 'content-type': 'application/json' },
    body: '{}',
  });
  let job = (await start.json()) as { id: string; status: string; result: { documents: Record<string, number> } | null; error: unknown };
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = (await get(`${server.url}/api/jobs/${job.id}`, auth.cookie)).body;
  }
  if (job.status !== 'succeeded') throw new Error(`reindex failed: ${JSON.stringify(job.error)}`);
  return { ms: Math.round(performance.now() - t), documents: job.result!.documents };
}

async function run(engine: 'pglite' | 'postgres', scale: string, env: Record<string, string>, judgements: JudgedQuery[], judgedAt: string) {
  const t0 = performance.now();
  const server = await startServer({ DEMO_SCALE: scale, ...env }, 3 * 3600_000);
  report({ bench: 'search_server_ready', engine, scale, ms: Math.round(performance.now() - t0) });
  try {
    const admin = await signIn(server.url, 'admin', password);
    const district = await signIn(server.url, 'district_jinshui', password);
    report({ bench: 'search_reindex', engine, scale, ...(await reindex(server, admin)) });
    const url = (q: string) => `${server.url}/api/search?q=${encodeURIComponent(q)}&pageSize=10`;

    // Quality, as the bureau (which sees every record the judgements list).
    let recall = 0;
    let ndcg = 0;
    const weak: { q: string; recall: number; ndcg: number }[] = [];
    for (const j of judgements) {
      const { body } = await get(url(j.q), admin.cookie);
      const m = metrics(body.items, j);
      recall += m.recall;
      ndcg += m.ndcg;
      if (m.ndcg < 0.8) weak.push({ q: j.q, recall: round(m.recall, 2), ndcg: round(m.ndcg, 2) });
    }
    report({
      bench: 'search_quality',
      engine,
      scale,
      queries: judgements.length,
      judgements: judgedAt,
      recall_at_10: round(recall / judgements.length, 3),
      ndcg_at_10: round(ndcg / judgements.length, 3),
      below_0_8_ndcg: weak,
    });

    // Latency, one client.
    for (const [who, auth] of [
      ['city_admin', admin],
      ['district', district],
    ] as const) {
      const ms: number[] = [];
      let fuzzy = 0;
      for (let r = 0; r < rounds; r++) {
        for (const j of judgements) {
          const res = await get(url(j.q), auth.cookie);
          ms.push(res.ms);
          if (r === 0 && res.body.fuzzy) fuzzy++;
        }
      }
      ms.sort((a, b) => a - b);
      report({
        bench: 'search_latency',
        engine,
        scale,
        as: who,
        clients: 1,
        requests: ms.length,
        p50_ms: round(percentile(ms, 50)),
        p95_ms: round(percentile(ms, 95)),
        max_ms: round(ms[ms.length - 1]!),
        fuzzy_queries: fuzzy,
      });
    }

    // Latency under load: `connections` clients cycling through the queries.
    const ms: number[] = [];
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let i = c; performance.now() < until; i++) ms.push((await get(url(judgements[i % judgements.length]!.q), admin.cookie)).ms);
      }),
    );
    ms.sort((a, b) => a - b);
    report({
      bench: 'search_latency',
      engine,
      scale,
      as: 'city_admin',
      clients: connections,
      seconds,
      requests: ms.length,
      p50_ms: round(percentile(ms, 50)),
      p95_ms: round(percentile(ms, 95)),
      rps: Math.round(ms.length / seconds),
    });
    report({ bench: 'search_peak_rss', engine, scale, mib: peakRssMiB(server.child.pid!) });
  } finally {
    await server.stop();
  }
}

const fileJudgements = (JSON.parse(fs.readFileSync(judgementsFile, 'utf8')) as { queries: JudgedQuery[] }).queries;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-search-bench-'));
try {
  await run('pglite', 'demo', { DATA_DIR: path.join(tmp, 'demo') }, fileJudgements, 'bench/search-judgements.json');

  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    report({
      bench: 'search_latency',
      engine: 'postgres',
      skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name) to run it',
    });
  } else {
    if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');
    const scale = process.env.DEMO_SCALE || 'city';
    // Seed (when empty) by starting the server once, then judge that database's records with the same rules.
    const env = { DATABASE_URL: url, DATA_DIR: path.join(tmp, 'pg') };
    const seeding = await startServer({ DEMO_SCALE: scale, ...env }, 3 * 3600_000);
    await seeding.stop();
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    let judgements: JudgedQuery[];
    let counts: unknown;
    try {
      judgements = judge(await facts(database.db), { skipMissing: true });
      [counts] = await rows(
        database.db,
        sql`select (select count(*)::int from schools) as schools,
        (select count(*)::int from enterprises) as enterprises, (select count(*)::int from students) as students`,
      );
    } finally {
      await database.close();
    }
    report({ bench: 'search_dataset', engine: 'postgres', scale, ...(counts as object), judged_queries: judgements.length });
    await run('postgres', scale, env, judgements, 'rules of bench/search-judge.ts applied to this database');
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
