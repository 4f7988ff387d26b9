/**
 * Issue 6's bulk issue: an enterprise training officer's outcomes sheet (.xlsx, import type `outcomes`, written with
 * ExcelJS's streaming writer) issued by the real import job — every row checked against the register first, then
 * all rows written in one transaction with their chained ledger deposits and audit rows — then the same file again
 * (every 业务编号 already issued: nothing written). On the PostgreSQL server at BENCH_DATABASE_URL, in a schema of
 * its own dropped afterwards. Prints JSON lines with rows/s and the process's peak RSS.
 *
 *   BENCH_DATABASE_URL=postgres://…/chanjiao_bench node bench/creditbank-bulk.ts     # BENCH_ROWS=20000 by default
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { outcomeSpec } from '../core/imports/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { importFiles, memberships, organisations, users } from '../server/platform/db/schema/index.ts';
import { importJob, type ImportJobInput } from '../server/imports/job.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import type { Services } from '../server/platform/services.ts';
import { report } from '../test/support/process.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'creditbank_bulk_issue', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name)' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
const ROWS = Number(process.env.BENCH_ROWS || 20_000);
const ACCOUNTS = Math.max(1, Math.ceil(ROWS / 10));
const accountNo = (i: number) => `CB${String(i).padStart(14, '0')}`;
const rssMiB = (field: 'VmHWM' | 'VmRSS' = 'VmHWM') =>
  Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-outcomes-'));
const file = path.join(dir, 'outcomes.xlsx');
const schema = `bench_outcomes_${process.pid}`;
const database = await openDatabase({ databaseUrl: url, schema });
try {
  // The sheet: one training course per row, ten per learner, each with its own 业务编号.
  let t0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('学习成果');
  ws.addRow(outcomeSpec.columns.map((c) => c.header)).commit();
  const cells: Record<string, (i: number) => string | number | null> = {
    accountNo: (i) => accountNo(i % ACCOUNTS),
    holderName: (i) => `学习者${i % ACCOUNTS}`,
    kind: () => '企业培训课程',
    code: (i) => `PX-${i % 40}`,
    title: (i) => `岗位技能培训 ${i % 40}`,
    hours: (i) => 8 + (i % 40),
    achievedOn: () => '2025-06-30',
    evidenceNote: () => '培训考核合格',
    idempotencyKey: (i) => `PX2025-${String(i).padStart(7, '0')}`,
  };
  for (let i = 0; i < ROWS; i++) ws.addRow(outcomeSpec.columns.map((c) => cells[c.key]?.(i) ?? null)).commit();
  await wb.commit();
  const data = fs.readFileSync(file);
  report({
    bench: 'creditbank_bulk_sheet',
    rows: ROWS,
    file_mib: Math.round((data.length / 1048576) * 10) / 10,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  });

  // The enterprise, its training officer, and the learners' accounts.
  const { db } = database;
  const [ent] = await db
    .insert(organisations)
    .values({ kind: 'enterprise', name: `基准企业-${crypto.randomUUID()}`, code: `B-${crypto.randomUUID()}` })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ username: `bench-${crypto.randomUUID()}`, displayName: '培训专员', passwordHash: 'x' })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, organisationId: ent!.id, role: 'enterprise_admin' });
  await db.execute(sql`
    insert into credit_accounts (account_no, kind, holder_name, id_number_index, id_number_masked, organisation_id)
    select 'CB' || lpad(g::text, 14, '0'), 'learner', '学习者' || g, 'bench-' || g || '-' || ${ent!.id}, '4101**********000X', ${ent!.id}
    from generate_series(0, ${ACCOUNTS - 1}) g`);
  const services: Services = {
    database,
    config: loadConfig({ DATA_DIR: dir }),
    pii: createPiiCipher(crypto.randomBytes(32)),
    now: () => new Date(),
    pokeJobs: () => {},
  };
  for (const run of ['first_issue', 'reissue_unchanged'] as const) {
    const [stored] = await db
      .insert(importFiles)
      .values({
        entity: 'outcomes',
        fileName: 'outcomes.xlsx',
        format: 'xlsx',
        byteSize: data.length,
        sha256: 'bench',
        data,
        createdBy: user!.id,
      })
      .returning();
    const input: ImportJobInput = {
      importId: stored!.id,
      entity: 'outcomes',
      access: { kind: 'limited', organisationIds: [ent!.id], districtIds: [], userId: null },
      actor: { userId: user!.id, displayName: '培训专员', organisationId: ent!.id, requestId: 'bench' },
    };
    t0 = performance.now();
    let writeStart = 0;
    const result = (await importJob({
      services,
      jobId: 'bench',
      input: input as unknown as Record<string, unknown>,
      checkpoint: null,
      progress: async (p) => {
        if (!writeStart && p.message.startsWith('正在写入')) writeStart = performance.now();
      },
      saveCheckpoint: async () => {},
    })) as { outcome: string; inserted: number; unchanged: number; rowsRead: number };
    const t1 = performance.now();
    if (result.outcome !== 'imported') throw new Error(`bulk issue rejected: ${JSON.stringify(result).slice(0, 500)}`);
    const seconds = (t1 - t0) / 1000;
    report({
      bench: 'creditbank_bulk_issue',
      engine: 'postgres',
      run,
      rows: result.rowsRead,
      seconds: Math.round(seconds * 100) / 100,
      rows_per_s: Math.round(result.rowsRead / seconds),
      check_pass_s: Math.round(((writeStart || t1) - t0) / 10) / 100,
      write_pass_s: writeStart ? Math.round((t1 - writeStart) / 10) / 100 : 0,
      inserted: result.inserted,
      unchanged: result.unchanged,
      loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
      peak_rss_mib: rssMiB(),
      rss_mib_after: rssMiB('VmRSS'),
    });
  }
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
