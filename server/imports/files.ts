import { and, eq } from 'drizzle-orm';
import { systemClock } from '../platform/clock.ts';
import type { Access } from '../../core/authz/index.ts';
import { notFound } from '../../core/errors.ts';
import type { ImportIssue } from '../../core/imports/index.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import { importFiles } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';

/** Import files are the uploader's, like their jobs; the bureau sees all (same grant as `job.read`). */
const scoped = (access: Access) => scopeWhere(access, { userId: importFiles.createdBy });

const summaryColumns = {
  id: importFiles.id,
  entity: importFiles.entity,
  fileName: importFiles.fileName,
  format: importFiles.format,
  encoding: importFiles.encoding,
  byteSize: importFiles.byteSize,
  jobId: importFiles.jobId,
  outcome: importFiles.outcome,
  issueCount: importFiles.issueCount,
  createdAt: importFiles.createdAt,
  finishedAt: importFiles.finishedAt,
};

export async function getImport(db: Db, access: Access, id: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(importFiles)
    .where(and(eq(importFiles.id, id), scoped(access)));
  if (!row) throw notFound('导入记录');
  return row;
}

export async function getImportIssues(db: Db, access: Access, id: string) {
  const [row] = await db
    .select({
      fileName: importFiles.fileName,
      entity: importFiles.entity,
      outcome: importFiles.outcome,
      issues: importFiles.issues,
      issueCount: importFiles.issueCount,
    })
    .from(importFiles)
    .where(and(eq(importFiles.id, id), scoped(access)));
  if (!row) throw notFound('导入记录');
  return row;
}

/** The stored file for the job (bytes included). */
export async function loadImportFile(db: Db, id: string) {
  const [row] = await db.select().from(importFiles).where(eq(importFiles.id, id));
  return row;
}

/**
 * Records the outcome and drops the file's bytes: they hold ID numbers and phones in clear, and once the
 * import is done (imported or rejected with its report) nothing needs them. A failed run keeps them for a retry.
 */
export async function finishImport(
  db: Db | Tx,
  id: string,
  outcome: 'imported' | 'rejected',
  issues: { items: ImportIssue[]; count: number } | null,
) {
  await db
    .update(importFiles)
    .set({
      outcome,
      data: null,
      finishedAt: systemClock(),
      issues: issues?.items ?? null,
      issueCount: issues?.count ?? 0,
    })
    .where(eq(importFiles.id, id));
}
