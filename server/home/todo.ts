import { sql } from 'drizzle-orm';
import type { DashboardSection, TodoItem } from '../../contracts/dashboard.ts';
import { accessFor, type Access, type Actor, type Membership, type Permission } from '../../core/authz/index.ts';
import { overdue as overdueSlots, findReport } from '../../core/supervision/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { countAlerts, offeredPlaces } from '../internships/index.ts';
import { actingUnits, loadSupervision } from '../cockpit/index.ts';
import { planRange } from '../platform/plan-targets.ts';
import { storedSlippingCount } from '../quality/index.ts';

/**
 * "What do I have to do today" for each staff role: the queues waiting on the caller's organisation, each with
 * the page where it is worked. An item appears only when the role holds the permission to do it (the policy
 * table decides, core/authz/grants.ts), and everything is counted within the caller's own organisation or district.
 */
type TodoSection = Extract<DashboardSection, { kind: 'todo' }>;

/** The actor as one membership: the home shows one role at a time, and its items follow that role's grants. */
export const asMember = (actor: Actor, m: Membership): Actor => ({ ...actor, memberships: [m] });
export const may = (actor: Actor, p: Permission) => accessFor(actor, p).kind !== 'none';

/** A queue: due while records wait (overdue when told so), done when none does. */
export function queue(
  key: string,
  label: string,
  count: number,
  href: string,
  opts: { overdue?: boolean; due?: string; detail?: string } = {},
): TodoItem {
  const state = count === 0 ? 'done' : opts.overdue ? 'overdue' : 'due';
  return { key, label, count, state, href, ...(opts.due && count > 0 && { due: opts.due }), ...(opts.detail && { detail: opts.detail }) };
}

export const todoSection = (items: TodoItem[]): TodoSection => ({ kind: 'todo', key: 'todo', title: '今日待办', items });

const LIVE = sql`('accepted', 'active')`;

/** Records of organisations in the districts an access reaches (all for city-wide access). */
function inDistricts(access: Access) {
  if (access.kind === 'city') return sql`true`;
  if (access.kind === 'none' || access.districtIds.length === 0) return sql`false`;
  return sql`o.district_id in (${sql.join(
    access.districtIds.map((d) => sql`${d}`),
    sql`, `,
  )})`;
}

/** School admin and teacher: applications to review, allocation proposals, agreements, logs, mentors, alerts. */
export async function schoolTodo(db: Db, actor: Actor, m: Membership, today: string): Promise<TodoItem[]> {
  const me = asMember(actor, m);
  const school = m.organisationId;
  // A teacher comments on the logs of the interns he or she mentors; the administrator may comment on any.
  const mentored =
    m.role === 'teacher'
      ? sql`i.school_mentor_id in (select t.id from teachers t where t.user_id = ${actor.userId} and t.school_id = ${school})`
      : sql`true`;
  const [c] = await rows<{ reviews: number; proposals: number; toSign: number; logs: number; noMentor: number }>(
    db,
    sql`
    select
      (select count(*)::int from internship_applications a where a.school_id = ${school} and a.status = 'applied') as reviews,
      (select count(*)::int from allocation_proposals p where p.school_id = ${school} and p.status = 'proposed' and p.school_decision is null) as proposals,
      (select count(*)::int from internships i join internship_agreements g on g.internship_id = i.id
         where i.school_id = ${school} and i.status in ${LIVE}
           and not exists (select 1 from internship_signatures x where x.agreement_id = g.id and x.party = 'school')) as "toSign",
      (select count(*)::int from internships i join internship_logs l on l.internship_id = i.id
         where i.school_id = ${school} and i.status in ${LIVE} and ${mentored}
           and not exists (select 1 from internship_log_comments k where k.log_id = l.id and k.party = 'school')) as logs,
      (select count(*)::int from internships i where i.school_id = ${school} and i.status in ${LIVE} and i.school_mentor_id is null) as "noMentor"`,
  );
  const items: TodoItem[] = [];
  if (may(me, { resource: 'internshipApplication', action: 'approve' }))
    items.push(queue('reviews', '待审核的实习申请', c!.reviews, '/internships/review'));
  if (may(me, { resource: 'allocationProposal', action: 'decide' }))
    items.push(queue('proposals', '待确认的分配建议', c!.proposals, '/matching/allocation'));
  if (may(me, { resource: 'internship', action: 'sign' }))
    items.push(queue('toSign', '待学校签署的三方协议', c!.toSign, '/internships/interns'));
  if (may(me, { resource: 'internship', action: 'mentor' })) items.push(queue('logs', '待批阅的实习周志', c!.logs, '/internships/interns'));
  if (may(me, { resource: 'internship', action: 'assignMentor' }))
    items.push(queue('noMentor', '未指定学校指导教师的实习', c!.noMentor, '/internships/interns'));
  if (may(me, { resource: 'internshipAlert', action: 'read' })) {
    const alerts = await countAlerts(db, accessFor(me, { resource: 'internshipAlert', action: 'read' }), today);
    items.push(
      queue('alerts', '实习预警', alerts, '/internships/interns', {
        overdue: true,
        detail: '缺协议、保险或周志，报酬或时长不合规定',
      }),
    );
  }
  // Process monitoring (三 18): the school's quality indicators below their floor or falling, as last evaluated.
  if (m.role === 'school_admin') {
    const slipping = await storedSlippingCount(db, school, Number(today.slice(0, 4)));
    if (slipping !== null)
      items.push(queue('qualitySlipping', '需要关注的质量评价指标', slipping, '/quality/mine', { detail: '低于底线或较上期下滑' }));
  }
  return items;
}

