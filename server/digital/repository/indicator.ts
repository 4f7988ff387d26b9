import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../platform/db/engine.ts';
import { vocationalSchool } from './smart-campus.ts';

/**
 * The three digital targets as the cockpit counts them (二 (四) 11): recognised 精品在线课程 of active schools
 * (online_courses); 职业学校 whose self-assessment against the standard in force the bureau accepted as meeting it,
 * over all active 职业学校 (smart_campus_share); schools the bureau approved as 智慧职教示范校 (smart_demo_schools).
 * Counted in the school's district; the drill-downs list the same rows.
 */
export type DigitalMeasure = 'onlineCourses' | 'smartCampus' | 'demoSchools';

export interface DigitalTally {
  districtId: string | null;
  onlineCourses: number;
  vocationalSchools: number;
  smartCampusMeeting: number;
  demoSchools: number;
}

const IN_FORCE = sql`(select id from smart_campus_standards order by published_at desc, id desc limit 1)`;

const coursesWhere = (where: SQL) => sql`c.status = 'recognised' and o.status = 'active' and ${where}`;
const demoWhere = (where: SQL) => sql`d.status = 'approved' and o.status = 'active' and ${where}`;
/** Every active 职业学校 in `where` with its self-assessment of the edition in force (if any). */
const campusSql = (where: SQL) => sql`select o.id, o.name, o.district_id as "districtId", dist.name as district, a.met_items as "metItems",
    jsonb_array_length(st.items) as "totalItems", a.status, coalesce(a.status = 'accepted' and a.meets, false) as meets
  from schools s join organisations o on o.id = s.organisation_id left join organisations dist on dist.id = o.district_id
  left join smart_campus_assessments a on a.school_id = o.id and a.standard_id = ${IN_FORCE}
  left join smart_campus_standards st on st.id = a.standard_id
  where ${vocationalSchool} and ${where}`;

export async function digitalTallies(db: Db): Promise<DigitalTally[]> {
  const [courses, campus, demo] = await Promise.all([
    rows<{ districtId: string | null; n: number }>(
      db,
      sql`select o.district_id as "districtId", count(*)::int as n from online_courses c join organisations o on o.id = c.school_id
        where ${coursesWhere(sql`true`)} group by 1`,
    ),
    rows<{ districtId: string | null; schools: number; meeting: number }>(
      db,
      sql`select x."districtId", count(*)::int as schools, (count(*) filter (where x.meets))::int as meeting from (${campusSql(sql`true`)}) x group by 1`,
    ),
    rows<{ districtId: string | null; n: number }>(
      db,
      sql`select o.district_id as "districtId", count(*)::int as n from smart_demo_applications d join organisations o on o.id = d.school_id
        where ${demoWhere(sql`true`)} group by 1`,
    ),
  ]);
  const districts = new Set([...courses, ...campus, ...demo].map((r) => r.districtId));
  return [...districts].map((districtId) => {
    const c = campus.find((r) => r.districtId === districtId);
    return {
      districtId,
      onlineCourses: courses.find((r) => r.districtId === districtId)?.n ?? 0,
      vocationalSchools: c?.schools ?? 0,
      smartCampusMeeting: c?.meeting ?? 0,
      demoSchools: demo.find((r) => r.districtId === districtId)?.n ?? 0,
    };
  });
}

/** The cockpit's drill-down of a digital target over organisations `o` in `where` (the cockpit's district scope). */
export function digitalDrill(measure: DigitalMeasure, where: SQL) {
  if (measure === 'onlineCourses')
    return {
      columns: [
        ['title', '课程名称'],
        ['school', '开设学校'],
        ['district', '所在区域'],
        ['level', '级别'],
        ['partner', '合作企业'],
        ['enrolments', '选课人数'],
        ['reviewedAt', '认定时间'],
      ] as Array<[string, string]>,
      list: sql`select c.id, c.title, o.name as school, dist.name as district,
          case c.level when 'city' then '市级' when 'province' then '省级' else '国家级' end as level, pe.name as partner, c.enrolments,
          to_char(c.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "reviewedAt"
        from online_courses c join organisations o on o.id = c.school_id left join organisations dist on dist.id = o.district_id
        left join organisations pe on pe.id = c.partner_enterprise_id where ${coursesWhere(where)} order by c.reviewed_at desc, c.title, c.id`,
      count: sql`select count(*)::int as n from online_courses c join organisations o on o.id = c.school_id where ${coursesWhere(where)}`,
    };
  if (measure === 'demoSchools')
    return {
      columns: [
        ['name', '学校'],
        ['district', '所在区域'],
        ['decidedAt', '认定时间'],
      ] as Array<[string, string]>,
      list: sql`select d.id, o.name, dist.name as district, to_char(d.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "decidedAt"
        from smart_demo_applications d join organisations o on o.id = d.school_id left join organisations dist on dist.id = o.district_id
        where ${demoWhere(where)} order by d.decided_at desc, o.name, d.id`,
      count: sql`select count(*)::int as n from smart_demo_applications d join organisations o on o.id = d.school_id where ${demoWhere(where)}`,
    };
  const schools = campusSql(where);
  return {
    columns: [
      ['name', '学校'],
      ['district', '所在区域'],
      ['assessment', '自评状态'],
      ['metItems', '达到条目'],
      ['meets', '达到智慧校园标准'],
    ] as Array<[string, string]>,
    list: sql`select x.id, x.name, x.district,
        case x.status when 'accepted' then '审核通过' when 'submitted' then '待审核' when 'returned' then '退回修改' else '未自评' end as assessment,
        case when x."metItems" is null then null else x."metItems" || '/' || x."totalItems" end as "metItems", x.meets
      from (${schools}) x order by x.meets desc, x."metItems" desc nulls last, x.name, x.id`,
    count: sql`select count(*)::int as n from (${schools}) x`,
  };
}
