import { sql } from 'drizzle-orm';
import { summarise, type InternationalSummary, type SummaryRecord } from '../../../core/international/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';

/**
 * One school's (or enterprise's) verified international work of a year, for its annual quality report's 国际影响表:
 * people exchanged in and out (students, teachers), recognitions, competitions hosted and entered with their
 * awards, and the 鲁班工坊 set up in or before the year with their countries. Records awaiting verification or
 * returned are not counted: the report states what the bureau has checked.
 */
export async function internationalSummary(db: Db | Tx, organisationId: string, year: number): Promise<InternationalSummary> {
  const records = await rows<SummaryRecord>(
    db,
    sql`select kind, year, country, direction, participant, people, role, awards from international_records
      where organisation_id = ${organisationId} and status = 'verified' and (year = ${year} or (kind = 'lubanWorkshop' and year <= ${year}))`,
  );
  return summarise(records, year);
}
