import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { actingOrganisation, type Access, type Actor } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { checkEligibility, takesApplications, type ApplicantFacts } from '../../../core/calls/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import type { ApplicationUpdate } from '../../../contracts/calls.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  callApplicationMembers,
  callApplicationPartners,
  callApplications,
  calls,
  carrierPartners,
  carriers,
  enterprises,
  organisations,
  schools,
  teachers,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { kindOf } from './calls.ts';

/** Who reaches an application: its applicant and confirmed-or-not partners (read grant), their district, the call's owner. */
export interface ApplicationAccess {
  read: Access;
  manage: Access;
}

function reach(a: ApplicationAccess) {
  if (a.read.kind === 'city' || a.manage.kind === 'city') return undefined;
  const parts = [
    scopeWhere(a.read, { organisationId: callApplications.applicantOrganisationId, districtId: callApplications.districtId }),
    a.read.kind === 'limited' && a.read.organisationIds.length
      ? sql`exists (select 1 from ${callApplicationPartners} p where p.application_id = ${callApplications.id} and p.organisation_id = any(${sql.param(a.read.organisationIds)}::uuid[]))`
      : undefined,
    a.manage.kind === 'limited' && a.manage.organisationIds.length
      ? sql`${callApplications.callId} in (select c.id from ${calls} c where c.organisation_id = any(${sql.param(a.manage.organisationIds)}::uuid[]))`
      : undefined,
  ].filter((x) => x !== undefined);
  return parts.length ? or(...parts) : sql`false`;
}

const listColumns = {
  id: callApplications.id,
  callId: callApplications.callId,
  callTitle: calls.title,
  callKind: calls.kind,
  callStatus: calls.status,
  closesOn: calls.closesOn,
  applicantOrganisationId: callApplications.applicantOrganisationId,
  applicantName: organisations.name,
  title: callApplications.title,
  field: callApplications.field,
  requestedYuan: callApplications.requestedYuan,
  status: callApplications.status,
  submittedAt: callApplications.submittedAt,
  score: callApplications.score,
  rank: callApplications.rank,
  decision: callApplications.decision,
  awardYuan: callApplications.awardYuan,
  version: callApplications.version,
};

const base = (db: Db | Tx) =>
  db
    .select({ ...listColumns, sections: callApplications.sections })
    .from(callApplications)
    .innerJoin(calls, eq(calls.id, callApplications.callId))
    .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId));

const stamp = <T extends { submittedAt: Date | null }>(r: T) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null });

