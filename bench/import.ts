/**
 * Issue 3's import benchmark: a 100,000-row student sheet (.xlsx, written with ExcelJS's streaming writer,
 * valid ID numbers from core/codes) imported by the real import job on each engine — PGlite in a temporary
 * data folder, and the PostgreSQL server at BENCH_DATABASE_URL when set (in a schema of its own, dropped
 * afterwards). Each engine runs in a child process of its own so that its peak RSS (VmHWM, which includes
 * PGlite's in-process database) is its own. Prints JSON lines: the first import (all rows new), then the same
 * file again (every row unchanged: read, compared, nothing written).
 *
 *   node bench/import.ts                     # BENCH_ROWS=100000 by default
 *   BENCH_DATABASE_URL=postgres://…/chanjiao_bench node bench/import.ts
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { makeIdNumber } from '../core/codes/index.ts';
import { studentSpec } from '../core/imports/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, type Database } from '../server/platform/db/engine.ts';
import {
  catalogueEditions,
  importFiles,
  majors,
  memberships,
  organisations,
  programs,
  schools,
  users,
} from '../server/platform/db/schema/index.ts';
import { importJob, type ImportJobInput } from '../server/imports/job.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import type { Services } from '../server/platform/services.ts';
import { report } from '../test/support/process.ts';
import { isoDateOf } from '../core/calendar.ts';

const ROWS = Number(process.env.BENCH_ROWS || 100_000);
const SCHOOLS = 10;
const DIVISIONS = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410182', '410183', '410184', '410185'];
const schoolCode = (i: number) => `41410${String(i).padStart(5, '0')}`;

/** Peak (VmHWM) or current (VmRSS) resident set of this process in MiB. */
function rssMiB(field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return Math.round((m ? Number(m[1]) : process.resourceUsage().maxRSS) / 1024);
}

/** The sheet, streamed to disk row by row: ID numbers unique over division × birth date × sequence. */
async function generate(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('学生');
  ws.addRow(studentSpec.columns.map((c) => c.header)).commit();
  for (let i = 0; i < ROWS; i++) {
    const birth = isoDateOf(Date.UTC(2005, 0, 1) + (Math.floor(i / DIVISIONS.length / 500) % 1500) * 86_400_000).replace(/-/g, '');
    const id = makeIdNumber(
      DIVISIONS[i % DIVISIONS.length]!,
      birth,
      String((Math.floor(i / DIVISIONS.length) % 500) * 2 + (i % 2)).padStart(3, '0'),
    );
    ws.addRow([
      schoolCode(i % SCHOOLS),
      null,
      `学生${i}`,
      id,
      null,
      '510201',
      null,
      2024,
      `138${String(i).padStart(8, '0')}`,
      '在籍',
    ]).commit();
  }
  await wb.commit();
}

/** Ten schools offering 510201, and a bureau account that imports. */
async function world(database: Database) {
  const { db } = database;
  const [bureau] = await db
    .insert(organisations)
    .values({ kind: 'bureau', name: '郑州市教育局', code: `bench-${crypto.randomUUID()}` })
    .returning();
  const [district] = await db
    .insert(organisations)
    .values({ kind: 'district', name: '金水区', code: `bench-d-${crypto.randomUUID()}` })
    .returning();
  const [edition] = await db
    .insert(catalogueEditions)
    .values({ kind: 'major', edition: `bench-${crypto.randomUUID()}`, title: 'bench', source: 'bench' })
    .returning();
  const [major] = await db
    .insert(majors)
    .values({
      editionId: edition!.id,
      level: 'higher',
      code: '510201',
      name: '计算机应用技术',
      categoryCode: '5102',
      categoryName: '计算机类',
      divisionCode: '51',
      divisionName: '电子与信息大类',
    })
    .returning();
  for (let i = 0; i < SCHOOLS; i++) {
    const [s] = await db
      .insert(organisations)
      .values({ kind: 'school', name: `基准测试职业学校${i}`, code: schoolCode(i), districtId: district!.id })
      .returning();
    await db.insert(schools).values({ organisationId: s!.id, level: 'higher', ownership: 'public' });
    await db.insert(programs).values({ schoolId: s!.id, majorId: major!.id, startYear: 2019 });
  }
  const [user] = await db
    .insert(users)
    .values({ username: `bench-${crypto.randomUUID()}`, displayName: '基准测试', passwordHash: 'x' })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, organisationId: bureau!.id, role: 'city_admin' });
  return { userId: user!.id, organisationId: bureau!.id };
}

