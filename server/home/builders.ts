import { eq, sql } from 'drizzle-orm';
import type { DashboardSection, HomeResponse, StatItem } from '../../contracts/dashboard.ts';
import { SCHOOL_LEVEL_LABELS } from '../../contracts/registry.ts';
import type { Actor, Membership } from '../../core/authz/index.ts';
import { todayOf } from '../../core/calendar.ts';
import { currentPlan } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { organisations } from '../platform/db/schema/index.ts';
import { accountBalances } from '../credit-bank/index.ts';
import {
  cityFigures,
  type FigureScope,
  latestSnapshot,
  registryFigures,
  type RegistryFigures,
  registryFiguresByDistrict,
  share,
} from '../cockpit/index.ts';
import { studentHome } from './student.ts';
import { evaluatorHome } from './evaluator.ts';
import { planRange, planShare, planTarget } from '../platform/plan-targets.ts';
import { enterpriseTodo, governmentTodo, schoolTodo, todoSection } from './todo.ts';

type Builder = (db: Db, actor: Actor, m: Membership & { organisationName: string }, now: Date) => Promise<HomeResponse>;

const practice = planShare('practice_teaching_share');

function registryStats(f: RegistryFigures, withEnterprises: boolean): StatItem[] {
  const items: StatItem[] = [
    { key: 'schools', label: '职业院校', value: f.schools, unit: '所' },
    ...(withEnterprises
      ? [
          { key: 'enterprises', label: '在册企业', value: f.enterprises, unit: '家' },
          {
            key: 'certifiedEnterprises',
            label: '产教融合型企业',
            value: f.certifiedEnterprises,
            unit: '家',
            target: planTarget('integration_enterprises'),
          },
        ]
      : []),
    { key: 'teachers', label: '教师', value: f.teachers, unit: '人' },
    {
      key: 'dualQualifiedShare',
      label: '“双师型”教师占专业课教师比例',
      value: share(f.dualQualifiedTeachers, f.specialtyTeachers),
      unit: '%',
      target: planTarget('dual_qualified_share'),
    },
    { key: 'students', label: '在校学生', value: f.students, unit: '人' },
    { key: 'programs', label: '开设专业', value: f.programs, unit: '个' },
    {
      key: 'practiceShareMet',
      label: '实践性教学课时达标专业占比',
      value: share(f.programsMeetingPracticeShare, f.programsWithPracticeShare),
      unit: '%',
      hint: `实践性教学课时不少于总课时${practice.value * 100}%的专业所占比例（${practice.article}）`,
    },
  ];
  return items;
}

const scopeOf = (m: Membership): FigureScope =>
  m.organisationKind === 'district'
    ? { kind: 'district', districtId: m.organisationId }
    : m.organisationKind === 'school'
      ? { kind: 'school', schoolId: m.organisationId }
      : { kind: 'city' };

/**
 * The city's registry counts, per district and in total: from the latest daily recompute's snapshot (counting
 * 500,000 students per request would make the bureau's home the slowest page), or counted now in one grouped
 * pass when no run has stored them yet. `asOf` says which, for the page to show.
 */
async function cityRegistry(db: Db): Promise<{
  figures: RegistryFigures;
  districts: Array<{ name: string; schools: number; enterprises: number; students: number }>;
  clusters: Array<{ name: string; value: number }>;
  asOf: string | null;
}> {
  const [snapshot, [demo], names] = await Promise.all([
    latestSnapshot(db, 'city'),
    rows<{ isDemo: boolean }>(db, sql`select exists (select 1 from organisations o where o.is_demo) as "isDemo"`),
    rows<{ id: string; name: string }>(db, sql`select id, name from organisations where kind = 'district' order by code`),
  ]);
  const stored = snapshot?.payload.registry;
  const [byDistrict, clusters] = stored
    ? [stored, snapshot!.payload.clusters.map((c) => ({ name: c.name, value: c.enterprises }))]
    : await Promise.all([
        registryFiguresByDistrict(db, practice.value),
        rows<{ name: string; value: number }>(
          db,
          sql`
      select c.name, count(o.id)::int as value from industry_clusters c left join enterprises e on e.cluster_code = c.code
      left join organisations o on o.id = e.organisation_id and o.status = 'active'
      group by c.code, c.name, c.sort_order order by c.sort_order`,
        ),
      ]);
  const of = new Map(byDistrict.map((d) => [d.districtId, d]));
  return {
    figures: { ...cityFigures(byDistrict), isDemo: demo!.isDemo },
    districts: names.map((d) => ({
      name: d.name,
      schools: of.get(d.id)?.schools ?? 0,
      enterprises: of.get(d.id)?.enterprises ?? 0,
      students: of.get(d.id)?.students ?? 0,
    })),
    clusters,
    asOf: stored ? todayOf(new Date(snapshot!.computedAt)) : null,
  };
}

