import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { actingOrganisation, type Access, type Actor } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { checkAwards, objectionEndsOn, type CallKind } from '../../../core/calls/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import type { CallCreate, CallUpdate, DecisionRequest } from '../../../contracts/calls.ts';
import { callsPolicy, currentPlan } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { callApplicationPartners, callApplications, calls, enterprises, organisations, schools } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';
import { closeRound, openRound, roundResults } from '../../expert-review/index.ts';
import { queueRecompute } from '../../cockpit/index.ts';

export function kindOf(code: string): CallKind {
  const kind = callsPolicy.kinds.find((k) => k.code === code);
  if (!kind) throw validationFailed({ kind: `没有这一申报类别：${code}` });
  return kind;
}

export const kindView = (k: CallKind) => ({
  ...k,
  rules: k.rules as { code: string }[],
  targetName: currentPlan.targets.find((t) => t.code === k.target)?.name ?? k.target,
});

const submittedCount = sql<number>`(select count(*)::int from ${callApplications} a where a.call_id = ${calls.id} and a.status = 'submitted')`;
const fundedCount = sql<number>`(select count(*)::int from ${callApplications} a where a.call_id = ${calls.id} and a.decision = 'funded')`;
const awarded = sql<number>`(select coalesce(sum(a.award_yuan), 0)::float8 from ${callApplications} a where a.call_id = ${calls.id} and a.decision = 'funded')`;

const select = (db: Db | Tx) =>
  db
    .select({
      id: calls.id,
      kind: calls.kind,
      title: calls.title,
      description: calls.description,
      organisationId: calls.organisationId,
      organisationName: organisations.name,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      budgetYuan: calls.budgetYuan,
      status: calls.status,
      reviewRoundId: calls.reviewRoundId,
      publishedOn: calls.publishedOn,
      objectionEndsOn: calls.objectionEndsOn,
      submitted: submittedCount,
      funded: fundedCount,
      awardedYuan: awarded,
      version: calls.version,
    })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.organisationId));

const toView = <T extends { kind: string }>(r: T) => ({ ...r, kindName: callsPolicy.kinds.find((k) => k.code === r.kind)?.name ?? r.kind });

/** Drafts only for their owner's staff; every other call for everyone signed in. */
const visible = (manage: Access) =>
  manage.kind === 'city' ? undefined : or(ne(calls.status, 'draft'), scopeWhere(manage, { organisationId: calls.organisationId }));

export async function listCalls(
  db: Db,
  manage: Access,
  q: { page: number; pageSize: number; status?: string; kind?: string; mine?: 'true' | 'false' },
) {
  const where = and(
    visible(manage),
    // The calls this unit manages (a department its own, the bureau every one; an applicant none).
    q.mine === 'true' ? scopeWhere(manage, { organisationId: calls.organisationId }) : undefined,
    q.status ? eq(calls.status, q.status as 'open') : undefined,
    q.kind ? eq(calls.kind, q.kind) : undefined,
  );
  const [items, [count]] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(calls.opensOn), asc(calls.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(calls)
      .where(where),
  ]);
  return { items: items.map(toView), total: count!.n, page: q.page, pageSize: q.pageSize };
}

export async function getCall(db: Db | Tx, manage: Access, id: string) {
  const [row] = await select(db).where(and(eq(calls.id, id), visible(manage)));
  if (!row) throw notFound('申报指南');
  return toView(row);
}

/** The call as its owner manages it, locked for the rest of the transaction; another's call is not found. */
async function ownCall(tx: Tx, manage: Access, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), scopeWhere(manage, { organisationId: calls.organisationId })))
    .for('update');
  if (!row) throw notFound('申报指南');
  if (row.version !== version) throw versionConflict();
  return row;
}

const bump = (tx: Tx, id: string, set: Partial<typeof calls.$inferInsert>) =>
  tx
    .update(calls)
    .set({ ...set, version: sql`${calls.version} + 1` })
    .where(eq(calls.id, id));

