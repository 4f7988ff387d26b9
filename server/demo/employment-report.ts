import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { latestMeasuredYear } from '../../core/graduates/index.ts';
import { graduatesPolicy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { employmentReports } from '../platform/db/schema/index.ts';
import { draftReport } from '../employment-report/index.ts';
import { destinationTallies } from '../graduates/index.ts';

/**
 * The demo city's annual report (issue 16 item 6), so /statistics offers one: the latest graduation year with
 * 留郑率 data drafted from the demo's figures by the report's own drafting and published by the bureau's admin.
 * The year before is left for the bureau to draft on /employment-reports.
 */
export async function seedEmploymentReportDemo(db: Db, opts: { now: Date }): Promise<number | null> {
  const year = latestMeasuredYear(graduatesPolicy, 'retention', await destinationTallies(db, sql`true`));
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  if (!year || !admin) return null;
  const drafted = await draftReport(db, year, todayOf(opts.now));
  await db
    .insert(employmentReports)
    .values({
      year,
      status: 'published',
      ...drafted,
      dataDate: drafted.content.dataDate,
      draftedBy: admin.id,
      draftedAt: opts.now,
      publishedBy: admin.id,
      publishedAt: opts.now,
      version: 2,
      updatedAt: opts.now,
    })
    .onConflictDoNothing();
  return year;
}