export async function listApplications(
  db: Db,
  a: ApplicationAccess,
  q: { page: number; pageSize: number; callId?: string; status?: string },
) {
  const where = and(
    reach(a),
    q.callId ? eq(callApplications.callId, q.callId) : undefined,
    q.status ? eq(callApplications.status, q.status as 'draft') : undefined,
  );
  const rows = await base(db)
    .where(where)
    .orderBy(desc(callApplications.updatedAt), asc(callApplications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(callApplications)
    .where(where);
  return { items: rows.map(({ sections: _s, ...r }) => stamp(r)), total: count!.n, page: q.page, pageSize: q.pageSize };
}

/** The register's facts an eligibility check reads. */
async function factsOf(db: Db | Tx, app: { id: string; applicantOrganisationId: string; sections: unknown }): Promise<ApplicantFacts> {
  const [org] = await db
    .select({ kind: organisations.kind, level: schools.level, ownership: schools.ownership, integration: enterprises.integrationStatus })
    .from(organisations)
    .leftJoin(schools, eq(schools.organisationId, organisations.id))
    .leftJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .where(eq(organisations.id, app.applicantOrganisationId));
  const partners = await db
    .select({ kind: organisations.kind })
    .from(callApplicationPartners)
    .innerJoin(organisations, eq(organisations.id, callApplicationPartners.organisationId))
    .where(and(eq(callApplicationPartners.applicationId, app.id), sql`${callApplicationPartners.confirmedAt} is not null`));
  const members = await db
    .select({ dualQualified: teachers.dualQualified })
    .from(callApplicationMembers)
    .innerJoin(teachers, eq(teachers.id, callApplicationMembers.teacherId))
    .where(
      and(
        eq(callApplicationMembers.applicationId, app.id),
        eq(teachers.schoolId, app.applicantOrganisationId),
        eq(teachers.status, 'active'),
      ),
    );
  return {
    organisationKind: org!.kind,
    schoolLevel: org!.level,
    schoolOwnership: org!.ownership,
    integrationStatus: org!.integration,
    confirmedPartners: partners.map((p) => ({ organisationKind: p.kind })),
    teamMembers: members,
    sections: (app.sections as Record<string, string>) ?? {},
  };
}

export async function getApplication(db: Db | Tx, a: ApplicationAccess, id: string) {
  const [row] = await base(db).where(and(eq(callApplications.id, id), reach(a)));
  if (!row) throw notFound('申报书');
  const partners = await db
    .select({
      organisationId: callApplicationPartners.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      part: callApplicationPartners.part,
      confirmedAt: callApplicationPartners.confirmedAt,
    })
    .from(callApplicationPartners)
    .innerJoin(organisations, eq(organisations.id, callApplicationPartners.organisationId))
    .where(eq(callApplicationPartners.applicationId, id))
    .orderBy(asc(organisations.nameSort), asc(organisations.id));
  const members = await db
    .select({ teacherId: teachers.id, name: teachers.name, dualQualified: teachers.dualQualified })
    .from(callApplicationMembers)
    .innerJoin(teachers, eq(teachers.id, callApplicationMembers.teacherId))
    .where(eq(callApplicationMembers.applicationId, id))
    .orderBy(asc(teachers.nameSort), asc(teachers.id));
  const failed = checkEligibility(kindOf(row.callKind), await factsOf(db, row));
  return {
    ...stamp(row),
    sections: row.sections as Record<string, string>,
    partners: partners.map((p) => ({ ...p, confirmedAt: p.confirmedAt?.toISOString() ?? null })),
    members,
    eligibility: { eligible: failed.length === 0, failed },
  };
}

const applicantOf = (actor: Actor) => actingOrganisation(actor, { resource: 'callApplication', action: 'write' });

/** What the register offers the applicant: its carriers' partners (to name as partners) and its teachers (a team). */
export async function prefill(db: Db, actor: Actor, callId: string) {
  const orgId = applicantOf(actor);
  const [call] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.id, callId), sql`${calls.status} <> 'draft'`));
  if (!call || !orgId) throw notFound('申报指南');
  const mine = sql`(select ${carriers.id} from ${carriers} where ${carriers.leadOrganisationId} = ${orgId} and ${carriers.archivedAt} is null
    union select ${carrierPartners.carrierId} from ${carrierPartners} where ${carrierPartners.organisationId} = ${orgId})`;
  const viaLead = await db
    .select({ organisationId: carrierPartners.organisationId, carrier: carriers.name })
    .from(carrierPartners)
    .innerJoin(carriers, eq(carriers.id, carrierPartners.carrierId))
    .where(sql`${carriers.id} in ${mine}`);
  const viaPartner = await db
    .select({ organisationId: carriers.leadOrganisationId, carrier: carriers.name })
    .from(carriers)
    .where(sql`${carriers.id} in ${mine}`);
  const ids = [...new Set([...viaLead, ...viaPartner].map((p) => p.organisationId).filter((id) => id !== orgId))];
  const orgs = ids.length
    ? await db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
        .from(organisations)
        .where(inArray(organisations.id, ids))
        .orderBy(asc(organisations.nameSort))
    : [];
  const via = new Map([...viaLead, ...viaPartner].map((p) => [p.organisationId, p.carrier]));
  const staff = await db
    .select({ teacherId: teachers.id, name: teachers.name, dualQualified: teachers.dualQualified })
    .from(teachers)
    .where(and(eq(teachers.schoolId, orgId), eq(teachers.status, 'active')))
    .orderBy(desc(teachers.dualQualified), asc(teachers.nameSort))
    .limit(500);
  const [ent] = await db.select({ cluster: enterprises.clusterCode }).from(enterprises).where(eq(enterprises.organisationId, orgId));
  return {
    partners: orgs.map((o) => ({ organisationId: o.id, name: o.name, kind: o.kind, via: via.get(o.id) ?? '' })),
    teachers: staff,
    clusterCode: ent?.cluster ?? null,
  };
}

/** Starts the applicant's draft for an open call (one per applicant and call). */
export async function createApplication(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  a: ApplicationAccess,
  callId: string,
  title: string | undefined,
  now: Date,
) {
  const orgId = applicantOf(actor);
  const [call] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.id, callId), sql`${calls.status} <> 'draft'`));
  if (!call || !orgId) throw notFound('申报指南');
  if (!takesApplications(call, todayOf(now)))
    throw new AppError('RULE_VIOLATION', `本批申报时间为 ${call.opensOn} 至 ${call.closesOn}，现在不接受申报`);
  const kind = kindOf(call.kind);
  const [org] = await tx
    .select({ name: organisations.name, kind: organisations.kind, districtId: organisations.districtId, cluster: enterprises.clusterCode })
    .from(organisations)
    .leftJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .where(eq(organisations.id, orgId));
  if (!(kind.applicants as string[]).includes(org!.kind))
    throw new AppError('RULE_VIOLATION', `本类项目限${kind.applicants.map((k) => (k === 'school' ? '学校' : '企业')).join('或')}申报`, {
      details: { failed: [{ rule: 'applicant_kind' }] },
    });
  const values = {
    callId,
    applicantOrganisationId: orgId,
    districtId: org!.districtId,
    title: title ?? kind.name,
    field: org!.cluster,
    requestedYuan: 0,
    sections: Object.fromEntries(kind.evidence.map((e) => [e.code, ''])),
  };
  const inserted = await tx.insert(callApplications).values(values).onConflictDoNothing().returning({ id: callApplications.id });
  if (!inserted.length) throw new AppError('ALREADY_APPLIED', '贵单位已在本批次申报，请编辑已有的申报书');
  await audit.record({ action: 'create', entityType: 'call_application', entityId: inserted[0]!.id, after: values });
  return getApplication(tx, a, inserted[0]!.id);
}