const asOfTitle = (title: string, asOf: string | null) => (asOf ? `${title}（${asOf} 统计）` : title);

const city: Builder = async (db, actor, m, now) => {
  const [{ figures: f, districts: byDistrict, clusters: byCluster, asOf }, todo] = await Promise.all([
    cityRegistry(db),
    governmentTodo(db, actor, m, now),
  ]);
  return {
    role: 'city_admin',
    title: '全市产教融合概览',
    organisation: m.organisationName,
    isDemoData: f.isDemo,
    sections: [
      todoSection(todo),
      { kind: 'stats', key: 'registry', title: asOfTitle('登记在册', asOf), items: registryStats(f, true) },
      { kind: 'chart', key: 'enterprisesByCluster', title: '在册企业按产业集群分布', chart: 'bar', data: byCluster },
      {
        kind: 'table',
        key: 'districts',
        title: asOfTitle('各区县(市)、开发区', asOf),
        columns: [
          { key: 'name', title: '区域' },
          { key: 'schools', title: '学校' },
          { key: 'enterprises', title: '企业' },
          { key: 'students', title: '在校生' },
        ],
        rows: byDistrict,
      },
    ],
  };
};

const department: Builder = async (db, actor, m, now) => {
  const [[unit], { figures: f, asOf }, todo] = await Promise.all([
    rows<{ code: string }>(db, sql`select code from organisations where id = ${m.organisationId}`),
    cityRegistry(db),
    governmentTodo(db, actor, m, now),
  ]);
  const tasks = currentPlan.tasks.filter((t) => t.leadUnit === unit?.code || t.coUnits.includes(unit?.code ?? ''));
  return {
    role: 'department',
    title: '本部门承担的任务',
    organisation: m.organisationName,
    isDemoData: f.isDemo,
    sections: [
      todoSection(todo),
      {
        kind: 'stats',
        key: 'tasks',
        title: `任务清单（${currentPlan.document}）`,
        items: [
          { key: 'lead', label: '牵头任务', value: tasks.filter((t) => t.leadUnit === unit?.code).length, unit: '项' },
          { key: 'co', label: '配合任务', value: tasks.filter((t) => t.leadUnit !== unit?.code).length, unit: '项' },
        ],
      },
      {
        kind: 'table',
        key: 'taskList',
        title: '任务明细',
        columns: [
          { key: 'no', title: '序号' },
          { key: 'text', title: '工作任务' },
          { key: 'part', title: '职责' },
        ],
        rows: tasks.map((t) => ({ no: t.no, text: t.text, part: t.leadUnit === unit?.code ? '牵头' : '配合' })),
      },
      { kind: 'stats', key: 'registry', title: asOfTitle('全市登记在册', asOf), items: registryStats(f, true) },
    ],
  };
};

