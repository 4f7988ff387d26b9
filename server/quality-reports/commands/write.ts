import { sql } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, validationFailed, versionConflict } from '../../../core/errors.ts';
import { editable, partProblems, statusAfterSubmission, submissionProblems } from '../../../core/quality-reports/index.ts';
import type { ReportTable } from '../../../core/quality-reports/index.ts';
import type { PartsPut } from '../../../contracts/quality-reports.ts';
import { qualityReportsPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { qualityReports } from '../../platform/db/schema/index.ts';
import { authorOf } from '../repository/authors.ts';
import { partnerSchools } from '../repository/facts.ts';
import { checkVersion, checkYear, notEditable, ownRow } from '../repository/reports.ts';
import { liveTables } from '../repository/tables.ts';

/**
 * The author's writes: saving parts of its report (a part over its limit is refused naming the part; nothing is
 * saved), and submitting it — every part written, the tables frozen with their data date, an enterprise report's
 * partner schools fixed for their confirmation. Read-only to the author from then on, until the bureau returns it.
 * The routes read the report back after the transaction: composing it reads many tables side by side, which one
 * transaction's connection cannot do.
 */
export async function saveParts(
  tx: Tx,
  audit: Auditor,
  write: Access,
  userId: string | null,
  year: number,
  body: PartsPut,
  now: Date,
): Promise<void> {
  checkYear(year, now);
  const author = await authorOf(tx, write);
  const fields = partProblems(policy.parts[author.kind], body.parts);
  if (Object.keys(fields).length) throw validationFailed(fields, '报告内容有误，请按提示修改');
  const row = await ownRow(tx, author, year, true);
  if (!row) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await tx
      .insert(qualityReports)
      .values({
        kind: author.kind,
        organisationId: author.id,
        districtId: author.districtId,
        year,
        parts: body.parts,
        updatedBy: userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: qualityReports.id });
    await audit.record({
      action: 'create',
      entityType: 'qualityReport',
      entityId: created!.id,
      after: { year, kind: author.kind, parts: body.parts },
    });
  } else {
    checkVersion(row, body.version);
    if (!editable(row.status)) throw notEditable(row.status);
    const changed = Object.fromEntries(Object.entries(body.parts).filter(([code, text]) => (row.parts[code] ?? '') !== text));
    const before = Object.fromEntries(Object.keys(changed).map((code) => [code, row.parts[code] ?? '']));
    await tx.execute(sql`update quality_reports set parts = parts || ${JSON.stringify(body.parts)}::jsonb, updated_by = ${userId},
      version = version + 1, updated_at = ${now} where id = ${row.id}`);
    await audit.record({
      action: 'update',
      entityType: 'qualityReport',
      entityId: row.id,
      before: { parts: before },
      after: { parts: changed },
    });
  }
}

/** The tables a submission freezes, read on the pool before the write (their facts are read side by side). */
export async function tablesToFreeze(db: Db, write: Access, year: number, now: Date): Promise<{ tables: ReportTable[]; dataDate: string }> {
  checkYear(year, now);
  return liveTables(db, await authorOf(db, write), year, todayOf(now));
}

export async function submitReport(
  tx: Tx,
  audit: Auditor,
  write: Access,
  userId: string | null,
  year: number,
  version: number,
  now: Date,
  frozen: { tables: ReportTable[]; dataDate: string },
): Promise<void> {
  checkYear(year, now);
  const author = await authorOf(tx, write);
  const row = await ownRow(tx, author, year, true);
  const parts = policy.parts[author.kind];
  if (!row) throw validationFailed(submissionProblems(parts, {}), '报告尚未填写，不能提交');
  checkVersion(row, version);
  if (!editable(row.status)) throw notEditable(row.status);
  const fields = submissionProblems(parts, row.parts);
  if (Object.keys(fields).length) throw validationFailed(fields, '报告各部分填写完整后方可提交');
  const { tables, dataDate } = frozen;
  if (author.kind === 'enterprise') {
    const partners = await partnerSchools(tx, author.id, year);
    if (!partners.length)
      throw new AppError('RULE_VIOLATION', '企业质量年度报告须与合作学校联合发布：本年度平台上没有与贵企业开展实习或共建载体的学校', {
        fields: { partners: '没有合作学校' },
      });
    // A resubmitted report is a new text: every partner confirms it again.
    await tx.execute(sql`delete from quality_report_partners where report_id = ${row.id}`);
    await tx.execute(
      sql`insert into quality_report_partners (report_id, school_id) values ${sql.join(
        partners.map((p) => sql`(${row.id}, ${p.id})`),
        sql`, `,
      )}`,
    );
  }
  const status = statusAfterSubmission(author.kind);
  await tx.execute(sql`update quality_reports set status = ${status}, tables = ${JSON.stringify(tables)}::jsonb, data_date = ${dataDate},
    comments = '{}'::jsonb, submitted_at = ${now}, updated_by = ${userId}, version = version + 1, updated_at = ${now},
    published_at = ${status === 'published' ? now : null}, reviewed_by = ${status === 'published' ? userId : null},
    reviewed_at = ${status === 'published' ? now : null} where id = ${row.id}`);
  await audit.record({
    action: status === 'published' ? 'publish' : 'submit',
    entityType: 'qualityReport',
    entityId: row.id,
    before: { status: row.status },
    after: { status, dataDate },
  });
}
