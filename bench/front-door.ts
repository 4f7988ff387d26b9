import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openDatabase, rows, type Db } from '../server/platform/db/engine.ts';
import { nameSortPrefixRange, syncAllNameSorts } from '../server/registry/repository/name-sort.ts';
import { freePort, report, signIn, startServer } from '../test/support/process.ts';

/**
 * Issue 13's benchmark (the front door), two figures, each beside an anchor measured in the same run:
 *
 * 1. `npm start` on an empty data folder until `/api/health` answers 200, median of `BENCH_STARTS` (3) runs, with
 *    the demo city (what a new user waits for) and without it (SEED_DEMO=false: migrations and the app alone).
 * 2. With BENCH_DATABASE_URL (a city-scale database, e.g. a copy of one seeded by `scripts/demo.ts --scale city`):
 *    the pinyin sort's cost on the city-scale lists — the one-time keying of every name (rows/s), then per list
 *    case of bench/lists.ts sorted by name the same query ordered by the name (code points, before) and by the
 *    pinyin key (after) in SQL, and the list endpoints over HTTP (after) beside `GET /api/auth/me`.
 *
 * A database seeded before the key existed is brought up to the schema by adding the columns and indexes (the
 * statements of the migration that mention the key) and recording the migration as applied.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const starts = Number(process.env.BENCH_STARTS || 3);
const rounds = Number(process.env.BENCH_LIST_ROUNDS || 20);
const url = process.env.BENCH_DATABASE_URL;
const password = process.env.DEMO_PASSWORD || 'Chanjiao@2025';
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `npm start` exactly as a person types it, in a process group of its own; ms until /api/health is 200. */
async function timeNpmStart(env: Record<string, string>): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-front-door-'));
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startFigures() {
  for (const [label, env] of [
    ['migrations only (SEED_DEMO=false)', { SEED_DEMO: 'false' }],
    ['with the demo city', {}],
  ] as const) {
    const ms: number[] = [];
    for (let i = 0; i < starts; i++) ms.push(Math.round(await timeNpmStart(env)));
    report({ bench: 'front_door_start', engine: 'pglite', start: label, runs_ms: ms, median_ms: median(ms), loadavg: load() });
  }
}

