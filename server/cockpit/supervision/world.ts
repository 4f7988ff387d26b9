import { todayOf } from '../../../core/calendar.ts';
import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import {
  currentPeriod,
  periodsOf,
  reportIndex,
  reportSlots,
  unitOf,
  type Period,
  type ReportFact,
  type ReportSlot,
} from '../../../core/supervision/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';

/**
 * What supervision needs at one moment: the reporting periods (policy file `supervision`), the organisations
 * standing for the plan's units, who owes which report, and the reports made. The reports table holds a few
 * thousand rows at most (29 tasks × a few dozen units × the periods), so it is read whole.
 */
export interface UnitOrganisation {
  id: string;
  name: string;
  kind: 'bureau' | 'department' | 'district';
  code: string;
  districtId: string | null;
  unit: string;
}

export interface SupervisionWorld {
  today: string;
  periods: Period[];
  current: Period | null;
  orgs: UnitOrganisation[];
  slots: ReportSlot[];
  reports: ReportFact[];
  index: Map<string, ReportFact>;
}

export function planPeriods(): Period[] {
  const s = currentPlan.supervision;
  return periodsOf(currentPlan.issued, currentPlan.horizon, s.frequency, s.dueAfterDays);
}

export async function unitOrganisations(db: Db | Tx): Promise<UnitOrganisation[]> {
  const found = await rows<Omit<UnitOrganisation, 'unit'>>(
    db,
    sql`
    select id, name, kind, code, district_id as "districtId" from organisations
    where kind in ('bureau', 'department', 'district') and status = 'active' order by kind, code`,
  );
  return found.map((o) => ({ ...o, unit: unitOf(o) ?? '' })).filter((o) => o.unit);
}

/**
 * The world at `now`. With `reportsOf`, only those organisations' reports are read (through the reports'
 * organisation index): a world fit for judging their own slots alone, as the home's to-do does for a district or
 * a department, instead of reading every unit's reports on each request.
 */
export async function loadSupervision(db: Db, now: Date, reportsOf?: readonly string[]): Promise<SupervisionWorld> {
  const today = todayOf(now);
  const periods = planPeriods();
  const only = reportsOf
    ? reportsOf.length
      ? sql`where organisation_id in (${sql.join(
          reportsOf.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`where false`
    : sql``;
  const [orgs, reports] = await Promise.all([
    unitOrganisations(db),
    rows<ReportFact>(
      db,
      sql`
      select task_no as "taskNo", period, organisation_id as "organisationId", late, status, score from task_reports ${only}`,
    ),
  ]);
  return {
    today,
    periods,
    current: currentPeriod(periods, today),
    orgs,
    reports,
    slots: reportSlots(currentPlan.tasks, orgs),
    index: reportIndex(reports),
  };
}

/** The slots a caller oversees: all for city-wide access, else those of its organisations or districts. */
export function slotsInScope(world: SupervisionWorld, access: Access): ReportSlot[] {
  if (access.kind === 'city') return world.slots;
  if (access.kind === 'none') return [];
  return world.slots.filter(
    (s) => access.organisationIds.includes(s.organisationId) || (s.districtId !== null && access.districtIds.includes(s.districtId)),
  );
}

/** The caller's organisations that stand for a plan unit (for reporting), given the report permission's access. */
export function actingUnits(world: Pick<SupervisionWorld, 'orgs'>, access: Access): UnitOrganisation[] {
  if (access.kind !== 'limited') return [];
  return world.orgs.filter((o) => access.organisationIds.includes(o.id));
}
