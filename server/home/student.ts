import { sql } from 'drizzle-orm';
import type { DashboardSection, HomeResponse, TodoItem } from '../../contracts/dashboard.ts';
import { AGREEMENT_PARTY_LABELS, INTERNSHIP_STATUS_LABELS } from '../../contracts/internship-lifecycle.ts';
import { APPLICATION_STATUS_LABELS } from '../../contracts/internships.ts';
import type { Actor, Membership } from '../../core/authz/index.ts';
import { agreementState } from '../../core/internships/agreement.ts';
import { logDue } from '../../core/internships/log-due.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { accountBalances } from '../credit-bank/index.ts';
import { rules } from '../internships/index.ts';
import { asMember, may, todoSection } from './todo.ts';

/**
 * The student's home (on a phone, mostly): what to do today on the internship under way (check in, the weekly
 * log owed, the agreement to sign), the internship itself with its mentors, agreement and insurance, the
 * applications and their states, the credit-bank balance, and the enrolment.
 */
interface Live {
  id: string;
  status: 'accepted' | 'active';
  plannedStart: string;
  plannedEnd: string;
  startedOn: string | null;
  post: string;
  enterprise: string;
  schoolMentor: string | null;
  enterpriseMentor: string | null;
  agreementId: string | null;
  signed: Array<{ party: 'school' | 'enterprise' | 'student' | 'guardian'; signedOn: string }>;
  coverageStart: string | null;
  coverageEnd: string | null;
  checkedIn: boolean;
  weeks: string[];
}

const href = '/internships/my';

function internshipTodo(i: Live, birthDate: string, today: string): { items: TodoItem[]; agreement: string } {
  const items: TodoItem[] = [];
  if (i.status === 'active' && i.startedOn && i.startedOn <= today && today <= i.plannedEnd) {
    items.push({
      key: 'checkin',
      label: '今日签到',
      count: null,
      state: i.checkedIn ? 'done' : 'due',
      due: today,
      href,
      detail: i.checkedIn ? '今日已签到' : '今日尚未签到',
    });
  }
  if (i.status === 'active' && i.startedOn) {
    const owed = logDue(i.startedOn, i.plannedEnd, i.weeks, today);
    items.push({
      key: 'log',
      label: '实习周志',
      count: owed.missing,
      state: owed.overdue > 0 ? 'overdue' : owed.missing > 0 ? 'due' : 'done',
      href,
      ...(owed.due && { due: owed.due }),
      detail: owed.weekStart ? `${owed.weekStart} 起的一周${owed.missing > 1 ? `；共缺 ${owed.missing} 周` : ''}` : '各周周志均已提交',
    });
  }
  if (!i.agreementId) return { items, agreement: '尚未生成' };
  const state = agreementState(i.signed, birthDate, today, rules);
  if (state.missing.includes('student'))
    items.push({ key: 'agreement', label: '签署三方协议', count: null, state: 'due', href, detail: '学生本人签署' });
  return { items, agreement: state.complete ? '已签齐' : `待${state.missing.map((p) => AGREEMENT_PARTY_LABELS[p]).join('、')}签署` };
}