export async function createCall(tx: Tx, audit: Auditor, actor: Actor, manage: Access, input: CallCreate) {
  kindOf(input.kind);
  const organisationId = actingOrganisation(actor, { resource: 'call', action: 'manage' });
  if (!organisationId) throw new AppError('FORBIDDEN', '您的账号不属于任何单位');
  const values = { ...input, organisationId };
  const [row] = await tx.insert(calls).values(values).returning({ id: calls.id });
  await audit.record({ action: 'create', entityType: 'call', entityId: row!.id, after: values });
  return getCall(tx, manage, row!.id);
}

export async function updateCall(tx: Tx, audit: Auditor, manage: Access, id: string, input: CallUpdate) {
  const before = await ownCall(tx, manage, id, input.version);
  if (before.status !== 'draft') throw new AppError('INVALID_STATE', '申报指南发布后不能修改');
  const { version: _v, ...changed } = input;
  const opensOn = changed.opensOn ?? before.opensOn;
  const closesOn = changed.closesOn ?? before.closesOn;
  if (closesOn < opensOn) throw validationFailed({ closesOn: '截止日期不能早于开始日期' });
  await bump(tx, id, changed);
  await audit.record({
    action: 'update',
    entityType: 'call',
    entityId: id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
    after: changed,
  });
  return getCall(tx, manage, id);
}

/**
 * Publishes the call: it takes applications from its opening day to its deadline, and the parties it is for get it
 * in their inbox (schools or enterprises of the kinds that may apply, meeting the rules the register decides alone:
 * level, ownership, integration status).
 */
export async function openCall(tx: Tx, audit: Auditor, manage: Access, id: string, version: number, now: Date) {
  const call = await ownCall(tx, manage, id, version);
  if (call.status !== 'draft') throw new AppError('INVALID_STATE', '只有草稿可以发布');
  const today = todayOf(now);
  if (call.closesOn < today) throw validationFailed({ closesOn: '截止日期已过，请先修改截止日期' });
  await bump(tx, id, { status: 'open' });
  const kind = kindOf(call.kind);
  const recipients: string[] = [];
  const levelRule = kind.rules.find((r) => r.code === 'school_level');
  const ownershipRule = kind.rules.find((r) => r.code === 'school_ownership');
  const integrationRule = kind.rules.find((r) => r.code === 'enterprise_integration');
  if (kind.applicants.includes('school')) {
    const rows = await tx
      .select({ id: schools.organisationId })
      .from(schools)
      .innerJoin(organisations, eq(organisations.id, schools.organisationId))
      .where(
        and(
          eq(organisations.status, 'active'),
          levelRule ? inArray(schools.level, levelRule.levels) : undefined,
          ownershipRule ? eq(schools.ownership, ownershipRule.ownership) : undefined,
        ),
      );
    recipients.push(...rows.map((r) => r.id));
  }
  if (kind.applicants.includes('enterprise')) {
    const rows = await tx
      .select({ id: enterprises.organisationId })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(
        and(
          eq(organisations.status, 'active'),
          integrationRule ? inArray(enterprises.integrationStatus, integrationRule.statuses) : undefined,
        ),
      );
    recipients.push(...rows.map((r) => r.id));
  }
  const { delivered } = await deliverToOrganisations(
    tx,
    recipients.map((organisationId) => ({
      organisationId,
      roles: ['school_admin', 'enterprise_admin'] as const,
      kind: 'call_open',
      dedupeKey: `call-open:${id}`,
      title: `项目申报：${call.title}`,
      body: `${kind.name}开始申报，截止日期 ${call.closesOn}。`,
      link: `/calls/${id}`,
      detail: { callId: id },
    })),
  );
  await audit.record({
    action: 'open',
    entityType: 'call',
    entityId: id,
    before: { status: 'draft' },
    after: { status: 'open', notified: delivered },
  });
  return getCall(tx, manage, id);
}

/** Blind review: the applicant's and partners' names, wherever the applicant wrote them, become neutral labels. */
function redact(text: string, names: { name: string; label: string }[]) {
  let out = text;
  for (const { name, label } of [...names].sort((a, b) => b.name.length - a.name.length))
    if (name.trim()) out = out.split(name).join(label);
  return out;
}