/** Columns and indexes of the pinyin key on a database migrated before it existed. */
async function upgrade(db: Db) {
  const [has] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from information_schema.columns where table_name = 'students' and column_name = 'name_sort'`,
  );
  if (has!.n > 0) return false;
  const file = path.join(root, 'server/platform/db/migrations/0000_initial.sql');
  const text = fs.readFileSync(file, 'utf8');
  for (const table of ['organisations', 'teachers', 'students', 'carriers', 'major_groups', 'majors']) {
    await db.execute(sql.raw(`alter table "${table}" add column "name_sort" text collate "C"`));
  }
  for (const stmt of text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('CREATE INDEX') && s.includes('name_sort'))) {
    await db.execute(sql.raw(stmt));
  }
  const journal = JSON.parse(fs.readFileSync(path.join(root, 'server/platform/db/migrations/meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  await db.execute(
    sql`update drizzle.__drizzle_migrations set hash = ${crypto.createHash('sha256').update(text).digest('hex')}, created_at = ${journal.entries.at(-1)!.when}`,
  );
  return true;
}

interface Refs {
  schoolId: string;
  cohort: number;
  surname: string;
}

/** The name-sorted cases of bench/lists.ts: [label, HTTP path, the list's core query with ORDER BY {order}]. */
function cases(r: Refs): [string, string, (order: string) => string][] {
  const q = encodeURIComponent;
  const active = 'archived_at is null';
  const span = nameSortPrefixRange(r.surname); // what repositories/students.ts adds to a name search
  return [
    [
      'schools first page by name',
      '/api/schools?sort=name&pageSize=20',
      (o) => `select id from organisations where kind = 'school' order by ${o}, id limit 20`,
    ],
    [
      'enterprises first page by name',
      '/api/enterprises?sort=name&pageSize=20',
      (o) => `select id from organisations where kind = 'enterprise' order by ${o}, id limit 20`,
    ],
    [
      'enterprises page 200 by name',
      '/api/enterprises?sort=name&page=200&pageSize=20',
      (o) => `select id from organisations where kind = 'enterprise' order by ${o}, id offset 3980 limit 20`,
    ],
    [
      'teachers first page by name',
      '/api/teachers?sort=name&pageSize=20',
      (o) => `select id from teachers where status <> 'archived' order by ${o}, id limit 20`,
    ],
    [
      'teachers page 10 by name',
      '/api/teachers?sort=name&page=10&pageSize=20',
      (o) => `select id from teachers where status <> 'archived' order by ${o}, id offset 180 limit 20`,
    ],
    [
      'students first page by name',
      '/api/students?sort=name&pageSize=20',
      (o) => `select id from students where ${active} order by ${o}, id limit 20`,
    ],
    [
      'students page 1000 by name',
      '/api/students?sort=name&page=1000&pageSize=20',
      (o) => `select id from students where ${active} order by ${o}, id offset 19980 limit 20`,
    ],
    [
      'students of one school by name',
      `/api/students?schoolId=${r.schoolId}&sort=name&pageSize=20`,
      (o) => `select id from students where ${active} and school_id = '${r.schoolId}' order by ${o}, id limit 20`,
    ],
    [
      'students cohort, by name desc',
      `/api/students?cohort=${r.cohort}&sort=-name&pageSize=20`,
      (o) => `select id from students where ${active} and cohort = ${r.cohort} order by ${o.replace(/^(\w+)$/, '$1 desc')}, id limit 20`,
    ],
    [
      'students name search by name',
      `/api/students?q=${q(r.surname)}&sort=name&pageSize=20`,
      (o) =>
        `select id from students where ${active} and name like '${r.surname}%' and name >= '${r.surname}'${o === 'name' ? '' : ` and name_sort >= '${span!.from}' and name_sort < '${span!.to}'`} order by ${o}, id limit 20`,
    ],
    [
      'programs by name',
      '/api/programs?sort=name&pageSize=20',
      (o) => `select p.id from programs p join majors m on m.id = p.major_id order by m.${o}, p.id limit 20`,
    ],
  ];
}

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plan cached, pages in shared buffers
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}
const stats = (ms: number[]) => ({ p50_ms: round(percentile(ms, 50)), p95_ms: round(percentile(ms, 95)) });

async function sortFigures(dbUrl: string) {
  if (!new URL(dbUrl).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database whose name contains "bench"');
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 }).catch(async (e) => {
    // A database migrated before the key: upgrade it through a plain connection, then open it again.
    const raw = await openDatabaseUnmigrated(dbUrl);
    try {
      if (!(await upgrade(raw.db))) throw e;
    } finally {
      await raw.close();
    }
    return openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
  });
  const db = database.db;
  try {
    const [counts] = await rows<{ students: number; teachers: number; organisations: number; unkeyed: number }>(
      db,
      sql`select
      (select count(*)::int from students) as students, (select count(*)::int from teachers) as teachers,
      (select count(*)::int from organisations) as organisations, (select count(*)::int from students where name_sort is null) as unkeyed`,
    );
    let t = performance.now();
    const keyed = await syncAllNameSorts(db);
    const keyMs = performance.now() - t;
    const total = Object.values(keyed).reduce((a, b) => a + b, 0);
    report({
      bench: 'pinyin_keying',
      engine: 'postgres',
      ...counts,
      keyed,
      ms: Math.round(keyMs),
      rows_per_s: total ? Math.round(total / (keyMs / 1000)) : null,
      loadavg: load(),
    });
    t = performance.now();
    await db.execute(sql`vacuum analyze`);
    report({ bench: 'pinyin_vacuum_analyze', ms: Math.round(performance.now() - t) });
    t = performance.now();
    const inSync = await syncAllNameSorts(db);
    report({
      bench: 'pinyin_sync_check',
      engine: 'postgres',
      note: 'what every name-sorted list pays when nothing changed: six empty stale-key index scans',
      ms: round(performance.now() - t),
      keyed: inSync,
    });
    const [refs] = await rows<Refs>(
      db,
      sql`select
      (select m.organisation_id from memberships m join users u on u.id = m.user_id where u.username = 'school1' limit 1) as "schoolId",
      (select max(cohort) from students) as cohort,
      (select left(name, 1) from students group by 1 order by count(*) desc limit 1) as surname`,
    );
    const list = cases(refs!);
    for (const [label, , query] of list) {
      const before = await timed(() => db.execute(sql.raw(query('name'))));
      const after = await timed(() => db.execute(sql.raw(query('name_sort'))));
      report({
        bench: 'pinyin_sort_sql',
        engine: 'postgres',
        list: label,
        before_code_points: stats(before),
        after_pinyin: stats(after),
        ratio_p95: round(percentile(after, 95) / percentile(before, 95)),
        loadavg: load(),
      });
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-front-door-'));
    const server = await startServer({ DATABASE_URL: dbUrl, DATA_DIR: tmp, SEED_DEMO: 'false' });
    try {
      const auth = await signIn(server.url, 'admin', password);
      const get = (p: string) => async () => {
        const res = await fetch(server.url + p, { headers: { cookie: auth.cookie } });
        if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      const me = await timed(get('/api/auth/me'));
      report({ bench: 'pinyin_sort_http', engine: 'postgres', list: 'GET /api/auth/me (anchor)', ...stats(me), loadavg: load() });
      for (const [label, p] of list) {
        const ms = await timed(get(p));
        report({
          bench: 'pinyin_sort_http',
          engine: 'postgres',
          list: label,
          path: p.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
          ...stats(ms),
          ratio_to_auth_me_p95: round(percentile(ms, 95) / percentile(me, 95)),
          loadavg: load(),
        });
      }
    } finally {
      await server.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } finally {
    await database.close();
  }
}

/** A pool on the database without running the migrations (they refuse a database migrated by an older schema). */
async function openDatabaseUnmigrated(dbUrl: string) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  return { db: drizzle(pool) as unknown as Db, close: () => pool.end() };
}

if (process.env.BENCH_SKIP_STARTS !== 'true') await startFigures();
if (url) await sortFigures(url);
else
  report({
    bench: 'pinyin_sort',
    skipped: 'set BENCH_DATABASE_URL (a city-scale database with "bench" in its name) for the pinyin sort figures',
  });
