import type { Period } from './periods.ts';
import { unitsOfTask, type TaskUnits } from './units.ts';

/**
 * Who owes which report: every organisation standing for one of a task's units owes one report per
 * period (各区县（市）人民政府 means each district government). Pure.
 */
export interface ReportSlot {
  taskNo: number;
  organisationId: string;
  unit: string;
  districtId: string | null;
}

export interface UnitOrg {
  id: string;
  unit: string;
  districtId: string | null;
}

export interface ReportFact {
  taskNo: number;
  period: string;
  organisationId: string;
  late: boolean;
  status: 'submitted' | 'rated';
  score: number | null;
}

export function reportSlots(tasks: ReadonlyArray<TaskUnits & { no: number }>, orgs: readonly UnitOrg[]): ReportSlot[] {
  const out: ReportSlot[] = [];
  for (const t of tasks) {
    for (const unit of unitsOfTask(t)) {
      for (const o of orgs) if (o.unit === unit) out.push({ taskNo: t.no, organisationId: o.id, unit, districtId: o.districtId });
    }
  }
  return out;
}

const key = (taskNo: number, period: string, org: string) => `${taskNo}|${period}|${org}`;

export function reportIndex(reports: readonly ReportFact[]): Map<string, ReportFact> {
  return new Map(reports.map((r) => [key(r.taskNo, r.period, r.organisationId), r]));
}

export const findReport = (index: Map<string, ReportFact>, s: ReportSlot, period: string) =>
  index.get(key(s.taskNo, period, s.organisationId));

/** Slot × period pairs past their due date with no report: the overdue list. */
export function overdue(slots: readonly ReportSlot[], periods: readonly Period[], index: Map<string, ReportFact>, today: string) {
  const out: Array<{ slot: ReportSlot; period: Period }> = [];
  for (const p of periods) {
    if (p.due >= today) continue;
    for (const s of slots) if (!findReport(index, s, p.key)) out.push({ slot: s, period: p });
  }
  return out;
}

/** Per organisation: report slots due so far, how many came on time, and the bureau's scores. */
export function timelinessOf(slots: readonly ReportSlot[], periods: readonly Period[], index: Map<string, ReportFact>, today: string) {
  const by = new Map<string, { dueSlots: number; onTime: number; scores: number[] }>();
  for (const s of slots) {
    const row = by.get(s.organisationId) ?? { dueSlots: 0, onTime: 0, scores: [] };
    by.set(s.organisationId, row);
    for (const p of periods) {
      const r = findReport(index, s, p.key);
      if (r?.score != null) row.scores.push(r.score);
      if (p.due >= today) continue;
      row.dueSlots += 1;
      if (r && !r.late) row.onTime += 1;
    }
  }
  return by;
}
