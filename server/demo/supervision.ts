import { todayOf } from '../../core/calendar.ts';
import { sql } from 'drizzle-orm';
import type { Membership } from '../../core/authz/index.ts';
import { addDays } from '../../core/internships/dates.ts';
import { reportSlots } from '../../core/supervision/index.ts';
import { currentPlan } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { createTaskReport, planPeriods, rateTaskReport, unitOrganisations } from '../cockpit/index.ts';
import { stepIn, type Person } from './internships.ts';
import { createRng } from './prng.ts';

/**
 * Quarterly progress reports (三 18) in the demo city, so supervision shows a plan under way rather than every
 * report missing: each responsible unit (the bureau, the departments, the districts and zones) reports on its
 * tasks for the periods already due — most on time, some late, some not at all (each unit has its own
 * diligence, so the league table and the overdue list have something to say) — and the bureau has rated about
 * half of the reports of the periods before the latest (the rest wait on its desk). Written through the same repository functions as the task page
 * (one report per unit, task and period; lateness from the period's due date), audited as the unit's demo
 * sign-in on the day it reported.
 */

export interface SupervisionDemoResult {
  reports: number;
  late: number;
  rated: number;
  slots: number;
  duePeriods: number;
}

const TEXTS = [
  '本季度按任务分工推进，已召开专题推进会，明确责任科室和时间节点，相关工作按计划进行。',
  '本季度完成阶段性目标，与相关学校、企业对接，形成工作台账，下季度继续跟进落实。',
  '本季度开展调研和摸底，梳理存在的问题，已制定整改措施；部分事项进度偏慢，将加强督促。',
  '本季度会同有关部门推进落实，已形成初步成果，相关数据已报送市教育局汇总。',
];
const COMMENTS = [
  '进展清楚，数据完整。',
  '措施具体，请继续按节点推进。',
  '进度偏慢，请说明原因并加快推进。',
  '材料较简略，下次请补充佐证材料。',
];

export async function seedSupervisionDemo(db: Db, opts: { now: Date; seed?: number }): Promise<SupervisionDemoResult> {
  const rng = createRng(opts.seed ?? 20231231);
  const today = todayOf(opts.now);
  const due = planPeriods().filter((p) => p.due < today);
  const orgs = await unitOrganisations(db);
  const slots = reportSlots(currentPlan.tasks, orgs);
  const out: SupervisionDemoResult = { reports: 0, late: 0, rated: 0, slots: slots.length, duePeriods: due.length };
  // Each unit's demo sign-in (the bureau's admin, dept_*, district_*); a unit without one does not report.
  const people = new Map<string, Person>();
  for (const r of await rows<{
    user_id: string;
    username: string;
    display_name: string;
    org: string;
    kind: Membership['organisationKind'];
    district_id: string | null;
    role: Membership['role'];
  }>(
    db,
    sql`
    select u.id as user_id, u.username, u.display_name, o.id as org, o.kind, o.district_id, m.role from users u
    join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
    where o.kind in ('bureau', 'department', 'district') and m.role in ('city_admin', 'department', 'district') and u.is_demo order by u.username`,
  )) {
    if (!people.has(r.org)) {
      people.set(r.org, {
        actor: {
          userId: r.user_id,
          username: r.username,
          displayName: r.display_name,
          memberships: [{ organisationId: r.org, organisationKind: r.kind, districtId: r.district_id, role: r.role }],
        },
        name: r.display_name,
      });
    }
  }
  const bureau = orgs.find((o) => o.kind === 'bureau');
  const rater = bureau ? people.get(bureau.id) : undefined;
  if (due.length === 0 || !rater) return out;
  // Diligence per unit: most report nearly always, a few often miss.
  const diligence = new Map(
    orgs.map((o) => [
      o.id,
      rng.weighted([
        [0.95, 5],
        [0.8, 4],
        [0.55, 2],
      ] as const),
    ]),
  );
  for (const [pi, period] of due.entries()) {
    const latest = pi === due.length - 1;
    await db.transaction(async (tx) => {
      for (const slot of slots) {
        const who = people.get(slot.organisationId);
        if (!who || !rng.chance(diligence.get(slot.organisationId)!)) continue;
        const late = rng.chance(0.15);
        const day = late ? addDays(period.due, rng.int(2, 20)) : addDays(period.end, rng.int(1, 14));
        if (day > today) continue;
        const figures = rng.chance(0.5) ? [{ label: '本季度推进事项', kind: 'count' as const, value: rng.int(1, 12), unit: '项' }] : [];
        const report = await stepIn(tx, who, { resource: 'supervision', action: 'report' }, day, (t, audit, access, now) =>
          createTaskReport(t, audit, access, who.actor.userId, slot.taskNo, { period: period.key, text: rng.pick(TEXTS), figures }, now),
        );
        out.reports++;
        if (report.late) out.late++;
        // The bureau rates within a few weeks, about half of them so far; the latest period's all still wait.
        const ratedOn = addDays(period.due, rng.int(15, 40));
        if (!latest && ratedOn <= today && rng.chance(0.45)) {
          await stepIn(tx, rater, { resource: 'supervision', action: 'rate' }, ratedOn, (t, audit, _access, now) =>
            rateTaskReport(
              t,
              audit,
              report.id,
              rater.actor.userId,
              { score: rng.int(68, 96), comment: rng.pick(COMMENTS), version: report.version },
              now,
            ),
          );
          out.rated++;
        }
      }
    });
  }
  return out;
}