/** One import through the job handler, timing the check pass and the write pass. */
async function runImport(services: Services, data: Buffer, actor: { userId: string; organisationId: string }) {
  const { db } = services.database;
  const [file] = await db
    .insert(importFiles)
    .values({
      entity: 'students',
      fileName: 'students.xlsx',
      format: 'xlsx',
      byteSize: data.length,
      sha256: 'bench',
      data,
      createdBy: actor.userId,
    })
    .returning();
  const input: ImportJobInput = {
    importId: file!.id,
    entity: 'students',
    access: { kind: 'city' },
    actor: { userId: actor.userId, displayName: '基准测试', organisationId: actor.organisationId, requestId: 'bench' },
  };
  const t0 = performance.now();
  let writeStart = 0;
  const result = await importJob({
    services,
    jobId: 'bench',
    input: input as unknown as Record<string, unknown>,
    checkpoint: null,
    progress: async (p) => {
      if (!writeStart && p.message.startsWith('正在写入')) writeStart = performance.now();
    },
    saveCheckpoint: async () => {},
  });
  const t1 = performance.now();
  return {
    result,
    seconds: (t1 - t0) / 1000,
    checkSeconds: ((writeStart || t1) - t0) / 1000,
    writeSeconds: writeStart ? (t1 - writeStart) / 1000 : 0,
  };
}

async function child(engine: 'pglite' | 'postgres', file: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-import-'));
  const url = process.env.BENCH_DATABASE_URL;
  const schema = `bench_import_${process.pid}`;
  const database = engine === 'postgres' ? await openDatabase({ databaseUrl: url, schema }) : await openDatabase({ dataDir: tmp });
  try {
    const services: Services = {
      database,
      config: loadConfig({ DATA_DIR: tmp }),
      pii: createPiiCipher(crypto.randomBytes(32)),
      now: () => new Date(),
      pokeJobs: () => {},
    };
    const actor = await world(database);
    const data = fs.readFileSync(file);
    // PGlite's start-up (initdb, migrations) has its own peak inside this process; say what it was.
    const startPeak = rssMiB();
    for (const run of ['first_import', 'reimport_unchanged'] as const) {
      const r = await runImport(services, data, actor);
      const res = r.result as {
        outcome: string;
        inserted: number;
        updated: number;
        unchanged: number;
        rowsRead: number;
        issueCount: number;
      };
      if (res.outcome !== 'imported') throw new Error(`import rejected: ${JSON.stringify(r.result).slice(0, 500)}`);
      report({
        bench: 'import_students',
        engine,
        run,
        rows: res.rowsRead,
        file_mib: Math.round((data.length / 1048576) * 10) / 10,
        seconds: round(r.seconds),
        rows_per_s: Math.round(res.rowsRead / r.seconds),
        check_pass_s: round(r.checkSeconds),
        write_pass_s: round(r.writeSeconds),
        inserted: res.inserted,
        updated: res.updated,
        unchanged: res.unchanged,
        peak_rss_mib: rssMiB(),
        peak_rss_mib_before_import: startPeak,
        rss_mib_after: rssMiB('VmRSS'),
      });
    }
  } finally {
    await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

if (process.argv[2] === '--engine') {
  await child(process.argv[3] as 'pglite' | 'postgres', process.argv[4]!);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-sheet-'));
  const file = path.join(dir, 'students.xlsx');
  try {
    const t0 = performance.now();
    await generate(file);
    report({
      bench: 'import_sheet_generated',
      rows: ROWS,
      file_mib: Math.round((fs.statSync(file).size / 1048576) * 10) / 10,
      seconds: round((performance.now() - t0) / 1000),
    });
    const engines: ('pglite' | 'postgres')[] = ['pglite'];
    if (process.env.BENCH_DATABASE_URL) engines.push('postgres');
    else
      report({
        bench: 'import_students',
        engine: 'postgres',
        skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name) to run it',
      });
    let failed = false;
    for (const engine of engines) {
      const r = spawnSync(process.execPath, [process.argv[1]!, '--engine', engine, file], { stdio: 'inherit' });
      failed ||= r.status !== 0;
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