const district: Builder = async (db, actor, m, now) => {
  // Live and exact (a district's clerk sees a change at once): the district's students are counted once, per school
  // through the enrolled-students index, and the figures take their sum.
  const [schools, todo] = await Promise.all([
    rows<{ name: string; level: keyof typeof SCHOOL_LEVEL_LABELS; students: number; programs: number }>(
      db,
      sql`
      select o.name, s.level,
        (select count(*)::int from students st where st.school_id = o.id and st.status = 'enrolled' and st.archived_at is null) as students,
        (select count(*)::int from programs p where p.school_id = o.id and p.status = 'active') as programs
      from organisations o join schools s on s.organisation_id = o.id
      where o.kind = 'school' and o.district_id = ${m.organisationId} and o.status = 'active' order by o.name`,
    ),
    governmentTodo(db, actor, m, now),
  ]);
  const f = await registryFigures(db, scopeOf(m), practice.value, { students: schools.reduce((a, r) => a + r.students, 0) });
  return {
    role: 'district',
    title: '本区域产教融合概览',
    organisation: m.organisationName,
    isDemoData: f.isDemo,
    sections: [
      todoSection(todo),
      { kind: 'stats', key: 'registry', title: '本区域登记在册', items: registryStats(f, true) },
      {
        kind: 'table',
        key: 'schools',
        title: '本区域学校',
        columns: [
          { key: 'name', title: '学校' },
          { key: 'level', title: '层次' },
          { key: 'programs', title: '专业数' },
          { key: 'students', title: '在校生' },
        ],
        rows: schools.map((r) => ({ ...r, level: SCHOOL_LEVEL_LABELS[r.level] ?? r.level })),
      },
    ],
  };
};

const school: Builder = async (db, actor, m, now) => {
  const [f, programs, todo] = await Promise.all([
    registryFigures(db, scopeOf(m), practice.value),
    rows<Record<string, string | number | null>>(
      db,
      sql`
      select mj.code, mj.name, p.enrolment, round(p.practice_share * 100)::int as "practiceShare",
        (select count(*)::int from students s where s.program_id = p.id and s.status = 'enrolled' and s.archived_at is null) as students
      from programs p join majors mj on mj.id = p.major_id
      where p.school_id = ${m.organisationId} and p.status = 'active' order by mj.code`,
    ),
    schoolTodo(db, actor, m, todayOf(now)),
  ]);
  const role = m.role === 'teacher' ? 'teacher' : 'school_admin';
  return {
    role,
    title: role === 'teacher' ? `${actor.displayName}老师，您好` : '本校概览',
    organisation: m.organisationName,
    isDemoData: f.isDemo,
    sections: [
      todoSection(todo),
      { kind: 'stats', key: 'registry', title: '本校登记在册', items: registryStats(f, false).filter((i) => i.key !== 'schools') },
      {
        kind: 'table',
        key: 'programs',
        title: '开设专业',
        columns: [
          { key: 'code', title: '专业代码' },
          { key: 'name', title: '专业名称' },
          { key: 'enrolment', title: '招生数' },
          { key: 'students', title: '在校生' },
          { key: 'practiceShare', title: '实践教学占比(%)' },
        ],
        rows: programs,
      },
    ],
  };
};

