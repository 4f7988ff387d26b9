import { todayOf } from '../../../core/calendar.ts';
import { annualReportReminders } from '../../../core/certification/reminders.ts';
import { certificationPolicy } from '../../../policy/index.ts';
import { createAuditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import type { JobHandler } from '../../platform/jobs/registry.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';
import { reportingCases } from '../repository/reporting.ts';

export const CERTIFICATION_REMIND_JOB = 'certification.remind';

/**
 * Reminds certified enterprises of the annual integration report due this year (policy file
 * certification.lifecycle: the due day and the reminder windows) through their inbox, with its audit row in the
 * same transaction. Delivery is idempotent by dedupe key (enterprise, year, window): a retried run tells nobody twice.
 */
export async function sendAnnualReportReminders(db: Db, now: Date, jobId: string | null) {
  const today = todayOf(now);
  const due = annualReportReminders(await reportingCases(db, { kind: 'city' }), today, certificationPolicy.lifecycle);
  return db.transaction(async (tx: Tx) => {
    const sent = await deliverToOrganisations(
      tx,
      due.map((r) => ({
        organisationId: r.enterpriseId,
        roles: ['enterprise_admin'],
        kind: 'certification.annualReport',
        dedupeKey: r.dedupeKey,
        title: r.title,
        body: r.body,
        link: '/certification/mine',
        detail: { caseId: r.caseId, year: r.year, dueOn: r.dueOn, step: r.step },
      })),
    );
    const result = { date: today, enterprises: due.length, ...sent };
    if (sent.delivered) {
      const audit = createAuditor(tx, { actorUserId: null, actorName: '系统（年度报告提醒）', actorOrganisationId: null, requestId: null });
      await audit.record({ action: 'certification.remind', entityType: 'job', entityId: jobId ?? today, after: result });
    }
    return result;
  });
}

export const certificationRemindJob: JobHandler = async ({ services, jobId, progress }) => {
  await progress({ done: 0, total: 1, message: '正在核对产教融合型企业年度报告' });
  const result = await sendAnnualReportReminders(services.database.db, services.now(), jobId);
  await progress({ done: 1, total: 1, message: `已向${result.recipients}人发送${result.delivered}条提醒` });
  return result;
};

/** Queued by the daily timer with the day as its key: several servers queue one run a day. */
export const queueCertificationReminders = (db: Db | Tx, idempotencyKey: string) =>
  submitJob(db, { kind: CERTIFICATION_REMIND_JOB, input: {}, idempotencyKey, createdBy: null, organisationId: null });
