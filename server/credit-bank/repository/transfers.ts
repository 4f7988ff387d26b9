import { todayOf } from '../../../core/calendar.ts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { convertCredits, inForce, pickRule, ruleMatches, type OutcomeFacts } from '../../../core/credit-bank/rules.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Transfer, TransferCreate, TransferDecision } from '../../../contracts/credit-bank.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  creditAccounts,
  creditTransferItems,
  creditTransfers,
  learningOutcomes,
  organisations,
  programs,
  recognitionRules,
  students,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { uniqueViolation } from '../../platform/registry-guards.ts';
import { ownAccount } from './accounts.ts';
import { appendLedgerEntries } from './ledger.ts';
import { activeRulesFor, ruleRow, toRuleFacts } from './rules.ts';
import { accountScope, eitherScope, iso, num } from './scope.ts';

/** A transfer is reached by its learner (and the account's holder and district) and by the school asked. */
const transferScope = (access: Access) =>
  eitherScope(
    access,
    accountScope(access),
    scopeWhere(access, { organisationId: creditTransfers.schoolId, districtId: organisations.districtId }),
  );

type Who = { userId: string | null; now: Date };

function select(db: Db | Tx) {
  return db
    .select({
      t: creditTransfers,
      accountNo: creditAccounts.accountNo,
      holderName: creditAccounts.holderName,
      schoolName: organisations.name,
    })
    .from(creditTransfers)
    .innerJoin(creditAccounts, eq(creditAccounts.id, creditTransfers.accountId))
    .innerJoin(organisations, eq(organisations.id, creditTransfers.schoolId));
}

