import { sql, type SQL } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import {
  editable,
  missingRows,
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  type ReportKind,
  type ReportStatus,
  type ReportTable,
} from '../../../core/quality-reports/index.ts';
import type { PublicReportQuery, QualityReport, ReportList, ReportListQuery, ReportSummary } from '../../../contracts/quality-reports.ts';
import { qualityReportsPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { syncNameSort } from '../../registry/index.ts';
import { authorOf, type Author } from './authors.ts';
import { partnerSchools } from './facts.ts';
import { liveTables } from './tables.ts';

/**
 * Reading quality reports: the author's own report of a year (a blank draft with live tables before it is first
 * saved), any report in the reader's scope — a partner school also reads the enterprise reports naming it — and the
 * published reports anyone may read. A report outside all of these is simply not found (404).
 */
export interface ReportRow {
  id: string;
  kind: ReportKind;
  organisationId: string;
  organisationName: string;
  districtId: string | null;
  districtName: string | null;
  year: number;
  status: ReportStatus;
  parts: Record<string, string>;
  comments: Record<string, string>;
  tables: ReportTable[] | null;
  dataDate: string | null;
  version: number;
  submittedAt: string | null;
  publishedAt: string | null;
}

const stamp = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`);

export const REPORT_SELECT = sql`select r.id, r.kind, r.organisation_id as "organisationId", o.name as "organisationName",
  r.district_id as "districtId", d.name as "districtName", r.year, r.status, r.parts, r.comments, r.tables,
  to_char(r.data_date, 'YYYY-MM-DD') as "dataDate", r.version, ${stamp('r.submitted_at')} as "submittedAt",
  ${stamp('r.published_at')} as "publishedAt"
  from quality_reports r join organisations o on o.id = r.organisation_id left join organisations d on d.id = r.district_id`;

/** Rows the reader reaches: its scope on the author, or (a partner school) the enterprise reports naming it. */
export function readableSql(read: Access, confirm: Access): SQL {
  const own = scopeSqlOn(read, { organisationId: 'r.organisation_id', districtId: 'r.district_id' });
  const partnerOf = confirm.kind === 'limited' && confirm.organisationIds.length ? confirm.organisationIds : null;
  if (!partnerOf) return own;
  return sql`(${own} or exists (select 1 from quality_report_partners qp where qp.report_id = r.id and qp.school_id in (${sql.join(
    partnerOf.map((x) => sql`${x}::uuid`),
    sql`, `,
  )})))`;
}

export interface Partner {
  schoolId: string;
  name: string;
  confirmed: boolean;
  confirmedAt: string | null;
}

export async function partnersOf(db: Db | Tx, reportId: string): Promise<Partner[]> {
  return rows<Partner>(
    db,
    sql`select qp.school_id as "schoolId", o.name, qp.confirmed_at is not null as confirmed, ${stamp('qp.confirmed_at')} as "confirmedAt"
      from quality_report_partners qp join organisations o on o.id = qp.school_id where qp.report_id = ${reportId} order by o.name_sort, o.id`,
  );
}

export interface Permissions {
  canEdit: boolean;
  canReview: boolean;
  canConfirm: boolean;
}

/** The report as its screens and documents show it: the kind's parts in order, the tables frozen or live. */
export async function composeReport(
  db: Db | Tx,
  author: Author,
  year: number,
  row: ReportRow | null,
  now: Date,
  permissions: (status: ReportStatus, partners: Partner[]) => Permissions,
): Promise<QualityReport> {
  const status = row?.status ?? 'draft';
  const frozen = row?.tables != null;
  const live = frozen ? null : await liveTables(db, author, year, todayOf(now));
  const tables = frozen ? row.tables! : live!.tables;
  // Frozen with the tables at submission; before it, an enterprise report lists the partner schools the platform sees today.
  const partners = frozen
    ? await partnersOf(db, row.id)
    : author.kind === 'enterprise'
      ? (await partnerSchools(db, author.id, year)).map((s) => ({ schoolId: s.id, name: s.name, confirmed: false, confirmedAt: null }))
      : [];
  return {
    id: row?.id ?? null,
    kind: author.kind,
    kindLabel: REPORT_KIND_LABELS[author.kind],
    organisationId: author.id,
    organisationName: author.name,
    districtName: author.districtName,
    year,
    status,
    statusLabel: REPORT_STATUS_LABELS[status],
    parts: policy.parts[author.kind].map((p) => ({
      code: p.code,
      title: p.title,
      maxChars: p.maxChars,
      text: row?.parts[p.code] ?? '',
      comment: row?.comments[p.code] || null,
    })),
    tables,
    tablesFrozen: frozen,
    dataDate: frozen ? row.dataDate! : live!.dataDate,
    missing: missingRows(tables),
    partners,
    version: row?.version ?? 0,
    submittedAt: row?.submittedAt ?? null,
    publishedAt: row?.publishedAt ?? null,
    ...permissions(status, partners),
  };
}

export const authorFromRow = (r: ReportRow): Author => ({
  id: r.organisationId,
  name: r.organisationName,
  kind: r.kind,
  districtId: r.districtId,
  districtName: r.districtName,
});

export async function ownRow(db: Db | Tx, author: Author, year: number, lock = false): Promise<ReportRow | null> {
  const [r] = await rows<ReportRow>(
    db,
    sql`${REPORT_SELECT} where r.organisation_id = ${author.id} and r.year = ${year} ${lock ? sql`for update of r` : sql``}`,
  );
  return r ?? null;
}

/** A report year the platform takes: from the policy's first year up to the current one. */
export function checkYear(year: number, now: Date): void {
  const current = Number(todayOf(now).slice(0, 4));
  if (year < policy.firstYear || year > current)
    throw validationFailed({ year: `报告年度应在 ${policy.firstYear}–${current} 年之间` }, '报告年度不正确');
}

/** The caller's own report of a year (a blank draft before it is first saved). */
export async function myReport(db: Db | Tx, write: Access, year: number, now: Date): Promise<QualityReport> {
  checkYear(year, now);
  const author = await authorOf(db, write);
  const row = await ownRow(db, author, year);
  return composeReport(db, author, year, row, now, (status) => ({ canEdit: editable(status), canReview: false, canConfirm: false }));
}

export async function getReport(
  db: Db | Tx,
  access: { read: Access; confirm: Access; review: Access; write: Access },
  id: string,
  now: Date,
): Promise<QualityReport> {
  const [row] = await rows<ReportRow>(db, sql`${REPORT_SELECT} where r.id = ${id} and ${readableSql(access.read, access.confirm)}`);
  if (!row) throw notFound('质量年度报告');
  const writes = access.write.kind === 'limited' && access.write.organisationIds.includes(row.organisationId);
  const confirms = (partners: Partner[]) =>
    access.confirm.kind === 'limited' &&
    partners.some((p) => !p.confirmed && (access.confirm as { organisationIds: string[] }).organisationIds.includes(p.schoolId));
  return composeReport(db, authorFromRow(row), row.year, row, now, (status, partners) => ({
    canEdit: writes && editable(status),
    canReview: access.review.kind === 'city' && status === 'submitted',
    canConfirm: status === 'submitted' && confirms(partners),
  }));
}

export async function listReports(db: Db, read: Access, confirm: Access, q: ReportListQuery): Promise<ReportList> {
  await syncNameSort(db, 'organisations');
  const where = [readableSql(read, confirm)];
  if (q.year) where.push(sql`r.year = ${q.year}`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.kind) where.push(sql`r.kind = ${q.kind}`);
  return summaries(db, sql.join(where, sql` and `), q);
}

/** Published reports, for anyone: the public list of 质量年度报告. */
export async function publishedReports(db: Db, q: PublicReportQuery): Promise<ReportList> {
  await syncNameSort(db, 'organisations');
  const where = [sql`r.status = 'published'`];
  if (q.year) where.push(sql`r.year = ${q.year}`);
  if (q.kind) where.push(sql`r.kind = ${q.kind}`);
  return summaries(db, sql.join(where, sql` and `), q);
}

async function summaries(db: Db, where: SQL, q: { page: number; pageSize: number }): Promise<ReportList> {
  const found = await rows<Omit<ReportSummary, 'kindLabel' | 'statusLabel'> & { total: number }>(
    db,
    sql`select r.id, r.kind, o.name as "organisationName", d.name as "districtName", r.year, r.status,
      ${stamp('r.submitted_at')} as "submittedAt", ${stamp('r.published_at')} as "publishedAt",
      (select count(*)::int from quality_report_partners qp where qp.report_id = r.id and qp.confirmed_at is null) as "partnersWaiting",
      count(*) over ()::int as total
      from quality_reports r join organisations o on o.id = r.organisation_id left join organisations d on d.id = r.district_id
      where ${where}
      order by r.year desc, case r.status when 'submitted' then 0 when 'returned' then 1 when 'draft' then 2 else 3 end, o.name_sort, r.id
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  const items = found.map(({ total: _, ...r }) => ({
    ...r,
    kindLabel: REPORT_KIND_LABELS[r.kind],
    statusLabel: REPORT_STATUS_LABELS[r.status],
  }));
  // A page past the end has no row to carry the count: count again only then.
  const [counted] =
    found.length || q.page === 1 ? [] : await rows<{ n: number }>(db, sql`select count(*)::int as n from quality_reports r where ${where}`);
  const total = found[0]?.total ?? counted?.n ?? 0;
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A published report as the public reads it: no review comments. */
export async function publishedReport(db: Db, id: string, now: Date): Promise<QualityReport> {
  const [row] = await rows<ReportRow>(db, sql`${REPORT_SELECT} where r.id = ${id} and r.status = 'published'`);
  if (!row) throw notFound('质量年度报告');
  return composeReport(db, authorFromRow({ ...row, comments: {} }), row.year, { ...row, comments: {} }, now, () => ({
    canEdit: false,
    canReview: false,
    canConfirm: false,
  }));
}

export const notEditable = (status: ReportStatus) =>
  new AppError('INVALID_STATE', `报告当前状态为「${REPORT_STATUS_LABELS[status]}」，不能修改；退回修改后方可编辑`);

export const checkVersion = (row: ReportRow, version: number | undefined) => {
  if (version === undefined || version !== row.version) throw versionConflict();
};
