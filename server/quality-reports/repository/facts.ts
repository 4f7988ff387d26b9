import { sql } from 'drizzle-orm';
import { factsDateOf, type ReportFacts } from '../../../core/quality-reports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { schoolFacts } from '../../quality/index.ts';
import { surveyFeedbackForSchool, type SchoolFeedback } from '../../surveys/index.ts';
import { internationalSummary, type InternationalSummary } from '../../international/index.ts';

/**
 * The facts a report's tables are generated from. A school's come from the quality capability's `schoolFacts`
 * (the same figures its evaluation scores), its 学生反馈表 from the surveys capability's `surveyFeedbackForSchool`
 * (a kind below the minimum sample has no score: 暂无数据), its 国际影响表 from the international capability's verified
 * records (`internationalSummary`). An enterprise's are counted here from its internships, posts, carriers, the
 * destinations naming it as employer and its yearly declaration (产教融合型企业申报).
 */
export interface FactsOf {
  facts: ReportFacts;
  dataDate: string;
}

/** Every school's facts of a year at once (the city-scale path: one grouped pass per table). */
export async function schoolReportFacts(
  db: Db | Tx,
  schoolIds: readonly string[],
  year: number,
  today: string,
): Promise<Map<string, FactsOf>> {
  if (!schoolIds.length) return new Map();
  const [computed, feedback, international] = await Promise.all([
    schoolFacts(db as Db, { year, today, schoolIds }),
    Promise.all(schoolIds.map((id) => surveyFeedbackForSchool(db as Db, id, year))),
    Promise.all(schoolIds.map(async (id) => [id, await internationalSummary(db, id, year)] as const)),
  ]);
  const intl = new Map(international);
  const surveys = new Map(feedback.map((f) => [f.schoolId, surveyFacts(f)]));
  return new Map(
    computed.map((s) => {
      const facts: ReportFacts = Object.fromEntries(Object.entries(s.facts).map(([k, f]) => [k, f.value]));
      // No student on the register is no data for the headcount, not a school of none.
      facts.students = s.students > 0 ? s.students : null;
      Object.assign(facts, internationalFacts(intl.get(s.schoolId)!));
      Object.assign(facts, surveys.get(s.schoolId));
      return [s.schoolId, { facts, dataDate: s.dataDate }];
    }),
  );
}

/** 国际影响表's rows from the school's verified international records (international capability). */
function internationalFacts(summary: InternationalSummary): ReportFacts {
  const { inbound, outbound } = summary.exchanges;
  return {
    exchange_outbound_people: outbound.students + outbound.teachers,
    exchange_inbound_people: inbound.students + inbound.teachers,
    international_recognitions: summary.recognitions,
    international_competitions: summary.competitions.hosted + summary.competitions.entered,
    luban_workshops: summary.lubanWorkshops.count,
  };
}

/** The partner schools of an enterprise in a year: its interns' schools and the schools it shares a carrier with. */
export async function partnerSchools(db: Db | Tx, enterpriseId: string, year: number): Promise<{ id: string; name: string }[]> {
  return rows(
    db,
    sql`select o.id, o.name from organisations o where o.kind = 'school' and o.status = 'active' and o.id in (
        select i.school_id from internships i where i.enterprise_id = ${enterpriseId} and i.status <> 'withdrawn'
          and i.planned_start <= ${`${year}-12-31`}::date and i.planned_end >= ${`${year}-01-01`}::date
        union
        select p.organisation_id from carriers c join (
            select carrier_id, organisation_id from carrier_partners union all select id, lead_organisation_id from carriers) p on p.carrier_id = c.id
          where c.archived_at is null and c.status <> 'closed' and (c.lead_organisation_id = ${enterpriseId}
            or exists (select 1 from carrier_partners e where e.carrier_id = c.id and e.organisation_id = ${enterpriseId})))
      order by o.name_sort, o.id`,
  );
}

export async function enterpriseReportFacts(db: Db | Tx, enterpriseId: string, year: number, today: string): Promise<FactsOf> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [[counts], [declaration], partners] = await Promise.all([
    rows<{ carriers: number; employed: number; posts: number; places: number; interns: number }>(
      db,
      sql`select
        (select count(*)::int from carriers c where c.archived_at is null and c.status <> 'closed' and (c.lead_organisation_id = ${enterpriseId}
          or exists (select 1 from carrier_partners cp where cp.carrier_id = c.id and cp.organisation_id = ${enterpriseId}))) as carriers,
        (select count(*)::int from graduate_destinations g where g.employer_organisation_id = ${enterpriseId} and g.graduation_year = ${year}) as employed,
        (select count(*)::int from internship_posts p where p.enterprise_id = ${enterpriseId} and p.status <> 'draft'
          and p.start_date <= ${end}::date and p.end_date >= ${start}::date) as posts,
        (select coalesce(sum(p.places), 0)::int from internship_posts p where p.enterprise_id = ${enterpriseId} and p.status <> 'draft'
          and p.start_date <= ${end}::date and p.end_date >= ${start}::date) as places,
        (select count(distinct i.student_id)::int from internships i where i.enterprise_id = ${enterpriseId} and i.kind = 'placement'
          and i.status <> 'withdrawn' and i.planned_start <= ${end}::date and i.planned_end >= ${start}::date) as interns`,
    ),
    rows<{ drawn: number; spent: number; trained: number }>(
      db,
      sql`select fund_drawn_yuan::float8 as drawn, fund_spent_yuan::float8 as spent, people_trained as trained
        from enterprise_declarations where enterprise_id = ${enterpriseId} and year = ${year}`,
    ),
    partnerSchools(db, enterpriseId, year),
  ]);
  return {
    dataDate: factsDateOf(year, today),
    facts: {
      partner_schools: partners.length,
      carriers: counts!.carriers,
      graduates_employed: counts!.employed,
      posts_offered: counts!.posts,
      places_offered: counts!.places,
      interns_hosted: counts!.interns,
      // Without the year's declaration the enterprise has told the platform nothing of its training: no data.
      fund_drawn_yuan: declaration?.drawn ?? null,
      fund_spent_yuan: declaration?.spent ?? null,
      people_trained: declaration?.trained ?? null,
    },
  };
}

/** The 学生反馈表's facts: each kind's score (none below the minimum sample) and the response rate of the satisfaction rounds. */
function surveyFacts(f: SchoolFeedback): ReportFacts {
  const kind = (k: string) => f.kinds.find((x) => x.kind === k);
  return {
    student_satisfaction: kind('student_satisfaction')?.score ?? null,
    student_satisfaction_response_rate: kind('student_satisfaction')?.responseRate ?? null,
    graduate_satisfaction: kind('graduate_satisfaction')?.score ?? null,
    graduate_satisfaction_response_rate: kind('graduate_satisfaction')?.responseRate ?? null,
    internship_quality: kind('internship_quality')?.score ?? null,
    employer_satisfaction: kind('employer_satisfaction')?.score ?? null,
  };
}
