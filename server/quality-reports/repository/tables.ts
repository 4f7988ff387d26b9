import { sql } from 'drizzle-orm';
import { aggregateTables, buildTables, factsDateOf, tableSpecsOf, type ReportTable } from '../../../core/quality-reports/index.ts';
import { qualityReportsPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import type { Author } from './authors.ts';
import { enterpriseReportFacts, schoolReportFacts } from './facts.ts';

/**
 * A report's tables as the platform's data stands today (a draft's preview, and what submission freezes). The
 * city's 中职 tables combine the frozen tables of the 中职 schools' published reports of the year.
 */
export async function liveTables(
  db: Db | Tx,
  author: Author,
  year: number,
  today: string,
): Promise<{ tables: ReportTable[]; dataDate: string }> {
  const specs = tableSpecsOf(policy, author.kind);
  if (author.kind === 'school') {
    const f = (await schoolReportFacts(db, [author.id], year, today)).get(author.id) ?? { facts: {}, dataDate: factsDateOf(year, today) };
    return { tables: buildTables('school', specs, f.facts, f.dataDate), dataDate: f.dataDate };
  }
  if (author.kind === 'enterprise') {
    const f = await enterpriseReportFacts(db, author.id, year, today);
    return { tables: buildTables('enterprise', specs, f.facts, f.dataDate), dataDate: f.dataDate };
  }
  const published = await rows<{ tables: ReportTable[] }>(
    db,
    sql`select r.tables from quality_reports r join schools s on s.organisation_id = r.organisation_id
      where r.kind = 'school' and r.status = 'published' and r.year = ${year} and s.level = 'secondary'`,
  );
  const dataDate = factsDateOf(year, today);
  return {
    tables: aggregateTables(
      specs,
      published.map((r) => r.tables),
      dataDate,
    ),
    dataDate,
  };
}