const enterprise: Builder = async (db, actor, m, now) => {
  const todo = await enterpriseTodo(db, actor, m, todayOf(now));
  const [e] = await rows<{
    staffCount: number;
    aboveDesignatedSize: boolean;
    integrationStatus: string;
    cluster: string | null;
    industry: string | null;
    isDemo: boolean;
  }>(
    db,
    sql`
    select e.staff_count as "staffCount", e.above_designated_size as "aboveDesignatedSize", e.integration_status as "integrationStatus",
      c.name as cluster, i.name as industry, o.is_demo as "isDemo"
    from enterprises e join organisations o on o.id = e.organisation_id
    left join industry_clusters c on c.code = e.cluster_code
    left join lateral (select name from industries where code = e.industry_code limit 1) i on true
    where e.organisation_id = ${m.organisationId}`,
  );
  const posts = planRange('internship_posts_share');
  return {
    role: 'enterprise_admin',
    title: '本企业概览',
    organisation: m.organisationName,
    isDemoData: e?.isDemo ?? false,
    sections: [
      todoSection(todo),
      {
        kind: 'stats',
        key: 'profile',
        title: '企业信息',
        items: [
          { key: 'staff', label: '职工总数', value: e?.staffCount ?? null, unit: '人' },
          {
            key: 'internshipPosts',
            label: '应安排实习岗位（下限）',
            unit: '个',
            value: e?.aboveDesignatedSize ? Math.ceil(e.staffCount * posts.min) : null,
            hint: `规模以上企业按职工总数的${posts.min * 100}%–${posts.max * 100}%安排（${posts.article}）`,
          },
        ],
      },
      {
        kind: 'table',
        key: 'facts',
        title: '登记信息',
        columns: [
          { key: 'item', title: '项目' },
          { key: 'value', title: '内容' },
        ],
        rows: [
          { item: '所属产业集群', value: e?.cluster ?? '未填写' },
          { item: '国民经济行业', value: e?.industry ?? '未填写' },
          { item: '规模以上企业', value: e?.aboveDesignatedSize ? '是' : '否' },
          { item: '产教融合型企业', value: INTEGRATION_LABELS[e?.integrationStatus ?? 'none'] ?? '—' },
        ],
      },
    ],
  };
};

const student: Builder = (db, actor, m, now) => studentHome(db, actor, m, todayOf(now));

/** A learner who is not a student here (issue 6): their learning account, outcomes and credits, linked to the credit bank. */
const learner: Builder = async (db, actor, m) => {
  const [a] = await rows<{ id: string; accountNo: string; holderName: string; outcomes: number }>(
    db,
    sql`
    select a.id, a.account_no as "accountNo", a.holder_name as "holderName",
      (select count(*)::int from learning_outcomes o where o.account_id = a.id and o.status = 'active') as outcomes
    from credit_accounts a where a.user_id = ${actor.userId} limit 1`,
  );
  const balance = a ? (await accountBalances(db, [a.id])).get(a.id) : undefined;
  return {
    role: 'learner',
    title: `${a?.holderName ?? actor.displayName}，您好`,
    organisation: m.organisationName,
    isDemoData: false,
    sections: [
      {
        kind: 'stats',
        key: 'creditBank',
        title: '我的学分银行',
        items: [
          { key: 'outcomes', label: '学习成果', value: a?.outcomes ?? 0, unit: '项', href: '/credit-bank' },
          { key: 'deposited', label: '存入学分', value: balance?.deposited ?? 0, unit: '学分', href: '/credit-bank' },
          { key: 'recognised', label: '已认定学分', value: balance?.recognised ?? 0, unit: '学分', href: '/credit-bank' },
        ],
      },
      {
        kind: 'table',
        key: 'account',
        title: '学习账户',
        columns: [
          { key: 'item', title: '项目' },
          { key: 'value', title: '内容' },
        ],
        rows: [
          { item: '学习账号', value: a?.accountNo ?? '尚未开户' },
          { item: '开户单位', value: m.organisationName },
        ],
      },
    ],
  };
};

const INTEGRATION_LABELS: Record<string, string> = {
  none: '未申报',
  reserve: '培育储备库',
  applied: '已申报',
  certified_city: '市级认定',
  certified_province: '省级认定',
  certified_nation: '国家级认定',
};

const BUILDERS: Record<Membership['role'], Builder> = {
  city_admin: city,
  department,
  district,
  school_admin: school,
  teacher: school,
  enterprise_admin: enterprise,
  student,
  learner,
  evaluator: evaluatorHome,
};

/** The home page of the actor's first role (the web app's role switcher asks for another with `role`). */
export async function buildHome(db: Db, actor: Actor, now: Date, role?: string): Promise<HomeResponse> {
  const m = actor.memberships.find((x) => x.role === role) ?? actor.memberships[0];
  if (!m) return { role: 'none', title: '尚未分配角色', organisation: '', isDemoData: false, sections: [] as DashboardSection[] };
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, m.organisationId));
  return BUILDERS[m.role](db, actor, { ...m, organisationName: org?.name ?? '' }, now);
}