const summaryOf = (
  kind: CallKind,
  a: { requestedYuan: number; sections: unknown },
  partners: { name: string; part: string }[],
  blind: boolean,
) =>
  [
    `申请金额：${a.requestedYuan} 元`,
    ...kind.evidence.map((ev) => `【${ev.label}】\n${((a.sections as Record<string, string>)[ev.code] ?? '').trim()}`),
    `【合作单位】\n${partners.length ? partners.map((p, i) => `${blind ? `合作单位${i + 1}` : p.name}：${p.part}`).join('\n') : '无'}`,
  ].join('\n\n');

/**
 * After the deadline the call goes to review: its submitted applications, as submitted, become the subjects of a
 * review round (applicant names kept apart when the kind reviews blind).
 */
export async function startReview(tx: Tx, audit: Auditor, manage: Access, id: string, version: number, now: Date) {
  const call = await ownCall(tx, manage, id, version);
  if (call.status !== 'open') throw new AppError('INVALID_STATE', '只有申报中的指南可以进入评审');
  if (todayOf(now) <= call.closesOn) throw new AppError('RULE_VIOLATION', `申报截止日期 ${call.closesOn} 之后才能进入评审`);
  const kind = kindOf(call.kind);
  const apps = await tx
    .select({
      id: callApplications.id,
      title: callApplications.title,
      field: callApplications.field,
      requestedYuan: callApplications.requestedYuan,
      sections: callApplications.sections,
      applicantOrganisationId: callApplications.applicantOrganisationId,
      applicantName: organisations.name,
    })
    .from(callApplications)
    .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId))
    .where(and(eq(callApplications.callId, id), eq(callApplications.status, 'submitted')))
    .orderBy(asc(callApplications.id));
  const partners = apps.length
    ? await tx
        .select({
          applicationId: callApplicationPartners.applicationId,
          organisationId: callApplicationPartners.organisationId,
          name: organisations.name,
          part: callApplicationPartners.part,
        })
        .from(callApplicationPartners)
        .innerJoin(organisations, eq(organisations.id, callApplicationPartners.organisationId))
        .where(
          and(
            inArray(
              callApplicationPartners.applicationId,
              apps.map((a) => a.id),
            ),
            sql`${callApplicationPartners.confirmedAt} is not null`,
          ),
        )
        .orderBy(asc(organisations.nameSort), asc(organisations.id))
    : [];
  const partnersOf = Map.groupBy(partners, (p) => p.applicationId);
  const roundId = await openRound(
    tx,
    audit,
    {
      ownerKind: 'call',
      ownerId: id,
      organisationId: call.organisationId,
      title: call.title,
      rubric: kind.rubric,
      aggregation: kind.aggregation,
      expertsPerSubject: kind.expertsPerApplication,
      blind: kind.blind,
      heldOn: call.closesOn,
    },
    apps.map((a) => {
      const mine = partnersOf.get(a.id) ?? [];
      const names = [{ name: a.applicantName, label: '申报单位' }, ...mine.map((p, i) => ({ name: p.name, label: `合作单位${i + 1}` }))];
      const hide = (text: string) => (kind.blind ? redact(text, names) : text);
      return {
        subjectKind: 'call_application',
        subjectId: a.id,
        title: hide(a.title),
        summary: hide(summaryOf(kind, a, mine, kind.blind)),
        field: a.field,
        applicantOrganisationIds: [a.applicantOrganisationId, ...mine.map((p) => p.organisationId)],
        applicantNames: [a.applicantName, ...mine.map((p) => p.name)].join('、'),
      };
    }),
  );
  await bump(tx, id, { status: 'reviewing', reviewRoundId: roundId });
  await audit.record({
    action: 'startReview',
    entityType: 'call',
    entityId: id,
    before: { status: 'open' },
    after: { status: 'reviewing', reviewRoundId: roundId, applications: apps.length },
  });
  return getCall(tx, manage, id);
}