/** Enterprise admin: applicants, proposals, agreements, logs, mentors, and this year's internship posts against the plan. */
export async function enterpriseTodo(db: Db, actor: Actor, m: Membership, today: string): Promise<TodoItem[]> {
  const me = asMember(actor, m);
  const ent = m.organisationId;
  const year = Number(today.slice(0, 4));
  const [c] = await rows<{
    applicants: number;
    proposals: number;
    toSign: number;
    logs: number;
    noMentor: number;
    staff: number | null;
    aboveSize: boolean;
    places: number;
  }>(
    db,
    sql`
    select
      (select count(*)::int from internship_applications a where a.enterprise_id = ${ent} and a.status = 'school_approved') as applicants,
      (select count(*)::int from allocation_proposals p where p.enterprise_id = ${ent} and p.status = 'proposed' and p.enterprise_decision is null) as proposals,
      (select count(*)::int from internships i join internship_agreements g on g.internship_id = i.id
         where i.enterprise_id = ${ent} and i.status in ${LIVE}
           and not exists (select 1 from internship_signatures x where x.agreement_id = g.id and x.party = 'enterprise')) as "toSign",
      (select count(*)::int from internships i join internship_logs l on l.internship_id = i.id
         where i.enterprise_id = ${ent} and i.status in ${LIVE}
           and not exists (select 1 from internship_log_comments k where k.log_id = l.id and k.party = 'enterprise')) as logs,
      (select count(*)::int from internships i where i.enterprise_id = ${ent} and i.status in ${LIVE} and i.enterprise_mentor_name is null) as "noMentor",
      (select e.staff_count from enterprises e where e.organisation_id = ${ent}) as staff,
      coalesce((select e.above_designated_size from enterprises e where e.organisation_id = ${ent}), false) as "aboveSize",
      coalesce((select offered.places from ${offeredPlaces(year)} where offered.enterprise_id = ${ent}), 0) as places`,
  );
  const items: TodoItem[] = [];
  if (may(me, { resource: 'internshipApplication', action: 'accept' }))
    items.push(queue('applicants', '待答复的实习申请', c!.applicants, '/internships/applicants'));
  if (may(me, { resource: 'allocationProposal', action: 'decide' }))
    items.push(queue('proposals', '待确认的分配建议', c!.proposals, '/matching/allocation'));
  if (may(me, { resource: 'internship', action: 'sign' }))
    items.push(queue('toSign', '待企业签署的三方协议', c!.toSign, '/internships/interns'));
  if (may(me, { resource: 'internship', action: 'mentor' })) items.push(queue('logs', '待批阅的实习周志', c!.logs, '/internships/interns'));
  if (may(me, { resource: 'internship', action: 'assignMentor' }))
    items.push(queue('noMentor', '未指定企业导师的实习', c!.noMentor, '/internships/interns'));
  if (c!.aboveSize && c!.staff && may(me, { resource: 'internshipPost', action: 'publish' })) {
    // 二 (二) 5: an enterprise above designated size offers internship posts for 2%–3% of its staff each year.
    const range = planRange('internship_posts_share');
    const floor = Math.ceil(c!.staff * range.min);
    items.push({
      ...queue('posts', `${year}年实习岗位（下限 ${floor} 个）尚缺`, Math.max(0, floor - c!.places), '/internships/posts', {
        due: `${year}-12-31`,
        detail: `已发布 ${c!.places} 个；规模以上企业按职工总数的${range.min * 100}%–${range.max * 100}%安排（${range.article}）`,
      }),
      unit: '个',
    });
  }
  return items;
}

