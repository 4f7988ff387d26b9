import { sql, type SQL } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS, CARRIER_STATUS_LABELS } from '../../../core/registry/carrier-kinds.ts';
import { CITY, indicatorDefinition, type IndicatorSource } from '../../../core/indicators/index.ts';
import { notFound } from '../../../core/errors.ts';
import type { Access } from '../../../core/authz/index.ts';
import type { DrillResult } from '../../../contracts/cockpit.ts';
import { currentPlan } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { offeredPlaces } from '../../internships/index.ts';
import { trainingFundDrill } from '../../certification/index.ts';
import { destinationTallies, figureGraduates } from '../../graduates/index.ts';
import { fundingDrill } from '../../funding/index.ts';
import { digitalDrill } from '../../digital/index.ts';
import { internationalDrill } from '../../international/index.ts';
import { practicalCourseDrill } from '../../practical-courses/index.ts';
import { latestMeasuredYear } from '../../../core/graduates/index.ts';
import { graduatesPolicy } from '../../../policy/index.ts';
import { practiceCheckOn, practiceDays } from './practice-sql.ts';
import { partTimeTarget } from './part-time-sql.ts';
import { countedCarrier } from './carrier-sql.ts';

/**
 * The records behind a cockpit number, with the same filters as the formula that counted them
 * (core/indicators/definitions.ts), within the viewer's scope. People appear by name and masked values only.
 * Besides the targets' codes, `enterprises` and `carriers` list a cluster's enterprises and working carriers.
 */
type Item = Record<string, string | number | boolean | null>;
interface Page {
  page: number;
  pageSize: number;
}
interface Drill {
  title: string;
  basis: string;
  columns: Array<[string, string]>;
  list: SQL;
  count: SQL;
}

const label = (map: Record<string, string>, col: SQL) =>
  sql`(case ${col} ${sql.join(
    Object.entries(map).map(([k, v]) => sql`when ${k} then ${v}`),
    sql` `,
  )} else ${col} end)`;
const INTEGRATION: Record<string, string> = { certified_city: '市级', certified_province: '省级', certified_nation: '国家级' };
interface PracticeRun {
  id: string;
  startedAt: Date;
}

/** The latest finished run that stored teachers' practice days. */
async function latestPracticeRun(db: Db): Promise<PracticeRun | null> {
  const [run] = await rows<{ id: string; startedAt: string }>(
    db,
    sql`
    select r.id, r.started_at as "startedAt" from indicator_runs r where r.status = 'done'
      and exists (select 1 from teacher_practice_days pd where pd.run_id = r.id) order by r.finished_at desc limit 1`,
  );
  return run ? { id: run.id, startedAt: new Date(run.startedAt) } : null;
}

const inList = (xs: readonly string[]) =>
  sql`(${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )})`;

function districtOf(alias: string, scope: string): SQL {
  return scope === CITY ? sql`true` : sql`${sql.raw(alias)}.district_id = ${scope}`;
}

function enterprisesDrill(scope: string, cluster: string | undefined, certifiedOnly: boolean): Omit<Drill, 'title' | 'basis'> {
  const where = sql`o.status = 'active' and ${districtOf('o', scope)}
    and ${certifiedOnly ? sql`e.integration_status in ('certified_city', 'certified_province', 'certified_nation')` : sql`true`}
    and ${cluster ? sql`e.cluster_code = ${cluster}` : sql`true`}`;
  return {
    columns: [
      ['name', '企业名称'],
      ['uscc', '统一社会信用代码'],
      ['district', '所在区域'],
      ['cluster', '产业集群'],
      ['certification', '产教融合型企业'],
    ],
    list: sql`select o.id, o.name, o.code as uscc, d.name as district, c.name as cluster, ${label(INTEGRATION, sql`e.integration_status`)} as certification
      from enterprises e join organisations o on o.id = e.organisation_id left join organisations d on d.id = o.district_id
      left join industry_clusters c on c.code = e.cluster_code where ${where} order by o.name, o.id`,
    count: sql`select count(*)::int as n from enterprises e join organisations o on o.id = e.organisation_id where ${where}`,
  };
}