/** The ranking of a call under review or decided: the experts' aggregate per application, outliers counted. */
export async function callRanking(db: Db | Tx, manage: Access, id: string) {
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), scopeWhere(manage, { organisationId: calls.organisationId })));
  if (!call) throw notFound('申报指南');
  if (!call.reviewRoundId) throw new AppError('INVALID_STATE', '该申报指南尚未进入评审');
  const results = await roundResults(db, manage, call.reviewRoundId);
  const apps = await db
    .select({
      id: callApplications.id,
      requestedYuan: callApplications.requestedYuan,
      decision: callApplications.decision,
      awardYuan: callApplications.awardYuan,
    })
    .from(callApplications)
    .where(eq(callApplications.callId, id));
  const appOf = new Map(apps.map((a) => [a.id, a]));
  return {
    callId: id,
    status: call.status,
    budgetYuan: call.budgetYuan,
    version: call.version,
    items: results.subjects.map((s) => {
      const a = appOf.get(s.subjectId)!;
      return {
        applicationId: s.subjectId,
        title: s.title,
        applicantName: s.applicantNames,
        requestedYuan: a.requestedYuan,
        score: s.score,
        rank: s.rank,
        submittedSheets: s.submitted,
        outliers: s.sheets.filter((x) => x.outlier).length,
        decision: a.decision,
        awardYuan: a.awardYuan,
      };
    }),
  };
}

/**
 * 立项: the funded applications and their amounts, the whole within the budget, each within its request. The
 * ranking the decision stands on is stored with it (score, rank), scoring closes, and the call moves to decided.
 * The call row is locked and its version checked, so two clerks deciding at once cannot both win: the second
 * gets VERSION_CONFLICT and decides again on what the first did.
 */
export async function decideCall(tx: Tx, audit: Auditor, manage: Access, id: string, input: DecisionRequest, now: Date) {
  const call = await ownCall(tx, manage, id, input.version);
  if (call.status !== 'reviewing' && call.status !== 'decided')
    throw new AppError('INVALID_STATE', '只有评审中或已立项（未公示）的指南可以作出立项决定');
  const ranking = await callRanking(tx, manage, id);
  const byId = new Map(ranking.items.map((r) => [r.applicationId, r]));
  const unknown = input.awards.findIndex((a) => !byId.has(a.applicationId));
  if (unknown >= 0) throw validationFailed({ [`awards.${unknown}.applicationId`]: '不是本批已提交并进入评审的申报' });
  const { total, errors } = checkAwards(
    call.budgetYuan,
    input.awards.map((a) => ({ ...a, requestedYuan: byId.get(a.applicationId)!.requestedYuan })),
  );
  if (Object.keys(errors).length)
    throw new AppError('RULE_VIOLATION', errors.awards ?? '立项金额不能超过申请金额', {
      fields: errors,
      details: { totalYuan: total, budgetYuan: call.budgetYuan },
    });
  const awardOf = new Map(input.awards.map((a) => [a.applicationId, a.amountYuan]));
  // One statement for the whole ranking (thousands of applications), not one per application.
  for (let i = 0; i < ranking.items.length; i += 1000) {
    const part = ranking.items.slice(i, i + 1000);
    const values = sql.join(
      part.map((r) => {
        const amount = awardOf.get(r.applicationId) ?? null;
        return sql`(${r.applicationId}::uuid, ${r.score}::numeric, ${r.rank}::int, ${amount ? 'funded' : 'not_funded'}::text, ${amount}::bigint)`;
      }),
      sql`, `,
    );
    await tx.execute(sql`update ${callApplications} a set score = v.score, rank = v.rank, decision = v.decision, award_yuan = v.award,
      updated_at = ${now}, version = a.version + 1
      from (values ${values}) as v(id, score, rank, decision, award) where a.id = v.id`);
  }
  if (call.status === 'reviewing') await closeRound(tx, audit, call.reviewRoundId!);
  await bump(tx, id, { status: 'decided', decidedAt: now });
  await audit.record({
    action: 'decide',
    entityType: 'call',
    entityId: id,
    before: { status: call.status },
    after: { status: 'decided', funded: input.awards.length, totalYuan: total, awards: input.awards },
  });
  return callRanking(tx, manage, id);
}