export async function listTransfers(
  db: Db,
  access: Access,
  q: { status?: 'inReview' | 'completed'; accountId?: string; page: number; pageSize: number },
) {
  const where = and(
    transferScope(access),
    q.status ? eq(creditTransfers.status, q.status) : undefined,
    q.accountId ? eq(creditTransfers.accountId, q.accountId) : undefined,
  );
  const counts = {
    itemCount: sql<number>`(select count(*)::int from credit_transfer_items i where i.transfer_id = ${creditTransfers.id})`,
    pendingCount: sql<number>`(select count(*)::int from credit_transfer_items i where i.transfer_id = ${creditTransfers.id} and i.status = 'pendingReview')`,
  };
  const [found, total] = await Promise.all([
    db
      .select({
        t: creditTransfers,
        accountNo: creditAccounts.accountNo,
        holderName: creditAccounts.holderName,
        schoolName: organisations.name,
        ...counts,
      })
      .from(creditTransfers)
      .innerJoin(creditAccounts, eq(creditAccounts.id, creditTransfers.accountId))
      .innerJoin(organisations, eq(organisations.id, creditTransfers.schoolId))
      .where(where)
      .orderBy(desc(creditTransfers.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(creditTransfers)
        .innerJoin(creditAccounts, eq(creditAccounts.id, creditTransfers.accountId))
        .innerJoin(organisations, eq(organisations.id, creditTransfers.schoolId))
        .where(where),
    ),
  ]);
  return {
    items: found.map((r) => ({ ...head(r), itemCount: r.itemCount, pendingCount: r.pendingCount })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function head(r: { t: typeof creditTransfers.$inferSelect; accountNo: string; holderName: string; schoolName: string }) {
  const t = r.t;
  return {
    id: t.id,
    accountId: t.accountId,
    accountNo: r.accountNo,
    holderName: r.holderName,
    schoolId: t.schoolId,
    schoolName: r.schoolName,
    programId: t.programId,
    status: t.status,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
    completedAt: iso(t.completedAt),
  };
}

export async function getTransfer(db: Db | Tx, access: Access, id: string): Promise<Transfer> {
  const [row] = await select(db).where(and(eq(creditTransfers.id, id), transferScope(access)));
  if (!row) throw notFound('学分转换申请');
  const items = await db
    .select({ i: creditTransferItems, title: learningOutcomes.title, kind: learningOutcomes.kind, version: recognitionRules.version })
    .from(creditTransferItems)
    .innerJoin(learningOutcomes, eq(learningOutcomes.id, creditTransferItems.outcomeId))
    .leftJoin(recognitionRules, eq(recognitionRules.id, creditTransferItems.ruleId))
    .where(eq(creditTransferItems.transferId, id))
    .orderBy(asc(learningOutcomes.achievedOn), asc(creditTransferItems.id));
  return {
    ...head(row),
    items: items.map(({ i, title, kind, version }) => ({
      id: i.id,
      outcomeId: i.outcomeId,
      outcomeTitle: title,
      outcomeKind: kind,
      status: i.status,
      ruleId: i.ruleId,
      ruleVersion: version,
      courseCode: i.courseCode,
      courseName: i.courseName,
      credits: num(i.credits),
      reason: i.reason,
      decidedAt: iso(i.decidedAt),
      ledgerSeq: i.ledgerSeq === null ? null : Number(i.ledgerSeq),
    })),
  };
}

/**
 * A learner (or their school) asks the school to recognise outcomes for a program the learner studies. Rules in
 * force today apply at once and their credits are posted; the rest wait for the registrar. All in one
 * transaction: a refused request leaves nothing behind.
 */
export async function createTransfer(tx: Tx, audit: Auditor, access: Access, body: TransferCreate, who: Who): Promise<Transfer> {
  const accountId = body.accountId ?? (access.kind === 'limited' && access.userId ? await ownAccount(tx, access.userId) : null);
  if (!accountId) throw validationFailed({ accountId: '请指定学习账户' });
  const [account] = await tx
    .select()
    .from(creditAccounts)
    .where(and(eq(creditAccounts.id, accountId), accountScope(access)));
  if (!account) throw notFound('学习账户');

  const [program] = await tx.select({ id: programs.id, schoolId: programs.schoolId }).from(programs).where(eq(programs.id, body.programId));
  if (!program) throw validationFailed({ programId: '专业不存在' });
  // The learner must study the program: credits are recognised toward a program one is enrolled in. A learner
  // who is not a student account-wise (an employee in training) may have enrolled since, e.g. in-service at a
  // higher vocational school: the same person is the student record with the same ID number (blind index).
  const [enrolled] = await tx
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.programId, program.id),
        eq(students.status, 'enrolled'),
        account.studentId ? eq(students.id, account.studentId) : eq(students.idNumberIndex, account.idNumberIndex),
      ),
    );
  if (!enrolled)
    throw validationFailed({ programId: '该学习者未在此专业就读，不能申请转入此专业的学分' }, '只能向本人就读的专业申请学分转换');

  if (body.idempotencyKey) {
    const [prior] = await tx
      .select({ id: creditTransfers.id })
      .from(creditTransfers)
      .where(and(eq(creditTransfers.accountId, accountId), eq(creditTransfers.idempotencyKey, body.idempotencyKey)));
    if (prior) return getTransfer(tx, { kind: 'city' }, prior.id);
  }

  const outcomeIds = [...new Set(body.outcomeIds)];
  const found = await tx.select().from(learningOutcomes).where(inArray(learningOutcomes.id, outcomeIds));
  const byId = new Map(found.map((o) => [o.id, o]));
  const already = await tx
    .select({ outcomeId: creditTransferItems.outcomeId })
    .from(creditTransferItems)
    .where(
      and(
        inArray(creditTransferItems.outcomeId, outcomeIds),
        eq(creditTransferItems.programId, program.id),
        sql`${creditTransferItems.status} <> 'rejected'`,
      ),
    );
  const taken = new Set(already.map((a) => a.outcomeId));
  const fields: Record<string, string> = {};
  const duplicates: Record<string, string> = {};
  outcomeIds.forEach((id, i) => {
    const o = byId.get(id);
    if (!o || o.accountId !== accountId) fields[`outcomeIds.${i}`] = '不是该账户的学习成果';
    else if (o.status !== 'active') fields[`outcomeIds.${i}`] = '该成果已撤销';
    else if (taken.has(id)) duplicates[`outcomeIds.${i}`] = ALREADY_REQUESTED;
  });
  if (Object.keys(fields).length) throw validationFailed({ ...fields, ...duplicates });
  if (Object.keys(duplicates).length) throw alreadyRequested(duplicates);

  const [transfer] = await tx
    .insert(creditTransfers)
    .values({
      accountId,
      schoolId: program.schoolId,
      programId: program.id,
      status: 'inReview',
      idempotencyKey: body.idempotencyKey ?? null,
      note: body.note ?? null,
      createdBy: who.userId,
    })
    .onConflictDoNothing()
    .returning();
  // The same key sent twice at once: the second waited for the first and now finds it.
  if (!transfer) {
    const [prior] = await tx
      .select({ id: creditTransfers.id })
      .from(creditTransfers)
      .where(and(eq(creditTransfers.accountId, accountId), eq(creditTransfers.idempotencyKey, body.idempotencyKey!)));
    return getTransfer(tx, { kind: 'city' }, prior!.id);
  }
  const rules = await activeRulesFor(tx, program.schoolId);
  const target = { schoolId: program.schoolId, programId: program.id, on: todayOf(who.now) };
  const planned = outcomeIds.map((id) => {
    const o = byId.get(id)!;
    const match = pickRule(rules, outcomeFacts(o), target);
    return { o, match };
  });
  const items = await insertItems(
    tx,
    planned.map(({ o, match }) => ({
      transferId: transfer!.id,
      outcomeId: o.id,
      programId: program.id,
      status: match ? ('autoRecognised' as const) : ('pendingReview' as const),
      ruleId: match?.rule.id ?? null,
      courseCode: match?.rule.targetCourseCode ?? null,
      courseName: match?.rule.targetCourseName ?? null,
      credits: match ? String(match.credits) : null,
      reason: match ? `按认定规则（第 ${match.rule.version} 版）自动认定` : '无适用的认定规则，转人工审核',
      decidedAt: match ? who.now : null,
    })),
    outcomeIds,
  );
  const auto = items.filter((i) => i.status === 'autoRecognised');
  await postRecognitions(tx, auto, accountId, account.districtId, who);
  if (auto.length === items.length) {
    await tx.update(creditTransfers).set({ status: 'completed', completedAt: who.now }).where(eq(creditTransfers.id, transfer!.id));
  }
  await audit.record({
    action: 'request',
    entityType: 'creditTransfer',
    entityId: transfer!.id,
    after: { accountId, programId: program.id, outcomes: items.length, autoRecognised: auto.length },
  });
  return getTransfer(tx, { kind: 'city' }, transfer!.id);
}

const ALREADY_REQUESTED = '该成果已申请或已认定到此专业';

/** The same outcome asked for the same program twice: a stable 409 whether the requests came one after another or at once. */
const alreadyRequested = (fields: Record<string, string>) =>
  new AppError('ALREADY_APPLIED', '所选成果已申请或已认定到此专业，请勿重复申请', { fields });

/**
 * Two identical requests at the same moment both pass the check above; on a PostgreSQL server the second then
 * meets the partial unique index (one live item per outcome and program) when the first commits. That is the
 * duplicate the check would have named, not a server error.
 */
async function insertItems(tx: Tx, values: (typeof creditTransferItems.$inferInsert)[], outcomeIds: string[]) {
  try {
    return await tx.insert(creditTransferItems).values(values).returning();
  } catch (err) {
    if (uniqueViolation(err) !== 'credit_transfer_items_outcome_program_uq') throw err;
    throw alreadyRequested(Object.fromEntries(outcomeIds.map((_, i) => [`outcomeIds.${i}`, ALREADY_REQUESTED])));
  }
}

function outcomeFacts(o: typeof learningOutcomes.$inferSelect): OutcomeFacts {
  return {
    id: o.id,
    issuerId: o.issuerId,
    kind: o.kind,
    code: o.code,
    field: o.field,
    level: o.level,
    credits: num(o.credits),
    hours: o.hours,
  };
}

async function postRecognitions(
  tx: Tx,
  items: (typeof creditTransferItems.$inferSelect)[],
  accountId: string,
  districtId: string | null,
  who: Who,
) {
  const entries = await appendLedgerEntries(
    tx,
    items.map((i) => ({
      accountId,
      kind: 'recognition' as const,
      credits: Number(i.credits),
      outcomeId: i.outcomeId,
      transferItemId: i.id,
      ruleId: i.ruleId,
      programId: i.programId,
      courseCode: i.courseCode,
      compensatesSeq: null,
      reason: i.reason,
      idempotencyKey: `recognition:${i.id}`,
      createdAt: who.now,
      districtId,
      createdBy: who.userId,
    })),
  );
  for (let k = 0; k < items.length; k++) {
    await tx.update(creditTransferItems).set({ ledgerSeq: entries[k]!.seq }).where(eq(creditTransferItems.id, items[k]!.id));
  }
}

/** The registrar's decision on one item that no rule covered: recognised (credits posted) or rejected, with a reason. */
export async function decideItem(
  tx: Tx,
  audit: Auditor,
  access: Access,
  transferId: string,
  itemId: string,
  d: TransferDecision,
  who: Who,
): Promise<Transfer> {
  // Only the school asked decides: the learner reaches the transfer but may not judge it.
  const [t] = await tx
    .select({ t: creditTransfers, districtId: creditAccounts.districtId })
    .from(creditTransfers)
    .innerJoin(creditAccounts, eq(creditAccounts.id, creditTransfers.accountId))
    .where(and(eq(creditTransfers.id, transferId), scopeWhere(access, { organisationId: creditTransfers.schoolId })));
  if (!t) throw notFound('学分转换申请');
  // Lock the item so that two registrars deciding at once do not both post.
  const [item] = await tx
    .select()
    .from(creditTransferItems)
    .where(and(eq(creditTransferItems.id, itemId), eq(creditTransferItems.transferId, transferId)))
    .for('update');
  if (!item) throw notFound('申请项');
  if (item.status !== 'pendingReview')
    throw new AppError('CONFLICT', '该项已有认定结果，如需更正请冲正账目', { details: { reason: 'ALREADY_DECIDED' } });
  let set: Partial<typeof creditTransferItems.$inferInsert>;
  if (d.decision === 'reject') {
    set = { status: 'rejected', reason: d.reason, decidedBy: who.userId, decidedAt: who.now };
  } else if (d.ruleId) {
    const rule = await ruleRow(tx, d.ruleId);
    if (!rule || rule.targetSchoolId !== t.t.schoolId) throw validationFailed({ ruleId: '规则不存在或不属于本校' });
    // Posting under an archived (or not yet agreed, or expired) rule is refused by name.
    if (rule.status === 'archived')
      throw new AppError('CONFLICT', `认定规则（第 ${rule.version} 版）已归档，不能据此认定学分`, {
        fields: { ruleId: '规则已归档' },
        details: { reason: 'RULE_ARCHIVED' },
      });
    const facts = toRuleFacts(rule);
    if (!inForce(facts, todayOf(who.now)))
      throw new AppError('CONFLICT', '认定规则未生效或已过有效期', {
        fields: { ruleId: '规则不在有效期内' },
        details: { reason: 'RULE_NOT_IN_FORCE' },
      });
    const [o] = await tx.select().from(learningOutcomes).where(eq(learningOutcomes.id, item.outcomeId));
    if (!ruleMatches(facts, outcomeFacts(o!), { schoolId: t.t.schoolId, programId: t.t.programId, on: todayOf(who.now) })) {
      throw validationFailed({ ruleId: '该规则不适用于此成果' });
    }
    set = {
      status: 'recognised',
      ruleId: rule.id,
      courseCode: rule.targetCourseCode,
      courseName: rule.targetCourseName,
      credits: String(convertCredits(facts, outcomeFacts(o!))),
      reason: d.reason,
      decidedBy: who.userId,
      decidedAt: who.now,
    };
  } else {
    set = {
      status: 'recognised',
      courseCode: d.courseCode!,
      courseName: d.courseName!,
      credits: String(d.credits!),
      reason: d.reason,
      decidedBy: who.userId,
      decidedAt: who.now,
    };
  }
  const [updated] = await tx.update(creditTransferItems).set(set).where(eq(creditTransferItems.id, itemId)).returning();
  if (updated!.status === 'recognised') await postRecognitions(tx, [updated!], t.t.accountId, t.districtId, who);
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(creditTransferItems)
    .where(and(eq(creditTransferItems.transferId, transferId), eq(creditTransferItems.status, 'pendingReview')));
  if (left!.n === 0)
    await tx.update(creditTransfers).set({ status: 'completed', completedAt: who.now }).where(eq(creditTransfers.id, transferId));
  await audit.record({
    action: 'decide',
    entityType: 'creditTransferItem',
    entityId: itemId,
    before: { status: 'pendingReview' },
    after: { status: updated!.status, credits: num(updated!.credits), reason: d.reason },
  });
  return getTransfer(tx, { kind: 'city' }, transferId);
}