function carriersDrill(
  scope: string,
  cluster: string | undefined,
  s: Extract<IndicatorSource, { source: 'carriers' }> | null,
): Omit<Drill, 'title' | 'basis'> {
  const where = sql`k.archived_at is null and ${districtOf('k', scope)} and ${countedCarrier(sql`k`)}
    and k.status in ${inList(s?.statuses ?? ['operating', 'certified'])}
    and ${s ? sql`k.kind in ${inList(s.kinds)}` : sql`true`}
    and ${s?.levels ? sql`k.level in ${inList(s.levels)}` : sql`true`}
    and ${s?.legalPerson !== undefined ? sql`k.legal_person = ${s.legalPerson}` : sql`true`}
    and ${cluster ? sql`k.cluster_code = ${cluster}` : sql`true`}`;
  return {
    columns: [
      ['name', '名称'],
      ['kind', '类型'],
      ['level', '级别'],
      ['status', '状态'],
      ['lead', '牵头单位'],
      ['district', '所在区域'],
      ['certifiedAt', '认定日期'],
    ],
    list: sql`select k.id, k.name, ${label(CARRIER_KIND_LABELS, sql`k.kind`)} as kind, ${label(CARRIER_LEVEL_LABELS, sql`k.level`)} as level,
      ${label(CARRIER_STATUS_LABELS, sql`k.status`)} as status, l.name as lead, d.name as district, k.certified_at::text as "certifiedAt"
      from carriers k join organisations l on l.id = k.lead_organisation_id left join organisations d on d.id = k.district_id
      where ${where} order by k.name, k.id`,
    count: sql`select count(*)::int as n from carriers k where ${where}`,
  };
}