/** Publishes the decision: on the public page from today, objections until the policy's period ends; applicants told. */
export async function publishCall(tx: Tx, audit: Auditor, manage: Access, id: string, version: number, now: Date) {
  const call = await ownCall(tx, manage, id, version);
  if (call.status !== 'decided') throw new AppError('INVALID_STATE', '立项决定作出后才能公示');
  const publishedOn = todayOf(now);
  const endsOn = objectionEndsOn(publishedOn, callsPolicy.objectionDays);
  await bump(tx, id, { status: 'published', publishedOn, objectionEndsOn: endsOn });
  const applicants = await tx
    .select({ organisationId: callApplications.applicantOrganisationId, decision: callApplications.decision })
    .from(callApplications)
    .where(and(eq(callApplications.callId, id), eq(callApplications.status, 'submitted')));
  await deliverToOrganisations(
    tx,
    applicants.map((a) => ({
      organisationId: a.organisationId,
      roles: ['school_admin', 'enterprise_admin'] as const,
      kind: 'call_result',
      dedupeKey: `call-result:${id}`,
      title: `评审结果公示：${call.title}`,
      body:
        a.decision === 'funded'
          ? `贵单位的申报已拟立项，公示期至 ${endsOn}。`
          : `贵单位的申报未获立项，公示期至 ${endsOn}，如有异议请在公示期内提出。`,
      link: `/calls/${id}`,
      detail: { callId: id },
    })),
  );
  // The funded projects now count toward the plan's targets: the indicators are recomputed.
  const job = await queueRecompute(tx, null, `call-published:${id}`);
  await audit.record({ action: 'submit', entityType: 'job', entityId: job.id, after: { reason: 'call-published' } });
  await audit.record({
    action: 'publish',
    entityType: 'call',
    entityId: id,
    before: { status: 'decided' },
    after: { status: 'published', publishedOn, objectionEndsOn: endsOn },
  });
  return getCall(tx, manage, id);
}

/** The public page: calls taking applications today and published results. */
export async function publicCalls(db: Db, now: Date) {
  const today = todayOf(now);
  const open = await db
    .select({
      id: calls.id,
      kind: calls.kind,
      title: calls.title,
      organisationName: organisations.name,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      budgetYuan: calls.budgetYuan,
    })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.organisationId))
    .where(and(eq(calls.status, 'open'), sql`${calls.closesOn} >= ${today}`))
    .orderBy(asc(calls.closesOn), asc(calls.id))
    .limit(100);
  const published = await db
    .select({
      id: calls.id,
      kind: calls.kind,
      title: calls.title,
      organisationName: organisations.name,
      publishedOn: calls.publishedOn,
      objectionEndsOn: calls.objectionEndsOn,
    })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.organisationId))
    .where(eq(calls.status, 'published'))
    .orderBy(desc(calls.publishedOn), asc(calls.id))
    .limit(50);
  const funded = published.length
    ? await db
        .select({
          callId: callApplications.callId,
          rank: callApplications.rank,
          title: callApplications.title,
          applicantName: organisations.name,
          awardYuan: callApplications.awardYuan,
        })
        .from(callApplications)
        .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId))
        .where(
          and(
            inArray(
              callApplications.callId,
              published.map((p) => p.id),
            ),
            eq(callApplications.decision, 'funded'),
          ),
        )
        .orderBy(asc(callApplications.rank), asc(callApplications.id))
    : [];
  const fundedOf = Map.groupBy(funded, (f) => f.callId);
  return {
    open: open.map(({ kind, ...r }) => ({ ...r, kindName: kindOf(kind).name })),
    results: published.map(({ kind, ...r }) => ({
      ...r,
      publishedOn: r.publishedOn!,
      kindName: kindOf(kind).name,
      funded: (fundedOf.get(r.id) ?? []).map(({ callId: _c, ...f }) => ({ ...f, awardYuan: f.awardYuan ?? 0 })),
    })),
  };
}