/**
 * Bureau, department and district: registrations and reports waiting on them, their own task reports of this
 * period and those overdue, and (the bureau) every unit's overdue reports.
 */
export async function governmentTodo(db: Db, actor: Actor, m: Membership, now: Date): Promise<TodoItem[]> {
  const me = asMember(actor, m);
  const items: TodoItem[] = [];
  const registrations = accessFor(me, { resource: 'enterpriseRegistration', action: 'review' });
  const [c] = await rows<{ registrations: number; indicatorReports: number; taskReports: number }>(
    db,
    sql`
    select
      (select count(*)::int from enterprise_registrations r join organisations o on o.id = r.organisation_id
         where r.status = 'pending' and ${inDistricts(registrations)}) as registrations,
      (select count(*)::int from indicator_reports where status = 'submitted') as "indicatorReports",
      (select count(*)::int from task_reports where status = 'submitted') as "taskReports"`,
  );
  if (registrations.kind !== 'none') items.push(queue('registrations', '待审核的企业注册', c!.registrations, '/registry/registrations'));
  if (may(me, { resource: 'indicator', action: 'review' }))
    items.push(queue('indicatorReports', '待审核的指标填报', c!.indicatorReports, '/indicators'));
  if (may(me, { resource: 'supervision', action: 'rate' }))
    items.push(queue('taskReports', '待评分的进展报告', c!.taskReports, '/reports'));

  const reporting = accessFor(me, { resource: 'supervision', action: 'report' });
  const cityWide = accessFor(me, { resource: 'supervision', action: 'rate' }).kind === 'city';
  // Only the bureau counts every unit's reports; the others judge their own slots, so read only their reports.
  const world = await loadSupervision(db, now, cityWide ? undefined : reporting.kind === 'limited' ? reporting.organisationIds : []);
  if (may(me, { resource: 'supervision', action: 'report' })) {
    const own = new Set(actingUnits(world, reporting).map((o) => o.id));
    const slots = world.slots.filter((s) => own.has(s.organisationId));
    const late = overdueSlots(slots, world.periods, world.index, world.today).length;
    items.push(queue('ownOverdue', '本单位逾期未报的进展报告', late, '/tasks', { overdue: true }));
    const period = world.current;
    if (period && period.due >= world.today) {
      const waiting = slots.filter((s) => !findReport(world.index, s, period.key)).length;
      items.push(queue('ownDue', `${period.label}进展报告待报送`, waiting, '/tasks', { due: period.due }));
    }
  }
  if (cityWide) {
    items.push(
      queue(
        'cityOverdue',
        '各单位逾期未报的进展报告',
        overdueSlots(world.slots, world.periods, world.index, world.today).length,
        '/tasks',
        { overdue: true },
      ),
    );
  }
  return items;
}
