import { sql, type SQL } from 'drizzle-orm';
import type { SurveyAudience } from '../../../core/surveys/index.ts';

/**
 * Who a round asks, as one query of (user_id, subject, respondent, school_id, enterprise_id) — set-based, so a
 * city-wide round invites every student of the city in one statement:
 * - students: enrolled students with an account; graduates: graduated students with an account;
 * - enterprises: the administrators of each enterprise that partnered with a school in the year — it hosted the
 *   school's interns (an internship under way or completed in the year) or employs the school's graduates of the
 *   year or the year before (a destination naming it, not denied) — once per school: the employer rates each school it knows.
 * `schools` restricts to one school (a school's own round) or none (the bureau's city-wide round).
 */
export function audienceQuery(audience: Exclude<SurveyAudience, 'internship'>, year: number, schoolId: string | null): SQL {
  const school = (col: string) => (schoolId ? sql`and ${sql.raw(col)} = ${schoolId}::uuid` : sql``);
  if (audience !== 'enterprises')
    return sql`select s.user_id, '' as subject, 'user:' || s.user_id::text as respondent, s.school_id, null::uuid as enterprise_id
      from students s join organisations o on o.id = s.school_id
      where s.status = ${audience === 'students' ? 'enrolled' : 'graduated'} and s.archived_at is null and s.user_id is not null
        and o.status = 'active' ${school('s.school_id')}`;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return sql`select m.user_id, p.school_id::text as subject, 'enterprise:' || p.enterprise_id::text || ':' || p.school_id::text as respondent,
      p.school_id, p.enterprise_id
    from (
      select i.school_id, i.enterprise_id from internships i
        where i.status in ('active', 'completed') and i.planned_start <= ${last}::date
          and coalesce(i.ended_on, i.planned_end) >= ${first}::date ${school('i.school_id')}
      union
      select g.school_id, g.employer_organisation_id from graduate_destinations g
        where g.graduation_year between ${year - 1} and ${year} and g.employer_organisation_id is not null and g.confirmation <> 'denied' ${school('g.school_id')}
    ) p
    join organisations e on e.id = p.enterprise_id and e.status = 'active'
    join organisations sch on sch.id = p.school_id and sch.status = 'active'
    join memberships m on m.organisation_id = p.enterprise_id and m.role = 'enterprise_admin'`;
}
