import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import { approvalBlock, commentProblems, REPORT_STATUS_LABELS } from '../../../core/quality-reports/index.ts';
import type { ReturnBody } from '../../../contracts/quality-reports.ts';
import { qualityReportsPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Tx } from '../../platform/db/engine.ts';
import { checkVersion, partnersOf, readableSql, REPORT_SELECT, type ReportRow } from '../repository/reports.ts';

/**
 * The bureau's review of a submitted report — returned with comments per part (its tables thaw: the next submission
 * freezes them again) or approved and published — and a partner school's confirmation of an enterprise's joint report.
 */
type Accesses = { read: Access; confirm: Access; review: Access; write: Access };

async function lockedRow(tx: Tx, access: Accesses, id: string): Promise<ReportRow> {
  const [row] = await rows<ReportRow>(
    tx,
    sql`${REPORT_SELECT} where r.id = ${id} and ${readableSql(access.read, access.confirm)} for update of r`,
  );
  if (!row) throw notFound('质量年度报告');
  return row;
}

const notSubmitted = (row: ReportRow) =>
  new AppError('INVALID_STATE', `报告当前状态为「${REPORT_STATUS_LABELS[row.status]}」，只能审核已提交的报告`);

export async function returnReport(
  tx: Tx,
  audit: Auditor,
  access: Accesses,
  userId: string | null,
  id: string,
  body: ReturnBody,
  now: Date,
): Promise<void> {
  const row = await lockedRow(tx, access, id);
  checkVersion(row, body.version);
  if (row.status !== 'submitted') throw notSubmitted(row);
  const fields = commentProblems(policy.parts[row.kind], body.comments);
  if (Object.keys(fields).length) throw validationFailed(fields, '审核意见有误，请按提示修改');
  const comments = Object.fromEntries(Object.entries(body.comments).filter(([, t]) => t.trim()));
  await tx.execute(sql`update quality_reports set status = 'returned', comments = ${JSON.stringify(comments)}::jsonb, tables = null, data_date = null,
    reviewed_by = ${userId}, reviewed_at = ${now}, version = version + 1, updated_at = ${now} where id = ${id}`);
  await audit.record({
    action: 'return',
    entityType: 'qualityReport',
    entityId: id,
    before: { status: row.status },
    after: { status: 'returned', comments },
  });
}

export async function approveReport(
  tx: Tx,
  audit: Auditor,
  access: Accesses,
  userId: string | null,
  id: string,
  version: number,
  now: Date,
): Promise<void> {
  const row = await lockedRow(tx, access, id);
  checkVersion(row, version);
  const block = approvalBlock(row.status, row.kind, await partnersOf(tx, id));
  if (block) throw new AppError('INVALID_STATE', block);
  await tx.execute(sql`update quality_reports set status = 'published', published_at = ${now}, reviewed_by = ${userId}, reviewed_at = ${now},
    version = version + 1, updated_at = ${now} where id = ${id}`);
  await audit.record({
    action: 'approve',
    entityType: 'qualityReport',
    entityId: id,
    before: { status: row.status },
    after: { status: 'published' },
  });
}

/** A partner school confirms the enterprise's submitted report (its own row of the partners only). */
export async function confirmReport(tx: Tx, audit: Auditor, access: Accesses, userId: string | null, id: string, now: Date): Promise<void> {
  const row = await lockedRow(tx, access, id);
  const mine = access.confirm.kind === 'limited' ? access.confirm.organisationIds : [];
  const partner = (await partnersOf(tx, id)).find((p) => mine.includes(p.schoolId));
  if (!partner) throw notFound('需要贵校确认的企业报告');
  if (row.status !== 'submitted') throw notSubmitted(row);
  if (partner.confirmed) throw new AppError('CONFLICT', '贵校已确认该报告');
  await tx.execute(sql`update quality_report_partners set confirmed_at = ${now}, confirmed_by = ${userId}
    where report_id = ${id} and school_id = ${partner.schoolId}`);
  await audit.record({ action: 'confirm', entityType: 'qualityReport', entityId: id, after: { schoolId: partner.schoolId } });
}
