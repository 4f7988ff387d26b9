import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { annualReportDueOn } from '../../../core/certification/lifecycle.ts';
import { owesReport, reportYearOn, type ReportingCase } from '../../../core/certification/reminders.ts';
import type { MissingReportsQuery } from '../../../contracts/certification.ts';
import { certificationPolicy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { scopeOfEnterprise } from './cases.ts';

const RULES = certificationPolicy.lifecycle;

interface Row extends ReportingCase {
  enterpriseName: string;
  uscc: string;
  districtName: string | null;
  level: 'city' | 'province' | 'nation';
  documentNo: string | null;
}

/** Certified (or since lapsed) enterprises' cases with the years they have reported, in the caller's scope. */
export async function reportingCases(db: Db, access: Access, districtId?: string): Promise<Row[]> {
  const list = await rows<Omit<Row, 'reportedYears'> & { reportedYears: number[] | null }>(
    db,
    sql`select c.id as "caseId", c.enterprise_id as "enterpriseId", c.stage, c.certified_on::text as "certifiedOn",
      c.valid_until::text as "validUntil", o.name as "enterpriseName", o.code as uscc, dist.name as "districtName", c.level,
      c.document_no as "documentNo",
      (select array_agg(r.year) from certification_annual_reports r where r.case_id = c.id) as "reportedYears"
    from certification_cases c join organisations o on o.id = c.enterprise_id left join organisations dist on dist.id = o.district_id
    where c.stage in ('certified', 'expired') and o.status = 'active' and ${scopeOfEnterprise(access)}
      and ${districtId ? sql`o.district_id = ${districtId}` : sql`true`}
    order by o.code`,
  );
  return list.map((r) => ({ ...r, reportedYears: r.reportedYears ?? [] }));
}

/**
 * 未报送年度报告名单: certified enterprises that owe the report on `year` (by default the one due this calendar
 * year), whether it is past due, and what follows from the policy file.
 */
export async function missingReports(db: Db, access: Access, q: MissingReportsQuery, today: string) {
  const year = q.year ?? reportYearOn(today);
  const dueOn = annualReportDueOn(year, RULES);
  const items = (await reportingCases(db, access, q.districtId))
    .filter((c) => owesReport(c, year, RULES))
    .map((c) => ({
      caseId: c.caseId,
      enterpriseId: c.enterpriseId,
      enterpriseName: c.enterpriseName,
      uscc: c.uscc,
      districtName: c.districtName,
      level: c.level,
      documentNo: c.documentNo,
      certifiedOn: c.certifiedOn!,
      validUntil: c.validUntil!,
    }));
  return { year, dueOn, overdue: today > dueOn, consequence: RULES.annualReportOverdue, items };
}
