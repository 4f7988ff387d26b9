import { sql, type SQL } from 'drizzle-orm';
import type { PracticalCourseTally } from '../../../core/indicators/index.ts';
import { practicalCoursesPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { countedCourse } from './courses.ts';

/** practical_courses as the cockpit counts it (二 (三) 7): open courses developed with an enterprise, by the school's district. */
export function practicalCourseTallies(db: Db): Promise<PracticalCourseTally[]> {
  return rows<PracticalCourseTally>(
    db,
    sql`select c.district_id as "districtId", count(*)::int as n from practical_courses c where ${countedCourse} group by 1`,
  );
}

const kindLabel = sql`(case c.kind ${sql.join(
  policy.kinds.map((k) => sql`when ${k.code} then ${k.name}`),
  sql` `,
)} else c.kind end)`;

/** The cockpit's drill-down: each counted course over `where` (on courses `c`), with its school and partners. */
export function practicalCourseDrill(where: SQL) {
  const all = sql`${countedCourse} and ${where}`;
  return {
    columns: [
      ['name', '课程名称'],
      ['kind', '类型'],
      ['school', '开设学校'],
      ['district', '所在区域'],
      ['partners', '合作企业'],
      ['hours', '课时'],
    ] as Array<[string, string]>,
    list: sql`select c.id, c.title as name, ${kindLabel} as kind, o.name as school, d.name as district, c.hours,
      (select string_agg(e.name, '、' order by e.name) from practical_course_partners cp join organisations e on e.id = cp.enterprise_id
        where cp.course_id = c.id) as partners
      from practical_courses c join organisations o on o.id = c.school_id left join organisations d on d.id = c.district_id
      where ${all} order by o.name, c.title, c.id`,
    count: sql`select count(*)::int as n from practical_courses c where ${all}`,
  };
}