function drillOf(code: string, scope: string, cluster: string | undefined, today: string, practiceRun: PracticeRun | null): Drill | null {
  const year = Number(today.slice(0, 4));
  if (code === 'enterprises') return { title: '在册企业', basis: '产业集群中的在册企业', ...enterprisesDrill(scope, cluster, false) };
  if (code === 'carriers') return { title: '载体', basis: '运行中或已认定的载体', ...carriersDrill(scope, cluster, null) };
  const target = currentPlan.targets.find((t) => t.code === code);
  const def = indicatorDefinition(code);
  if (!target || !def) throw notFound('指标');
  const base = { title: target.name, basis: def.basis };
  if (def.method === 'reported') {
    const where = sql`r.code = ${code} and r.status = 'accepted' and ${scope === CITY ? sql`true` : sql`r.district_id = ${scope}`}`;
    return {
      ...base,
      columns: [
        ['organisation', '填报单位'],
        ['value', `数值（${target.unit}）`],
        ['measuredOn', '统计日期'],
        ['evidence', '佐证材料'],
        ['reviewedAt', '审核时间'],
      ],
      list: sql`select r.id, o.name as organisation, r.value, r.measured_on::text as "measuredOn",
        (select string_agg(f.file_name, '、' order by f.created_at) from evidence_files f where f.owner_kind = 'indicatorReport' and f.owner_id = r.id) as evidence,
        to_char(r.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "reviewedAt"
        from indicator_reports r join organisations o on o.id = r.organisation_id where ${where} order by r.measured_on desc, r.reviewed_at desc`,
      count: sql`select count(*)::int as n from indicator_reports r where ${where}`,
    };
  }
  const s = def.source;
  switch (s.source) {
    case 'graduateRetention':
    case 'secondaryProgression':
      return null; // listed by the graduates capability (graduateDrill), with masked names
    case 'certifiedEnterprises':
      return { ...base, ...enterprisesDrill(scope, cluster, true) };
    case 'carriers':
      return { ...base, ...carriersDrill(scope, cluster, s) };
    case 'fundedProjects': {
      // A funded project of a published call counts in its applicant's district (call_applications.district_id).
      const where = sql`c.status = 'published' and a.decision = 'funded' and c.kind in ${inList(s.callKinds)} and ${districtOf('a', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '项目名称'],
          ['applicant', '申报单位'],
          ['district', '所在区域'],
          ['call', '申报批次'],
          ['awardYuan', '立项金额（元）'],
          ['publishedOn', '公示日期'],
        ],
        list: sql`select a.id, a.title as name, o.name as applicant, d.name as district, c.title as call, a.award_yuan::float8 as "awardYuan",
          c.published_on::text as "publishedOn"
          from call_applications a join calls c on c.id = a.call_id join organisations o on o.id = a.applicant_organisation_id
          left join organisations d on d.id = a.district_id where ${where} order by c.published_on desc, a.rank, a.id`,
        count: sql`select count(*)::int as n from call_applications a join calls c on c.id = a.call_id where ${where}`,
      };
    }
    case 'perStudentFunding':
      // Every active public school of the group with its declaration of the measured year, as the recompute counts them.
      return { ...base, ...fundingDrill(s.group, districtOf('o', scope)) };
    case 'digital':
      // The recognised courses, the 职业学校 with their self-assessments, or the approved demo schools.
      return { ...base, ...digitalDrill(s.measure, districtOf('o', scope)) };
    case 'internationalRecords':
      // Verified records only, in the owner's district, as the recompute counts them.
      return { ...base, ...internationalDrill(districtOf('r', scope)) };
    case 'practicalCourses':
      return { ...base, ...practicalCourseDrill(districtOf('c', scope)) };
    case 'enterpriseRunSchools': {
      const where = sql`o.status = 'active' and s.enterprise_run and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '学校'],
          ['code', '学校标识码'],
          ['district', '所在区域'],
          ['ownership', '办学性质'],
        ],
        list: sql`select o.id, o.name, o.code, d.name as district, case s.ownership when 'public' then '公办' else '民办' end as ownership
          from schools s join organisations o on o.id = s.organisation_id left join organisations d on d.id = o.district_id where ${where} order by o.name, o.id`,
        count: sql`select count(*)::int as n from schools s join organisations o on o.id = s.organisation_id where ${where}`,
      };
    }
    case 'dualQualifiedShare': {
      const where = sql`t.status = 'active' and t.subject = 'specialty' and o.status = 'active' and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '姓名'],
          ['idNumber', '身份证号（脱敏）'],
          ['school', '学校'],
          ['employment', '聘用方式'],
          ['dualQualified', '双师型'],
        ],
        list: sql`select t.id, t.name, n.id_number_masked as "idNumber", o.name as school,
          case t.employment when 'fullTime' then '专任' when 'partTime' then '兼职' else '产业导师' end as employment, t.dual_qualified as "dualQualified"
          from teachers t join organisations o on o.id = t.school_id left join teacher_id_numbers n on n.teacher_id = t.id
          where ${where} order by t.dual_qualified desc, o.name, t.name, t.id`,
        count: sql`select count(*)::int as n from teachers t join organisations o on o.id = t.school_id where ${where}`,
      };
    }
    case 'teacherPracticeShare': {
      // The latest run's stored days (and its window), as the cockpit's number counted them; before any run, live.
      const check = practiceCheckOn(practiceRun ? todayOf(practiceRun.startedAt) : today);
      // Stored days are joined (one hash join), not looked up per teacher.
      const daysJoin = practiceRun
        ? sql`left join teacher_practice_days pd on pd.run_id = ${practiceRun.id} and pd.teacher_id = t.id cross join lateral (select coalesce(pd.days, 0) as days) d`
        : sql`cross join lateral (select ${practiceDays(check, sql`t.id`)} as days) d`;
      const where = sql`t.status = 'active' and t.subject = 'specialty' and o.status = 'active' and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '姓名'],
          ['idNumber', '身份证号（脱敏）'],
          ['school', '学校'],
          ['employment', '聘用方式'],
          ['practiceDays', `${check.start}至${check.end}企业实践天数`],
          ['meets', `达标（≥${check.requiredDays}天）`],
        ],
        // Those behind first: the bureau follows up the teachers who do not meet the rule.
        list: sql`select t.id, t.name, n.id_number_masked as "idNumber", o.name as school,
          case t.employment when 'fullTime' then '专任' when 'partTime' then '兼职' else '产业导师' end as employment,
          d.days as "practiceDays", d.days >= ${check.requiredDays} as meets
          from teachers t join organisations o on o.id = t.school_id left join teacher_id_numbers n on n.teacher_id = t.id
          ${daysJoin}
          where ${where} order by d.days >= ${check.requiredDays}, o.name, t.name, t.id`,
        count: sql`select count(*)::int as n from teachers t join organisations o on o.id = t.school_id where ${where}`,
      };
    }
    case 'practiceTeachingShare': {
      const min = currentPlan.rules.practice_teaching_share;
      const threshold = min?.kind === 'share' ? min.value : 0.5;
      const where = sql`p.status = 'active' and p.practice_share is not null and o.status = 'active' and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['school', '学校'],
          ['majorCode', '专业代码'],
          ['major', '专业名称'],
          ['practiceShare', '实践性教学占比(%)'],
          ['meets', '达标'],
        ],
        list: sql`select p.id, o.name as school, m.code as "majorCode", m.name as major, round(p.practice_share * 100, 1)::float8 as "practiceShare",
          p.practice_share >= ${threshold} as meets
          from programs p join organisations o on o.id = p.school_id join majors m on m.id = p.major_id where ${where} order by p.practice_share, o.name, p.id`,
        count: sql`select count(*)::int as n from programs p join organisations o on o.id = p.school_id where ${where}`,
      };
    }
    case 'partTimeTeacherShare': {
      // Schools with a staffing quota, short of 聘足配齐 first, with how many part-time teachers the quota asks for.
      const where = sql`o.status = 'active' and s.staffing_quota > 0 and ${districtOf('o', scope)}`;
      const asked = partTimeTarget(sql`s.staffing_quota`);
      return {
        ...base,
        columns: [
          ['name', '学校'],
          ['staffingQuota', '核定编制数'],
          ['asked', '应聘兼职教师（30%）'],
          ['partTime', '兼职教师与产业导师'],
          ['share', '占比(%)'],
          ['fill', '聘足配齐'],
        ],
        list: sql`select x.*, case when x."partTime" < x.asked then '未配齐（差' || (x.asked - x."partTime") || '人）'
            when x."partTime" > x.asked then '超过比例' else '已配齐' end as fill
          from (select o.id, o.name, s.staffing_quota as "staffingQuota", ${asked}::int as asked, coalesce(pt.n, 0) as "partTime",
            round(coalesce(pt.n, 0) * 100.0 / s.staffing_quota, 1)::float8 as share
          from schools s join organisations o on o.id = s.organisation_id
          left join (select school_id, count(*)::int as n from teachers where status = 'active' and employment in ('partTime', 'industryMentor') group by school_id) pt on pt.school_id = o.id
          where ${where}) x order by (x."partTime" = x.asked), x."partTime" - x.asked, x.name, x.id`,
        count: sql`select count(*)::int as n from schools s join organisations o on o.id = s.organisation_id where ${where}`,
      };
    }
    case 'keyMajorGroups': {
      const where = sql`g.key_major and g.status = 'active' and o.status = 'active' and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '专业群'],
          ['school', '学校'],
          ['cluster', '对接产业集群'],
          ['programs', '所含专业数'],
        ],
        list: sql`select g.id, g.name, o.name as school, c.name as cluster,
          (select count(*)::int from major_group_programs gp where gp.group_id = g.id) as programs
          from major_groups g join organisations o on o.id = g.school_id left join industry_clusters c on c.code = g.cluster_code
          where ${where} order by o.name, g.name, g.id`,
        count: sql`select count(*)::int as n from major_groups g join organisations o on o.id = g.school_id where ${where}`,
      };
    }
    case 'trainingFund':
      // The declarations of the last full year, as the recompute counts them.
      return { ...base, ...trainingFundDrill(s.measure, districtOf('o', scope), year - 1) };
    case 'internshipPlacesShare': {
      const where = sql`e.above_designated_size and o.status = 'active' and ${districtOf('o', scope)}`;
      return {
        ...base,
        columns: [
          ['name', '企业名称'],
          ['district', '所在区域'],
          ['staff', '职工总数'],
          ['places', `${year}年实习岗位名额`],
          ['share', '占比(%)'],
        ],
        list: sql`select o.id, o.name, d.name as district, e.staff_count as staff, coalesce(offered.places, 0) as places,
          round(coalesce(offered.places, 0) * 100.0 / nullif(e.staff_count, 0), 2)::float8 as share
          from enterprises e join organisations o on o.id = e.organisation_id left join organisations d on d.id = o.district_id
          left join ${offeredPlaces(year)} on offered.enterprise_id = o.id
          where ${where} order by share nulls first, o.name, o.id`,
        count: sql`select count(*)::int as n from enterprises e join organisations o on o.id = e.organisation_id where ${where}`,
      };
    }
  }
}

