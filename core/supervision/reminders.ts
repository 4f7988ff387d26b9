import type { ReminderRule } from '../plan/plan.ts';
import type { Period } from './periods.ts';
import { findReport, type ReportFact, type ReportSlot } from './slots.ts';

/**
 * Reminders of the task list's reports (三 17–18 调度、督导), as digests: one per organisation and period when
 * its reports fall due within `daysBefore`, and one per organisation every `overdueEveryDays` listing all it
 * still owes. A digest rather than one message per task, because a district owes reports on most of the 29
 * tasks at once. The dedupe key makes sending idempotent: the same day's run twice reminds nobody twice. Pure.
 */
export interface ReminderItem {
  taskNo: number;
  period: string;
  periodLabel: string;
  due: string;
}

export interface Reminder {
  organisationId: string;
  kind: 'report_due' | 'report_overdue';
  dedupeKey: string;
  title: string;
  body: string;
  link: string;
  items: ReminderItem[];
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

function taskList(items: readonly ReminderItem[]): string {
  const nos = [...new Set(items.map((i) => i.taskNo))].sort((a, b) => a - b);
  return nos.length > 10 ? `第${nos.slice(0, 10).join('、')}项等${nos.length}项任务` : `第${nos.join('、')}项任务`;
}

export function remindersDue(
  slots: readonly ReportSlot[],
  periods: readonly Period[],
  index: Map<string, ReportFact>,
  today: string,
  rule: ReminderRule,
): Reminder[] {
  const dueSoon = new Map<string, ReminderItem[]>();
  const overdue = new Map<string, ReminderItem[]>();
  const todayN = dayNumber(today);
  for (const p of periods) {
    const left = dayNumber(p.due) - todayN;
    const bucket = left < 0 ? overdue : left <= rule.daysBefore && p.start <= today ? dueSoon : null;
    if (!bucket) continue;
    for (const s of slots) {
      if (findReport(index, s, p.key)) continue;
      const key = bucket === overdue ? s.organisationId : `${s.organisationId}|${p.key}`;
      const list = bucket.get(key) ?? [];
      list.push({ taskNo: s.taskNo, period: p.key, periodLabel: p.label, due: p.due });
      bucket.set(key, list);
    }
  }
  const out: Reminder[] = [];
  for (const [key, items] of dueSoon) {
    const [organisationId, period] = key.split('|') as [string, string];
    const { periodLabel, due } = items[0]!;
    out.push({
      organisationId,
      kind: 'report_due',
      dedupeKey: `report_due:${period}`,
      items,
      link: '/tasks',
      title: `${periodLabel}任务进展报告将于${due}截止`,
      body: `本单位尚有${taskList(items)}的${periodLabel}进展报告未报送，请于${due}前报送。`,
    });
  }
  // One overdue digest per cycle of `overdueEveryDays` calendar days, counted from a fixed origin so that
  // every run inside a cycle finds the same key.
  const cycle = Math.floor(todayN / rule.overdueEveryDays);
  for (const [organisationId, items] of overdue) {
    const periodsOwed = new Set(items.map((i) => i.period)).size;
    out.push({
      organisationId,
      kind: 'report_overdue',
      dedupeKey: `report_overdue:${rule.overdueEveryDays}:${cycle}`,
      items,
      link: '/tasks',
      title: `有${items.length}份任务进展报告逾期未报送`,
      body: `本单位${taskList(items)}共${items.length}份进展报告（涉及${periodsOwed}个报送期）已过截止日期仍未报送，请尽快补报；逾期情况计入督导考核。`,
    });
  }
  return out.sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.dedupeKey.localeCompare(b.dedupeKey));
}
