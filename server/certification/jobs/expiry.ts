import { todayOf } from '../../../core/calendar.ts';
import { AppError } from '../../../core/errors.ts';
import { createAuditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import type { JobHandler } from '../../platform/jobs/registry.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';
import { expireCase, lapsedCases } from '../repository/cases.ts';

export const CERTIFICATION_EXPIRE_JOB = 'certification.expire';

/**
 * Ends each certification past its validity (policy file certification.lifecycle.validityYears): the case moves
 * to `expired` through the lifecycle's named transition, audited, the register's status follows, and the
 * enterprise is told — all in one transaction per case, so a case the bureau changed meanwhile is simply left to
 * the next day's run.
 */
export async function expireCertifications(db: Db, now: Date) {
  const today = todayOf(now);
  let expired = 0;
  let skipped = 0;
  for (const c of await lapsedCases(db, today)) {
    try {
      await db.transaction(async (tx: Tx) => {
        const audit = createAuditor(tx, { actorUserId: null, actorName: '系统（认定到期）', actorOrganisationId: null, requestId: null });
        await expireCase(tx, audit, c.id, c.version, today, now);
        await deliverToOrganisations(tx, [
          {
            organisationId: c.enterpriseId,
            roles: ['enterprise_admin'],
            kind: 'certification.expired',
            dedupeKey: `certification.expired:${c.id}`,
            title: '产教融合型企业认定已到期',
            body: `贵企业的产教融合型企业认定有效期至${c.validUntil}，已到期，不再列入产教融合型企业名单。如需继续认定，可重新申报。`,
            link: '/certification/mine',
            detail: { caseId: c.id, validUntil: c.validUntil },
          },
        ]);
      });
      expired++;
    } catch (err) {
      // Changed since it was read (revoked, or another server's run got there first): not this run's to end.
      if (!(err instanceof AppError)) throw err;
      skipped++;
    }
  }
  return { date: today, expired, skipped };
}

export const certificationExpireJob: JobHandler = async ({ services, progress }) => {
  await progress({ done: 0, total: 1, message: '正在核对产教融合型企业认定有效期' });
  const result = await expireCertifications(services.database.db, services.now());
  await progress({ done: 1, total: 1, message: `${result.expired}家企业认定到期` });
  return result;
};

export const queueCertificationExpiry = (db: Db | Tx, idempotencyKey: string) =>
  submitJob(db, { kind: CERTIFICATION_EXPIRE_JOB, input: {}, idempotencyKey, createdBy: null, organisationId: null });