/**
 * `today` (Beijing date, from the server clock): its year's internship places count, and the enterprise-practice
 * window ends on it — as in the recompute.
 */
export async function drillDown(
  db: Db,
  code: string,
  scope: string,
  cluster: string | undefined,
  page: Page,
  today: string,
): Promise<DrillResult> {
  const def = indicatorDefinition(code);
  const practiceRun = def?.method === 'computed' && def.source.source === 'teacherPracticeShare' ? await latestPracticeRun(db) : null;
  const d = drillOf(code, scope, cluster, today, practiceRun);
  if (!d) return graduateDrill(db, code, scope, page);
  const [items, [count]] = await Promise.all([
    rows<Item>(db, sql`${d.list} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    rows<{ n: number }>(db, d.count),
  ]);
  return {
    code,
    title: d.title,
    basis: d.basis,
    columns: d.columns.map(([key, title]) => ({ key, title })),
    items,
    total: count?.n ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * The graduates behind 留郑率 or 中职升学率 in the cockpit's scope: the latest measured graduation year (as the
 * recompute counted), those counted first, names masked.
 */
async function graduateDrill(db: Db, code: string, scope: string, page: Page): Promise<DrillResult> {
  const def = indicatorDefinition(code)!;
  const measure = def.method === 'computed' && def.source.source === 'graduateRetention' ? 'retention' : 'progression';
  const access: Access = scope === CITY ? { kind: 'city' } : { kind: 'limited', districtIds: [scope], organisationIds: [], userId: null };
  const year = latestMeasuredYear(graduatesPolicy, measure, await destinationTallies(db, sql`true`));
  const found = year
    ? await figureGraduates(db, access, { measure, graduationYear: year, page: page.page, pageSize: page.pageSize })
    : { items: [], total: 0 };
  const point = graduatesPolicy.surveyPoints.find((p) => p.code === graduatesPolicy[measure].surveyPoint)?.name ?? '';
  return {
    code,
    title: `${currentPlan.targets.find((t) => t.code === code)?.name ?? code}${year ? `（${year}届，${point}）` : ''}`,
    basis: graduatesPolicy[measure].definition,
    columns: [
      ['name', '姓名（脱敏）'],
      ['schoolName', '学校'],
      ['majorName', '专业'],
      ['categoryName', '毕业去向'],
      ['place', '单位或学校（地点）'],
      ['counted', measure === 'retention' ? '计入留郑' : '计入升学'],
    ].map(([key, title]) => ({ key: key!, title: title! })),
    items: found.items,
    total: found.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