/** The applicant's own application, locked, for an edit; another's is not found. */
async function ownApplication(tx: Tx, write: Access, id: string, version: number | null) {
  const [row] = await tx
    .select({ app: callApplications, call: calls })
    .from(callApplications)
    .innerJoin(calls, eq(calls.id, callApplications.callId))
    .where(and(eq(callApplications.id, id), scopeWhere(write, { organisationId: callApplications.applicantOrganisationId })))
    .for('update', { of: callApplications });
  if (!row) throw notFound('申报书');
  if (version !== null && row.app.version !== version) throw versionConflict();
  return row;
}

export async function updateApplication(
  tx: Tx,
  audit: Auditor,
  write: Access,
  a: ApplicationAccess,
  id: string,
  input: ApplicationUpdate,
  now: Date,
) {
  const { app, call } = await ownApplication(tx, write, id, input.version);
  if (app.status !== 'draft')
    throw new AppError('INVALID_STATE', app.status === 'submitted' ? '已提交的申报书不能修改，请先撤回' : '已撤回的申报书不能修改');
  if (!takesApplications(call, todayOf(now))) throw new AppError('RULE_VIOLATION', `申报已于 ${call.closesOn} 截止`);
  const kind = kindOf(call.kind);
  const changed: Record<string, unknown> = {};
  if (input.title !== undefined) changed.title = input.title;
  if (input.field !== undefined) changed.field = input.field;
  if (input.requestedYuan !== undefined) {
    if (input.requestedYuan > call.budgetYuan) throw validationFailed({ requestedYuan: `申请金额不能超过本批预算 ${call.budgetYuan} 元` });
    changed.requestedYuan = input.requestedYuan;
  }
  if (input.sections !== undefined) {
    const codes = new Set(kind.evidence.map((e) => e.code));
    const bad = Object.keys(input.sections).find((c) => !codes.has(c));
    if (bad) throw validationFailed({ [`sections.${bad}`]: '本类申报没有这一部分' });
    changed.sections = { ...(app.sections as Record<string, string>), ...input.sections };
  }
  if (input.partners !== undefined) {
    const ids = input.partners.map((p) => p.organisationId);
    if (new Set(ids).size !== ids.length) throw validationFailed({ partners: '同一合作单位不能重复' });
    if (ids.includes(app.applicantOrganisationId)) throw validationFailed({ partners: '申报单位本身不是合作单位' });
    const found = ids.length
      ? await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            and(inArray(organisations.id, ids), inArray(organisations.kind, ['school', 'enterprise']), eq(organisations.status, 'active')),
          )
      : [];
    const missing = input.partners.findIndex((p) => !found.some((f) => f.id === p.organisationId));
    if (missing >= 0) throw validationFailed({ [`partners.${missing}.organisationId`]: '合作单位须是在册的学校或企业' });
    const before = await tx.select().from(callApplicationPartners).where(eq(callApplicationPartners.applicationId, id));
    await tx.delete(callApplicationPartners).where(eq(callApplicationPartners.applicationId, id));
    if (input.partners.length)
      await tx.insert(callApplicationPartners).values(
        input.partners.map((p) => {
          const old = before.find((b) => b.organisationId === p.organisationId);
          // A partner's confirmation stands only for the part it confirmed.
          return {
            applicationId: id,
            organisationId: p.organisationId,
            part: p.part,
            confirmedAt: old && old.part === p.part ? old.confirmedAt : null,
          };
        }),
      );
    changed.partners = input.partners;
  }
  if (input.memberTeacherIds !== undefined) {
    const ids = [...new Set(input.memberTeacherIds)];
    const found = ids.length
      ? await tx
          .select({ id: teachers.id })
          .from(teachers)
          .where(and(inArray(teachers.id, ids), eq(teachers.schoolId, app.applicantOrganisationId), eq(teachers.status, 'active')))
      : [];
    if (found.length !== ids.length) throw validationFailed({ memberTeacherIds: '团队成员须是本校在册教师' });
    await tx.delete(callApplicationMembers).where(eq(callApplicationMembers.applicationId, id));
    if (ids.length) await tx.insert(callApplicationMembers).values(ids.map((teacherId) => ({ applicationId: id, teacherId })));
    changed.memberTeacherIds = ids;
  }
  const { partners: _p, memberTeacherIds: _m, ...columns } = changed;
  await tx
    .update(callApplications)
    .set({ ...(columns as Partial<typeof callApplications.$inferInsert>), updatedAt: now, version: sql`${callApplications.version} + 1` })
    .where(eq(callApplications.id, id));
  await audit.record({ action: 'update', entityType: 'call_application', entityId: id, after: changed });
  return getApplication(tx, a, id);
}

