import { sql } from 'drizzle-orm';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type { ReportContent } from '../../../core/employment-report/index.ts';
import { latestMeasuredYear } from '../../../core/graduates/index.ts';
import type { ReportDetail, ReportEditBody, ReportSummary } from '../../../contracts/employment-report.ts';
import { employmentReportPolicy, graduatesPolicy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { employmentReports } from '../../platform/db/schema/index.ts';
import { destinationTallies } from '../../graduates/index.ts';
import type { Drafted } from '../gather.ts';
import type { PrintableReport } from '../documents.ts';

/**
 * The reports' rows: the bureau drafts a year (the platform writes its content from the data), edits the two texts
 * the platform drafted, redraws the figures while it is a draft, and publishes it; a published report is frozen.
 * The public reads published reports only — a draft is not found.
 */
type Row = {
  year: number;
  status: 'draft' | 'published';
  content: ReportContent;
  foreword: string;
  conclusion: string;
  dataDate: string;
  draftedAt: string;
  publishedAt: string | null;
  version: number;
};

const SELECT = sql`select year, status, content, foreword, conclusion, data_date as "dataDate", version,
  to_char(drafted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "draftedAt",
  to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "publishedAt" from employment_reports`;

const summary = (r: Row): ReportSummary => ({
  year: r.year,
  title: r.content.title,
  status: r.status,
  dataDate: r.dataDate,
  draftedAt: r.draftedAt,
  publishedAt: r.publishedAt,
  version: r.version,
});

export async function listReports(db: Db) {
  const all = await rows<Row>(db, sql`${SELECT} order by year desc`);
  const point = graduatesPolicy.retention.surveyPoint;
  const reported = new Set(all.map((r) => r.year));
  const open = (await destinationTallies(db, sql`graduate_destinations.survey_point = ${point}`)).filter(
    (t) => !reported.has(t.graduationYear),
  );
  return {
    items: all.map(summary),
    suggestedYear: latestMeasuredYear(graduatesPolicy, 'retention', open) ?? null,
    article: employmentReportPolicy.article,
    note: employmentReportPolicy.note,
  };
}

async function row(db: Db | Tx, year: number, lock = false): Promise<Row | undefined> {
  const [r] = await rows<Row>(db, sql`${SELECT} where year = ${year} ${lock ? sql`for update` : sql``}`);
  return r;
}

export async function getReport(db: Db | Tx, year: number): Promise<ReportDetail> {
  const r = await row(db, year);
  if (!r) throw notFound('年度报告');
  return { ...summary(r), foreword: r.foreword, conclusion: r.conclusion, content: r.content };
}

/** A published report of a year, for the public; a draft is not found. */
export async function publishedReport(db: Db, year: number): Promise<Row> {
  const r = await row(db, year);
  if (!r || r.status !== 'published') throw notFound('已发布的年度报告');
  return r;
}

export async function publishedReports(db: Db) {
  const all = await rows<Row>(db, sql`${SELECT} where status = 'published' order by year desc`);
  return { items: all.map((r) => ({ year: r.year, title: r.content.title, dataDate: r.dataDate, publishedAt: r.publishedAt! })) };
}

/** What prints of a report: the bureau's name issues it. */
export async function printable(db: Db, r: Row): Promise<PrintableReport> {
  const [bureau] = await rows<{ name: string }>(db, sql`select name from organisations where kind = 'bureau' order by code limit 1`);
  return {
    content: r.content,
    foreword: r.foreword,
    conclusion: r.conclusion,
    issuer: bureau?.name ?? '郑州市教育局',
    issuedOn: (r.publishedAt ?? r.draftedAt).slice(0, 10),
    status: r.status,
  };
}

export async function draftedReport(db: Db, year: number): Promise<PrintableReport> {
  const r = await row(db, year);
  if (!r) throw notFound('年度报告');
  return printable(db, r);
}

const refuseIfPublished = (r: Row) => {
  if (r.status === 'published')
    throw new AppError('INVALID_STATE', `${r.year}年度报告已发布，不能再修改`, { fields: { year: '已发布的报告不能修改' } });
};

const exists = (year: number) =>
  new AppError('CONFLICT', `${year}年度报告已存在，请在原报告上重新生成数据或修改`, { fields: { year: '该年度报告已存在' } });

/**
 * A new year's draft from figures read before the transaction (`drafted`: forecasting every series takes seconds,
 * too long to hold a lock). A year that has one already is a conflict, also when two clerks draft it at once.
 */
export async function createDraft(
  tx: Tx,
  audit: Auditor,
  userId: string,
  year: number,
  drafted: Drafted,
  now: Date,
): Promise<ReportDetail> {
  if (await row(tx, year)) throw exists(year);
  const dataDate = drafted.content.dataDate;
  const [inserted] = await tx
    .insert(employmentReports)
    .values({ year, status: 'draft', ...drafted, dataDate, draftedBy: userId, draftedAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ year: employmentReports.year });
  if (!inserted) throw exists(year);
  await audit.record({ action: 'create', entityType: 'employmentReport', entityId: String(year), after: { year, dataDate } });
  return getReport(tx, year);
}

/** The draft's figures read again (`drafted`, before the transaction); the texts the bureau edited stay. */
export async function redraft(
  tx: Tx,
  audit: Auditor,
  userId: string,
  year: number,
  version: number,
  { content }: Drafted,
  now: Date,
): Promise<ReportDetail> {
  const r = await row(tx, year, true);
  if (!r) throw notFound('年度报告');
  refuseIfPublished(r);
  if (r.version !== version) throw versionConflict();
  const dataDate = content.dataDate;
  await tx.execute(sql`update employment_reports set content = ${JSON.stringify(content)}::jsonb, data_date = ${dataDate},
    drafted_by = ${userId}, drafted_at = ${now}, version = version + 1, updated_at = ${now} where year = ${year}`);
  await audit.record({
    action: 'update',
    entityType: 'employmentReport',
    entityId: String(year),
    before: { dataDate: r.dataDate },
    after: { dataDate },
  });
  return getReport(tx, year);
}

export async function editReport(tx: Tx, audit: Auditor, year: number, body: ReportEditBody, now: Date): Promise<ReportDetail> {
  const r = await row(tx, year, true);
  if (!r) throw notFound('年度报告');
  refuseIfPublished(r);
  if (r.version !== body.version) throw versionConflict();
  await tx.execute(sql`update employment_reports set foreword = ${body.foreword}, conclusion = ${body.conclusion},
    version = version + 1, updated_at = ${now} where year = ${year}`);
  await audit.record({
    action: 'update',
    entityType: 'employmentReport',
    entityId: String(year),
    before: { foreword: r.foreword, conclusion: r.conclusion },
    after: { foreword: body.foreword, conclusion: body.conclusion },
  });
  return getReport(tx, year);
}

export async function publishReport(
  tx: Tx,
  audit: Auditor,
  userId: string,
  year: number,
  version: number,
  now: Date,
): Promise<ReportDetail> {
  const r = await row(tx, year, true);
  if (!r) throw notFound('年度报告');
  refuseIfPublished(r);
  if (r.version !== version) throw versionConflict();
  await tx.execute(sql`update employment_reports set status = 'published', published_by = ${userId}, published_at = ${now},
    version = version + 1, updated_at = ${now} where year = ${year}`);
  await audit.record({
    action: 'publish',
    entityType: 'employmentReport',
    entityId: String(year),
    before: { status: 'draft' },
    after: { status: 'published' },
  });
  return getReport(tx, year);
}
