import { sql, type SQL } from 'drizzle-orm';
import { countFact, destinationFacts, per100Fact, shareFact, type SchoolFactValues } from '../../../core/quality/facts.ts';
import { graduatesPolicy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { practiceCheckOn, practiceDays } from '../../cockpit/index.ts';
import { destinationTallies } from '../../graduates/index.ts';

/**
 * What the platform already holds about each school in one year, as the quality evaluation's computed indicators
 * read it (and the schools' annual quality reports): one grouped pass per table over the schools asked for, so
 * a city of schools is counted in a handful of queries. The register's current state (teachers, programs,
 * training courses, carriers) stands for the year being evaluated while it runs; dated facts (internships,
 * outcomes, destinations, funding) are taken for the year itself.
 *
 * `dataDate` is the day the facts are as of: the end of the year, or `today` while the year runs.
 */
export interface SchoolFacts {
  schoolId: string;
  schoolName: string;
  districtId: string | null;
  level: string;
  year: number;
  dataDate: string;
  /** Enrolled students today (the base of the per-100 figures). */
  students: number;
  facts: SchoolFactValues;
}

export interface SchoolFactsQuery {
  year: number;
  /** Today in Zhengzhou (core/calendar.ts `todayOf`): the data date of a year not yet over. */
  today: string;
  /** Only these schools (default: every active school). */
  schoolIds?: readonly string[];
}

const uuidList = (ids: readonly string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

type Counted = { schoolId: string } & Record<string, number>;

const byId = (xs: readonly Counted[]) => new Map(xs.map((x) => [x.schoolId, x]));

export async function schoolFacts(db: Db, q: SchoolFactsQuery): Promise<SchoolFacts[]> {
  const yearStart = `${q.year}-01-01`;
  const yearEnd = `${q.year}-12-31`;
  const dataDate = q.today < yearEnd ? q.today : yearEnd;
  const only = q.schoolIds ? (q.schoolIds.length ? sql`o.id in ${uuidList(q.schoolIds)}` : sql`false`) : sql`true`;
  const schools = await rows<{ schoolId: string; schoolName: string; districtId: string | null; level: string }>(
    db,
    sql`select o.id as "schoolId", o.name as "schoolName", o.district_id as "districtId", s.level
      from organisations o join schools s on s.organisation_id = o.id
      where o.kind = 'school' and o.status = 'active' and ${only} order by o.name_sort, o.id`,
  );
  if (!schools.length) return [];
  const ids = uuidList(schools.map((s) => s.schoolId));
  const sch = sql`(select unnest(array[${sql.join(
    schools.map((s) => sql`${s.schoolId}::uuid`),
    sql`, `,
  )}]) as id)`;
  const practice = practiceCheckOn(dataDate);
  // The graduating cohort of the year: entered `studyYears` (by the school's level) before it.
  const studyYears = sql`(case sc.level ${sql.join(
    Object.entries(graduatesPolicy.studyYears).map(([level, n]) => sql`when ${level} then ${n}::int`),
    sql` `,
  )} end)`;
  const count = (query: SQL) => rows<Counted>(db, query).then(byId);

  const [teachers, programs, students, internships, outcomes, training, partners, carriers, funding, tallies] = await Promise.all([
    count(sql`select t.school_id as "schoolId", count(*)::int as specialty, (count(*) filter (where t.dual_qualified))::int as dual,
        (count(*) filter (where ${practiceDays(practice, sql`t.id`)} >= ${practice.requiredDays}))::int as practised
      from teachers t where t.status = 'active' and t.subject = 'specialty' and t.employment = 'fullTime' and t.school_id in ${ids} group by 1`),
    count(sql`select p.school_id as "schoolId", count(*)::int as programs,
        (count(*) filter (where exists (select 1 from major_group_programs mgp join major_groups mg on mg.id = mgp.group_id
          where mgp.program_id = p.id and mg.status = 'active')))::int as aligned
      from programs p where p.status = 'active' and p.school_id in ${ids} group by 1`),
    count(sql`select st.school_id as "schoolId", (count(*) filter (where st.status = 'enrolled'))::int as enrolled,
        (count(*) filter (where st.cohort + ${studyYears} = ${q.year} and st.status <> 'withdrawn'))::int as graduating
      from students st join schools sc on sc.organisation_id = st.school_id
      where st.archived_at is null and st.school_id in ${ids} group by 1`),
    count(sql`select i.school_id as "schoolId", count(distinct i.student_id)::int as placed
      from internships i join students st on st.id = i.student_id join schools sc on sc.organisation_id = i.school_id
      where i.kind = 'placement' and i.status not in ('withdrawn') and i.planned_start <= ${yearEnd}::date and i.planned_end >= ${yearStart}::date
        and st.cohort + ${studyYears} = ${q.year} and i.school_id in ${ids} group by 1`),
    count(sql`select a.organisation_id as "schoolId", count(*)::int as outcomes,
        (count(*) filter (where lo.kind = 'skillCertificate'))::int as certificates
      from learning_outcomes lo join credit_accounts a on a.id = lo.account_id
      where a.kind = 'student' and lo.status = 'active' and lo.achieved_on between ${yearStart}::date and ${yearEnd}::date
        and a.organisation_id in ${ids} group by 1`),
    count(sql`select x.school_id as "schoolId", sum(x.courses)::int as courses, sum(x.delivered)::int as delivered from (
        select tc.school_id, count(*) as courses, 0 as delivered from training_courses tc where tc.status = 'active' and tc.school_id in ${ids} group by 1
        union all
        select lo.issuer_id, 0, count(*) from learning_outcomes lo where lo.kind = 'trainingCourse' and lo.status = 'active'
          and lo.achieved_on between ${yearStart}::date and ${yearEnd}::date and lo.issuer_id in ${ids} group by 1) x group by 1`),
    // Enterprises the school worked with in the year: its students' internships, and the carriers it shares with them.
    count(sql`select x.school_id as "schoolId", count(distinct x.enterprise_id)::int as partners from (
        select i.school_id, i.enterprise_id from internships i
          where i.status <> 'withdrawn' and i.planned_start <= ${yearEnd}::date and i.planned_end >= ${yearStart}::date and i.school_id in ${ids}
        union all
        select sm.id, em.organisation_id from ${sch} sm
          join (select c.id as carrier_id, c.lead_organisation_id as organisation_id from carriers c where c.archived_at is null and c.status <> 'closed'
                union all select cp.carrier_id, cp.organisation_id from carrier_partners cp join carriers c on c.id = cp.carrier_id
                  where c.archived_at is null and c.status <> 'closed') mine on mine.organisation_id = sm.id
          join (select c.id as carrier_id, c.lead_organisation_id as organisation_id from carriers c union all
                select cp.carrier_id, cp.organisation_id from carrier_partners cp) em on em.carrier_id = mine.carrier_id
          join organisations eo on eo.id = em.organisation_id and eo.kind = 'enterprise') x group by 1`),
    count(sql`select sm.id as "schoolId", count(distinct c.id)::int as carriers from ${sch} sm
      join carriers c on c.archived_at is null and c.status <> 'closed'
        and (c.lead_organisation_id = sm.id or exists (select 1 from carrier_partners cp where cp.carrier_id = c.id and cp.organisation_id = sm.id))
      group by 1`),
    count(sql`select fd.school_id as "schoolId", fd.per_student_yuan as "perStudent" from funding_declarations fd
      where fd.year = ${q.year} and fd.school_id in ${ids}`),
    destinationTallies(db, sql`graduate_destinations.school_id in ${ids} and graduate_destinations.graduation_year = ${q.year}`, 'school'),
  ]);

  const destinations = new Map<string, typeof tallies>();
  for (const t of tallies) destinations.set(t.key!, [...(destinations.get(t.key!) ?? []), t]);
  return schools.map((s) => {
    const t = teachers.get(s.schoolId);
    const p = programs.get(s.schoolId);
    const st = students.get(s.schoolId);
    const o = outcomes.get(s.schoolId);
    const tr = training.get(s.schoolId);
    const enrolled = st?.enrolled ?? 0;
    const fundingRow = funding.get(s.schoolId);
    return {
      ...s,
      year: q.year,
      dataDate,
      students: enrolled,
      facts: {
        enterprise_partners: countFact(partners.get(s.schoolId)?.partners ?? 0),
        teacher_practice_share: shareFact(t?.practised ?? 0, t?.specialty ?? 0),
        dual_qualified_share: shareFact(t?.dual ?? 0, t?.specialty ?? 0),
        carriers: countFact(carriers.get(s.schoolId)?.carriers ?? 0),
        cluster_aligned_programs: shareFact(p?.aligned ?? 0, p?.programs ?? 0),
        certificates_per_100: per100Fact(o?.certificates ?? 0, enrolled),
        outcomes_per_100: per100Fact(o?.outcomes ?? 0, enrolled),
        internship_placement: shareFact(internships.get(s.schoolId)?.placed ?? 0, st?.graduating ?? 0),
        ...destinationFacts(graduatesPolicy, destinations.get(s.schoolId) ?? []),
        training_courses: countFact(tr?.courses ?? 0),
        training_delivered: countFact(tr?.delivered ?? 0),
        funding_per_student: { value: fundingRow ? fundingRow.perStudent! : null },
      },
    };
  });
}
