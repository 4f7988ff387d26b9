import type { Access } from '../../core/authz/index.ts';
import { AppError } from '../../core/errors.ts';
import {
  IMPORT_SPECS,
  IssueList,
  SheetValidator,
  summariseIssues,
  type ImportEntity,
  type ImportIssue,
  type SheetRow,
} from '../../core/imports/index.ts';
import type { JobContext, JobHandler } from '../platform/jobs/registry.ts';
import { AuditBatch, type ImportActor } from './audit-batch.ts';
import { finishImport, loadImportFile } from './files.ts';
import { loadRefs } from './references.ts';
import { openSheet } from './sheet.ts';
import { WRITERS, type Tally, type WriteContext } from './writers/index.ts';

/** What the upload hands the job: the stored file, and the uploader's scope and identity at upload time. */
export interface ImportJobInput {
  importId: string;
  entity: ImportEntity;
  access: Access;
  actor: ImportActor;
}

/** Rows checked against the register (and written) per statement. */
const BATCH = 2000;
/** Issues kept for the downloadable report; the job's result carries the first few. */
const REPORT_CAP = 10_000;
const RESULT_ISSUES = 50;

/**
 * The import job: read and check every row first (nothing is written while any row is wrong), then write
 * all rows in one transaction, in batches. Both passes stream the file, so memory does not grow with it.
 * A rejected file is a finished job with `outcome: 'rejected'` and its error report — not a failure to
 * retry; a failure (the database, a record changed by someone else meanwhile) leaves the file for a retry.
 */
export const importJob: JobHandler = async (ctx) => {
  const input = ctx.input as unknown as ImportJobInput;
  const { services } = ctx;
  const { db } = services.database;
  const file = await loadImportFile(db, input.importId);
  if (!file) throw new AppError('NOT_FOUND', '导入文件不存在');
  if (!file.data) throw new AppError('CONFLICT', '该文件已经处理完毕，如需再次导入请重新上传');
  const spec = IMPORT_SPECS[input.entity];
  const writer = WRITERS[input.entity];
  const sheet = await openSheet(file.fileName, file.data);
  const refs = await loadRefs(db, input.entity, input.access, services.now());
  const wctx: WriteContext = { refs, access: input.access, pii: services.pii, audit: new AuditBatch(input.actor) };
  const base = { importId: file.id, entity: input.entity, fileName: file.fileName, format: sheet.format, encoding: sheet.encoding };
  const estimate = Math.max(sheet.rowEstimate - 1, 0);
  const maxRows = services.config.importMaxRows;

  // Pass 1: every row checked, nothing written.
  const issues = new IssueList(REPORT_CAP);
  for (const ref of sheet.merges) issues.add(mergeIssue(ref));
  const validator = new SheetValidator(spec, refs, issues);
  let batch: { row: number; record: unknown }[] = [];
  let reported = 0;
  const checkBatch = async () => {
    for (const i of await writer.conflicts(db, batch, wctx)) issues.add(i);
    batch = [];
    reported = validator.rows;
    await ctx.progress({
      done: validator.rows,
      total: estimate * 2,
      message: `正在校验：已读取${validator.rows}行，发现${issues.count}处错误`,
    });
  };
  for await (const row of readable(sheet.rows(), issues)) {
    const record = validator.accept(row);
    if (validator.rows > maxRows) {
      issues.add({ row: row.row, column: null, reason: `文件数据超过单次导入上限${maxRows}行，请拆分为多个文件分批导入` });
      break;
    }
    if (record) batch.push({ row: row.row, record });
    // Every BATCH rows read (good or bad): progress on screen, and the heartbeat that keeps the job ours.
    if (batch.length >= BATCH || validator.rows - reported >= BATCH) await checkBatch();
  }
  if (batch.length) await checkBatch();
  if (!validator.headerSeen) issues.add({ row: null, column: null, reason: '文件是空的：第一行应为导入模板的表头' });
  else if (validator.headerOk && validator.rows === 0)
    issues.add({ row: null, column: null, reason: '文件中没有数据行（模板的示例行不会导入）' });
  const read = { rowsRead: validator.rows, skippedExampleRows: validator.skippedExampleRows };

  if (issues.count) {
    await finishImport(db, file.id, 'rejected', issues);
    await ctx.progress({ done: validator.rows, total: validator.rows, message: summariseIssues(issues.count) });
    return {
      ...base,
      ...read,
      outcome: 'rejected',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      issueCount: issues.count,
      issues: issues.items.slice(0, RESULT_ISSUES),
      reportUrl: `/api/imports/${file.id}/report`,
    };
  }

  // Pass 2: the same rows again, written in batches inside one transaction — all or nothing.
  const total = validator.rows;
  const tally: Tally = { inserted: 0, updated: 0, unchanged: 0 };
  // PGlite has one connection: while the transaction holds it, a progress update from outside would wait for
  // the transaction, which waits for the update. On a server, progress goes through the pool as usual.
  const live = services.database.engine === 'postgres';
  await ctx.progress({
    done: total,
    total: total * 2,
    message: live ? `正在写入：0/${total}行` : `正在写入${total}行（写入完成前进度不更新）`,
  });
  await db.transaction(async (tx) => {
    const again = new IssueList(10);
    const v2 = new SheetValidator(spec, refs, again);
    let items: { row: number; record: unknown }[] = [];
    const flush = async () => {
      await writer.write(tx, items, wctx, tally);
      items = [];
      if (live) await writeProgress(ctx, total, tally);
    };
    for await (const row of sheet.rows()) {
      const record = v2.accept(row);
      if (record) items.push({ row: row.row, record });
      if (items.length >= BATCH) await flush();
    }
    if (items.length) await flush();
    if (again.count || v2.rows !== total) throw new AppError('CONFLICT', '文件在两次读取之间不一致，未导入任何数据，请重试');
  });
  await finishImport(db, file.id, 'imported', null);
  await ctx.progress({
    done: total * 2,
    total: total * 2,
    message: `导入完成：新增${tally.inserted}条，更新${tally.updated}条，未变化${tally.unchanged}条`,
  });
  return { ...base, ...read, outcome: 'imported', ...tally, issueCount: 0, issues: [], reportUrl: null };
};

/**
 * The rows of the sheet; a file that passed the upload checks but breaks the reader half-way (a damaged
 * zip entry, malformed XML) ends the reading with a file-level issue, so the clerk gets a rejection saying
 * so rather than a failed job to retry in vain.
 */
async function* readable(rows: AsyncGenerator<SheetRow>, issues: IssueList): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    issues.add({ row: null, column: null, reason: '文件内容已损坏，无法继续读取。请在Excel中打开并另存为.xlsx（或重新导出CSV）后再上传' });
  }
}

async function writeProgress(ctx: JobContext, total: number, t: Tally) {
  const written = t.inserted + t.updated + t.unchanged;
  await ctx.progress({
    done: total + written,
    total: total * 2,
    message: `正在写入：${written}/${total}行（新增${t.inserted}，更新${t.updated}，未变化${t.unchanged}）`,
  });
}

function mergeIssue(ref: string): ImportIssue {
  const start = /^([A-Z]+)(\d+)/.exec(ref);
  return {
    row: start ? Number(start[2]) : null,
    column: start ? start[1]! : null,
    reason: `单元格${ref}是合并单元格。请取消合并，并在每个单元格中分别填写内容`,
  };
}
