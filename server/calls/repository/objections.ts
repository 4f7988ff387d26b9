import { and, asc, eq, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type { Objection, ObjectionAnswer } from '../../../contracts/calls.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { callApplications, callObjections, calls, organisations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';
import { getApplication, type ApplicationAccess } from './applications.ts';

/**
 * 异议 during 公示 (issue 15 item 4): the applicant of a published decision objects once, with reasons, until the
 * call's objectionEndsOn (the policy's days after publication); the unit that manages the call answers each one.
 * The result is final when the period is over and nothing is pending. Another organisation's application, call or
 * objection is not found (404).
 */
const columns = {
  id: callObjections.id,
  callId: callObjections.callId,
  applicationId: callObjections.applicationId,
  applicationTitle: callApplications.title,
  applicantName: organisations.name,
  decision: callApplications.decision,
  reasons: callObjections.reasons,
  raisedAt: callObjections.raisedAt,
  status: callObjections.status,
  outcome: callObjections.outcome,
  answer: callObjections.answer,
  answeredAt: callObjections.answeredAt,
  version: callObjections.version,
};
const cst = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
const view = (r: Omit<Objection, 'raisedAt' | 'answeredAt'> & { raisedAt: Date; answeredAt: Date | null }): Objection => ({
  ...r,
  raisedAt: cst(r.raisedAt)!,
  answeredAt: cst(r.answeredAt),
});
const select = (db: Db | Tx) =>
  db
    .select(columns)
    .from(callObjections)
    .innerJoin(callApplications, eq(callApplications.id, callObjections.applicationId))
    .innerJoin(organisations, eq(organisations.id, callObjections.applicantOrganisationId));

/** The applicant objects to its published decision, within the period, once. */
export async function raiseObjection(
  tx: Tx,
  audit: Auditor,
  write: Access,
  userId: string,
  applicationId: string,
  reasons: string,
  now: Date,
) {
  const [row] = await tx
    .select({ app: callApplications, call: calls })
    .from(callApplications)
    .innerJoin(calls, eq(calls.id, callApplications.callId))
    .where(and(eq(callApplications.id, applicationId), scopeWhere(write, { organisationId: callApplications.applicantOrganisationId })))
    .for('update', { of: callApplications });
  if (!row) throw notFound('申报书');
  const { app, call } = row;
  if (call.status !== 'published' || !call.objectionEndsOn || app.status !== 'submitted')
    throw new AppError('RULE_VIOLATION', '立项结果公示后，已提交申报的单位才能提出异议', { fields: { objectionPeriod: '结果尚未公示' } });
  if (todayOf(now) > call.objectionEndsOn)
    throw new AppError('RULE_VIOLATION', `公示期已于 ${call.objectionEndsOn} 结束，不能再提出异议`, {
      fields: { objectionPeriod: `公示期至 ${call.objectionEndsOn}` },
    });
  const [created] = await tx
    .insert(callObjections)
    .values({
      callId: call.id,
      applicationId,
      applicantOrganisationId: app.applicantOrganisationId,
      reasons,
      raisedBy: userId,
      raisedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: callObjections.id });
  if (!created) throw new AppError('CONFLICT', '本申报已提出过异议，请等待答复', { fields: { reasons: '每份申报只能提出一次异议' } });
  await deliverToOrganisations(tx, [
    {
      organisationId: call.organisationId,
      roles: ['city_admin', 'department'] as const,
      kind: 'call_objection',
      dedupeKey: `call-objection:${created.id}`,
      title: `公示异议：${call.title}`,
      body: `申报“${app.title}”在公示期内提出异议，请答复。`,
      link: `/calls/${call.id}`,
      detail: { callId: call.id },
    },
  ]);
  await audit.record({ action: 'create', entityType: 'call_objection', entityId: created.id, after: { applicationId, reasons } });
  return objectionOf(tx, created.id);
}

async function objectionOf(db: Db | Tx, id: string) {
  const [r] = await select(db).where(eq(callObjections.id, id));
  return view(r!);
}

/** The objection to an application the caller reads (null while none was raised); another's application is not found. */
export async function myObjection(db: Db, a: ApplicationAccess, applicationId: string) {
  await getApplication(db, a, applicationId);
  const [r] = await select(db).where(eq(callObjections.applicationId, applicationId));
  return { objection: r ? view(r) : null };
}

/** Every objection to a call the caller manages, with whether its result is final. */
export async function callObjectionList(db: Db, manage: Access, callId: string, now: Date) {
  const [call] = await db
    .select({ status: calls.status, objectionEndsOn: calls.objectionEndsOn })
    .from(calls)
    .where(and(eq(calls.id, callId), scopeWhere(manage, { organisationId: calls.organisationId })));
  if (!call) throw notFound('申报指南');
  const items = (
    await select(db).where(eq(callObjections.callId, callId)).orderBy(asc(callObjections.raisedAt), asc(callObjections.id))
  ).map(view);
  const periodOver = !!call.objectionEndsOn && todayOf(now) > call.objectionEndsOn;
  const pending = items.filter((o) => o.status === 'pending').length;
  return {
    objectionEndsOn: call.objectionEndsOn,
    periodOver,
    pending,
    final: call.status === 'published' && periodOver && pending === 0,
    items,
  };
}

/** The managing unit answers an objection once, naming the version read; the applicant is told. */
export async function answerObjection(
  tx: Tx,
  audit: Auditor,
  manage: Access,
  userId: string,
  id: string,
  body: ObjectionAnswer,
  now: Date,
) {
  const [row] = await tx
    .select({ o: callObjections, call: calls })
    .from(callObjections)
    .innerJoin(calls, eq(calls.id, callObjections.callId))
    .where(and(eq(callObjections.id, id), scopeWhere(manage, { organisationId: calls.organisationId })))
    .for('update', { of: callObjections });
  if (!row) throw notFound('异议');
  if (row.o.status === 'answered') throw new AppError('INVALID_STATE', '该异议已答复');
  if (row.o.version !== body.version) throw versionConflict();
  await tx
    .update(callObjections)
    .set({
      status: 'answered',
      outcome: body.outcome,
      answer: body.answer,
      answeredBy: userId,
      answeredAt: now,
      version: sql`${callObjections.version} + 1`,
    })
    .where(eq(callObjections.id, id));
  await deliverToOrganisations(tx, [
    {
      organisationId: row.o.applicantOrganisationId,
      roles: ['school_admin', 'enterprise_admin'] as const,
      kind: 'call_objection_answer',
      dedupeKey: `call-objection-answer:${id}`,
      title: `异议答复：${row.call.title}`,
      body: `${body.outcome === 'upheld' ? '异议成立' : '异议不成立'}。${body.answer}`,
      link: `/calls/${row.call.id}`,
      detail: { callId: row.call.id },
    },
  ]);
  await audit.record({
    action: 'update',
    entityType: 'call_objection',
    entityId: id,
    before: { status: 'pending' },
    after: { status: 'answered', outcome: body.outcome, answer: body.answer },
  });
  return objectionOf(tx, id);
}
