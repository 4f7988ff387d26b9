import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { report } from '../test/support/process.ts';

/**
 * Issue 19's backup figures at city scale: `npm run backup` (pg_dump) of BENCH_DATABASE_URL, `npm run restore`
 * (pg_restore) into an empty database beside it, then `npm run ledger:verify` on the restored copy. Anchors from
 * the same run: reading every table with COPY TO STDOUT (what a dump cannot avoid) for the backup, and
 * `CREATE DATABASE … TEMPLATE` (a file copy on the server) for the restore. Prints one JSON line.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.log(JSON.stringify({ bench: 'backup', skipped: 'BENCH_DATABASE_URL is not set' }));
  process.exit(0);
}
const source = new URL(url);
const name = source.pathname.slice(1);
if (!name.includes('bench')) throw new Error(`refusing to benchmark database "${name}": its name must contain "bench"`);
const copyName = `${name}_restore`;
const templateName = `${name}_template`;
const copyUrl = Object.assign(new URL(url), { pathname: `/${copyName}` }).toString();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-backup-'));
const file = path.join(tmp, 'city.dump');

const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
await admin.connect();
const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

function cli(script: string, args: string[], databaseUrl: string) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  return { seconds: seconds(t0), out: r.stdout.trim() };
}

try {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { rows: sizes } = await db.query(`select pg_database_size(current_database())::bigint as bytes,
    (select count(*) from students)::bigint as students, (select count(*) from organisations)::bigint as organisations,
    (select count(*) from audit_log)::bigint as audit_rows,
    (select count(*) from credit_ledger)::bigint as ledger_entries`);
  const { rows: tables } = await db.query(`select schemaname || '.' || relname as t from pg_stat_user_tables`);
  await db.end();

  // Anchor 1: every table read out with COPY, as pg_dump does, into nowhere.
  let t0 = performance.now();
  for (const { t } of tables) {
    const r = spawnSync('psql', ['-q', '-d', url, '-c', `copy ${t} to stdout`], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`psql copy ${t}: ${r.stderr}`);
  }
  const copyAll = seconds(t0);

  const backup = cli('backup', [file], url);
  const dumpBytes = fs.statSync(file).size;

  // Anchor 2: the server's own file copy of the database (nobody may be connected to the source meanwhile).
  await admin.query(`drop database if exists ${templateName}`);
  t0 = performance.now();
  await admin.query(`create database ${templateName} template ${name}`);
  const templateCopy = seconds(t0);
  await admin.query(`drop database ${templateName}`);

  await admin.query(`drop database if exists ${copyName}`);
  await admin.query(`create database ${copyName}`);
  const restore = cli('restore', [file], copyUrl);
  const verify = cli('ledger-verify', [], copyUrl);

  report({
    bench: 'backup',
    engine: 'postgres',
    database: name,
    database_bytes: Number(sizes[0].bytes),
    students: Number(sizes[0].students),
    organisations: Number(sizes[0].organisations),
    audit_rows: Number(sizes[0].audit_rows),
    ledger_entries: Number(sizes[0].ledger_entries),
    backup_s: backup.seconds,
    dump_bytes: dumpBytes,
    anchor_copy_all_tables_s: copyAll,
    backup_ratio: Math.round((backup.seconds / copyAll) * 100) / 100,
    restore_s: restore.seconds,
    anchor_template_copy_s: templateCopy,
    restore_ratio: Math.round((restore.seconds / templateCopy) * 100) / 100,
    ledger_verify_after_restore: verify.out,
    ledger_verify_s: verify.seconds,
    loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
  });
} finally {
  await admin.query(`drop database if exists ${copyName}`).catch(() => {});
  await admin.end();
  fs.rmSync(tmp, { recursive: true, force: true });
}
