import { remindersDue } from '../../../core/supervision/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import { createAuditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import type { JobHandler } from '../../platform/jobs/registry.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';
import { loadSupervision } from './world.ts';

export const SUPERVISION_REMIND_JOB = 'supervision.remind';

/** Everyone who may report for a unit hears of its reports: the bureau's, a department's or a district's staff. */
const REPORTING_ROLES = ['city_admin', 'department', 'district'] as const;

/**
 * Sends the reminders due today (policy file `supervision.reminders`) to the units' inboxes, in one
 * transaction with its audit row. Delivery is idempotent by dedupe key, so a retried or doubled run is harmless.
 */
export async function sendReminders(db: Db, now: Date, jobId: string | null) {
  const world = await loadSupervision(db, now);
  const due = remindersDue(world.slots, world.periods, world.index, world.today, currentPlan.supervision.reminders);
  return db.transaction(async (tx: Tx) => {
    const sent = await deliverToOrganisations(
      tx,
      due.map((r) => ({
        organisationId: r.organisationId,
        roles: REPORTING_ROLES,
        kind: r.kind,
        dedupeKey: r.dedupeKey,
        title: r.title,
        body: r.body,
        link: r.link,
        detail: { items: r.items },
      })),
    );
    const result = { date: world.today, organisations: new Set(due.map((r) => r.organisationId)).size, reminders: due.length, ...sent };
    if (sent.delivered) {
      const audit = createAuditor(tx, { actorUserId: null, actorName: '系统（督导提醒）', actorOrganisationId: null, requestId: null });
      await audit.record({ action: 'supervision.remind', entityType: 'job', entityId: jobId ?? world.today, after: result });
    }
    return result;
  });
}

export const supervisionRemindJob: JobHandler = async ({ services, jobId, progress }) => {
  await progress({ done: 0, total: 1, message: '正在核对各单位的报送情况' });
  const result = await sendReminders(services.database.db, services.now(), jobId);
  await progress({ done: 1, total: 1, message: `已向${result.recipients}人发送${result.delivered}条提醒` });
  return result;
};

/**
 * Queues a reminder run. The daily timer passes the day as its key, so several servers queue one run a day;
 * the bureau's button passes none and always runs (the dedupe keys still keep anyone from being told twice).
 */
export function queueReminders(db: Db | Tx, userId: string | null, idempotencyKey?: string) {
  return submitJob(db, {
    kind: SUPERVISION_REMIND_JOB,
    input: {},
    ...(idempotencyKey && { idempotencyKey }),
    createdBy: userId,
    organisationId: null,
  });
}
