import { z } from 'zod';
import { job } from '../../../contracts/jobs.ts';
import { taskDetail, taskList, taskListQuery, taskParams, taskReport, taskReportCreate } from '../../../contracts/supervision.ts';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { findReport, overdue, roleInTask } from '../../../core/supervision/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { toJob } from '../../platform/jobs/repository.ts';
import { createTaskReport, taskByNo, taskReportsOf } from '../repository/supervision.ts';
import { queueReminders, SUPERVISION_REMIND_JOB } from '../supervision/reminders.ts';
import { loadSupervision, slotsInScope, type SupervisionWorld } from '../supervision/world.ts';

const unitRef = (code: string) => ({ code, name: currentPlan.units.find((u) => u.code === code)?.name ?? code });

/** A task as the caller sees it: its units, the caller's part in it, and report counts within the caller's scope. */
function taskView(world: SupervisionWorld, access: Access, actor: Actor, no: number) {
  const t = taskByNo(no);
  const mine = new Set(actor.memberships.map((m) => m.organisationId));
  const roles = world.orgs.filter((o) => mine.has(o.id)).map((o) => roleInTask(t, o.unit));
  const slots = slotsInScope(world, access).filter((s) => s.taskNo === no);
  const cur = world.current;
  return {
    no: t.no,
    area: t.area,
    article: t.article,
    text: t.text,
    leadUnit: unitRef(t.leadUnit),
    coUnits: t.coUnits.map(unitRef),
    targets: t.targets.map((code) => ({ code, name: currentPlan.targets.find((x) => x.code === code)?.name ?? code })),
    myRole: roles.includes('lead') ? ('lead' as const) : roles.includes('co') ? ('co' as const) : null,
    current: { expected: cur ? slots.length : 0, submitted: cur ? slots.filter((s) => findReport(world.index, s, cur.key)).length : 0 },
    overdue: overdue(slots, world.periods, world.index, world.today).length,
  };
}

const list = defineRoute({
  method: 'GET',
  url: '/api/tasks',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '任务清单（29项）及本单位职责、本期报送和逾期情况',
  query: taskListQuery,
  response: taskList,
  async handler({ services, access, actor, query }) {
    const world = await loadSupervision(services.database.db, services.now());
    const items = currentPlan.tasks.map((t) => taskView(world, access, actor!, t.no)).filter((t) => query.mine !== 'true' || t.myRole);
    const s = currentPlan.supervision;
    return {
      document: currentPlan.document,
      frequency: s.frequency,
      dueAfterDays: s.dueAfterDays,
      periods: world.periods,
      currentPeriod: world.current,
      items,
    };
  },
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/tasks/:no',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '任务详情及（数据范围内的）进展报告',
  params: taskParams,
  response: taskDetail,
  async handler({ services, access, actor, params }) {
    const world = await loadSupervision(services.database.db, services.now());
    return { ...taskView(world, access, actor!, params.no), reports: await taskReportsOf(services.database.db, access, params.no) };
  },
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/tasks/:no/reports',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'report' },
  summary: '责任单位报送任务进展（每单位每期一份；非本单位承担的任务返回404）',
  params: taskParams,
  body: taskReportCreate,
  response: taskReport,
  status: 201,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => createTaskReport(tx, audit, access, actor!.userId, params.no, body, services.now())),
});

const remind = defineRoute({
  method: 'POST',
  url: '/api/tasks/reminders',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'remind' },
  summary: '立即向未按期报送的单位发送提醒（后台任务；每日也自动发送，同一提醒不会重复）',
  body: z.strictObject({}).optional(),
  response: job,
  status: 202,
  async handler({ services, actor, write }) {
    const row = await write(async (tx, audit) => {
      const { job: queued } = await queueReminders(tx, actor!.userId);
      await audit.record({ action: 'submit', entityType: 'job', entityId: queued.id, after: { kind: SUPERVISION_REMIND_JOB } });
      return queued;
    });
    services.pokeJobs();
    return toJob(row);
  },
});

export const taskRoutes: AnyRoute[] = [list, detail, submit, remind];