/** Submits before the deadline; refused while any rule fails, each named. */
export async function submitApplication(
  tx: Tx,
  audit: Auditor,
  write: Access,
  a: ApplicationAccess,
  id: string,
  version: number,
  now: Date,
) {
  const { app, call } = await ownApplication(tx, write, id, version);
  if (app.status !== 'draft') throw new AppError('INVALID_STATE', app.status === 'submitted' ? '申报书已提交' : '已撤回的申报书不能提交');
  if (!takesApplications(call, todayOf(now))) throw new AppError('RULE_VIOLATION', `申报已于 ${call.closesOn} 截止，不能再提交`);
  if (app.requestedYuan <= 0) throw validationFailed({ requestedYuan: '请填写申请金额' });
  const failed = checkEligibility(kindOf(call.kind), await factsOf(tx, app));
  if (failed.length)
    throw new AppError('RULE_VIOLATION', `不符合申报条件：${failed.map((f) => f.message).join('；')}`, {
      fields: Object.fromEntries(failed.map((f) => [f.rule, f.message])),
      details: { failed },
    });
  await tx
    .update(callApplications)
    .set({ status: 'submitted', submittedAt: now, updatedAt: now, version: sql`${callApplications.version} + 1` })
    .where(eq(callApplications.id, id));
  await audit.record({
    action: 'submit',
    entityType: 'call_application',
    entityId: id,
    before: { status: 'draft' },
    after: { status: 'submitted' },
  });
  return getApplication(tx, a, id);
}

/** Withdraws a draft or a submitted application while the call still takes applications. */
export async function withdrawApplication(
  tx: Tx,
  audit: Auditor,
  write: Access,
  a: ApplicationAccess,
  id: string,
  version: number,
  now: Date,
) {
  const { app, call } = await ownApplication(tx, write, id, version);
  if (app.status === 'withdrawn') throw new AppError('INVALID_STATE', '申报书已撤回');
  if (call.status !== 'open' || todayOf(now) > call.closesOn) throw new AppError('RULE_VIOLATION', '申报截止后不能撤回（已进入评审）');
  await tx
    .update(callApplications)
    .set({ status: 'withdrawn', updatedAt: now, version: sql`${callApplications.version} + 1` })
    .where(eq(callApplications.id, id));
  await audit.record({
    action: 'withdraw',
    entityType: 'call_application',
    entityId: id,
    before: { status: app.status },
    after: { status: 'withdrawn' },
  });
  return getApplication(tx, a, id);
}

/** A partner confirms its part of a draft (its administrator, for its own organisation). */
export async function confirmPartner(tx: Tx, audit: Auditor, write: Access, a: ApplicationAccess, id: string, now: Date) {
  if (write.kind !== 'limited' || !write.organisationIds.length) throw notFound('申报书');
  const [row] = await tx
    .select({
      status: callApplications.status,
      organisationId: callApplicationPartners.organisationId,
      confirmedAt: callApplicationPartners.confirmedAt,
    })
    .from(callApplicationPartners)
    .innerJoin(callApplications, eq(callApplications.id, callApplicationPartners.applicationId))
    .where(and(eq(callApplicationPartners.applicationId, id), inArray(callApplicationPartners.organisationId, write.organisationIds)));
  if (!row) throw notFound('申报书');
  if (row.status !== 'draft') throw new AppError('INVALID_STATE', '申报书已提交或撤回，不能再确认');
  if (!row.confirmedAt) {
    await tx
      .update(callApplicationPartners)
      .set({ confirmedAt: now })
      .where(and(eq(callApplicationPartners.applicationId, id), eq(callApplicationPartners.organisationId, row.organisationId)));
    await tx
      .update(callApplications)
      .set({ version: sql`${callApplications.version} + 1` })
      .where(eq(callApplications.id, id));
    await audit.record({ action: 'confirm', entityType: 'call_application', entityId: id, after: { partner: row.organisationId } });
  }
  return getApplication(tx, a, id);
}