export async function studentHome(
  db: Db,
  actor: Actor,
  m: Membership & { organisationName: string },
  today: string,
): Promise<HomeResponse> {
  const [s] = await rows<{
    id: string;
    name: string;
    school: string;
    major: string | null;
    cohort: number;
    birthDate: string;
    isDemo: boolean;
  }>(
    db,
    sql`
    select st.id, st.name, o.name as school, mj.name as major, st.cohort, st.birth_date::text as "birthDate", o.is_demo as "isDemo"
    from students st join organisations o on o.id = st.school_id
    left join programs p on p.id = st.program_id left join majors mj on mj.id = p.major_id
    where st.user_id = ${actor.userId} limit 1`,
  );
  const studentId = s?.id ?? null;
  const [[live], applications, [account]] = await Promise.all([
    rows<Live>(
      db,
      sql`
      select i.id, i.status, i.planned_start::text as "plannedStart", i.planned_end::text as "plannedEnd", i.started_on::text as "startedOn",
        p.title as post, e.name as enterprise, t.name as "schoolMentor", i.enterprise_mentor_name as "enterpriseMentor", g.id as "agreementId",
        coalesce((select json_agg(json_build_object('party', x.party, 'signedOn', to_char(x.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')))
          from internship_signatures x where x.agreement_id = g.id), '[]'::json) as signed,
        n.coverage_start::text as "coverageStart", n.coverage_end::text as "coverageEnd",
        exists (select 1 from internship_checkins c where c.internship_id = i.id and c.date = ${today}::date) as "checkedIn",
        coalesce((select array_agg(l.week_start::text) from internship_logs l where l.internship_id = i.id), '{}') as weeks
      from internships i join internship_posts p on p.id = i.post_id join organisations e on e.id = i.enterprise_id
      left join teachers t on t.id = i.school_mentor_id left join internship_agreements g on g.internship_id = i.id
      left join internship_insurance n on n.internship_id = i.id
      where i.student_id = ${studentId} and i.status in ('accepted', 'active') order by i.planned_start limit 1`,
    ),
    rows<{ post: string; enterprise: string; status: keyof typeof APPLICATION_STATUS_LABELS; on: string }>(
      db,
      sql`
      select p.title as post, e.name as enterprise, a.status, to_char(a.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "on"
      from internship_applications a join internship_posts p on p.id = a.post_id join organisations e on e.id = a.enterprise_id
      where a.student_id = ${studentId} order by a.updated_at desc limit 10`,
    ),
    rows<{ id: string }>(db, sql`select id from credit_accounts where user_id = ${actor.userId} limit 1`),
  ]);
  const balance = account ? (await accountBalances(db, [account.id])).get(account.id) : undefined;

  const todo = live ? internshipTodo(live, s!.birthDate, today) : { items: [], agreement: '' };
  if (!live && may(asMember(actor, m), { resource: 'internshipApplication', action: 'apply' })) {
    const waiting = applications.filter((a) => a.status === 'applied' || a.status === 'school_approved').length;
    todo.items.push(
      waiting
        ? {
            key: 'applications',
            label: '等待答复的实习申请',
            count: waiting,
            state: 'done',
            href: '/internships/applications',
            detail: '学校审核、企业接收后即可开始实习',
          }
        : { key: 'find', label: '尚无实习：浏览实习岗位并申请', count: null, state: 'due', href: '/internships' },
    );
  }
  const sections: DashboardSection[] = [todoSection(todo.items)];
  if (live) {
    sections.push({
      kind: 'table',
      key: 'internship',
      title: '我的实习',
      columns: [
        { key: 'item', title: '项目' },
        { key: 'value', title: '内容' },
      ],
      rows: [
        { item: '实习单位', value: live.enterprise },
        { item: '岗位', value: live.post },
        { item: '状态', value: INTERNSHIP_STATUS_LABELS[live.status] },
        { item: '实习期间', value: `${live.startedOn ?? live.plannedStart} 至 ${live.plannedEnd}` },
        { item: '学校指导教师', value: live.schoolMentor ?? '尚未指定' },
        { item: '企业导师', value: live.enterpriseMentor ?? '尚未指定' },
        { item: '三方协议', value: todo.agreement },
        { item: '实习责任保险', value: live.coverageStart ? `已投保（${live.coverageStart} 至 ${live.coverageEnd}）` : '尚未登记' },
      ],
    });
  }
  sections.push({
    kind: 'table',
    key: 'applications',
    title: '我的实习申请',
    columns: [
      { key: 'post', title: '岗位' },
      { key: 'enterprise', title: '实习单位' },
      { key: 'status', title: '状态' },
      { key: 'on', title: '更新日期' },
    ],
    rows: applications.map((a) => ({ ...a, status: APPLICATION_STATUS_LABELS[a.status] })),
  });
  sections.push({
    kind: 'stats',
    key: 'credits',
    title: '我的学分',
    items: [
      { key: 'deposited', label: '存入学分', value: balance?.deposited ?? 0, unit: '学分', href: '/credit-bank' },
      { key: 'recognised', label: '已认定学分', value: balance?.recognised ?? 0, unit: '学分', href: '/credit-bank' },
    ],
  });
  sections.push({
    kind: 'table',
    key: 'enrolment',
    title: '我的学籍',
    columns: [
      { key: 'item', title: '项目' },
      { key: 'value', title: '内容' },
    ],
    rows: [
      { item: '学校', value: s?.school ?? m.organisationName },
      { item: '专业', value: s?.major ?? '未登记' },
      { item: '入学年份', value: s?.cohort ?? null },
    ],
  });
  return {
    role: 'student',
    title: `${s?.name ?? actor.displayName}同学，您好`,
    organisation: m.organisationName,
    isDemoData: s?.isDemo ?? false,
    sections,
  };
}
