import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Outcome, OutcomeIssue } from '../../../contracts/credit-bank.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { creditAccounts, creditLedger, learningOutcomes, organisations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { findAccountForIssue } from './accounts.ts';
import { appendLedgerEntries, toRow } from './ledger.ts';
import { accountScope, actingOrganisation, eitherScope, num } from './scope.ts';

/** An outcome is reached through its learner's account, or by the organisation that issued it. */
export const outcomeScope = (access: Access) =>
  eitherScope(access, accountScope(access), scopeWhere(access, { organisationId: learningOutcomes.issuerId }));

const columns = {
  o: learningOutcomes,
  accountNo: creditAccounts.accountNo,
  holderName: creditAccounts.holderName,
  issuerName: organisations.name,
};

function select(db: Db | Tx) {
  return db
    .select(columns)
    .from(learningOutcomes)
    .innerJoin(creditAccounts, eq(creditAccounts.id, learningOutcomes.accountId))
    .innerJoin(organisations, eq(organisations.id, learningOutcomes.issuerId));
}

function toOutcome(r: { o: typeof learningOutcomes.$inferSelect; accountNo: string; holderName: string; issuerName: string }): Outcome {
  const o = r.o;
  return {
    id: o.id,
    accountId: o.accountId,
    accountNo: r.accountNo,
    holderName: r.holderName,
    issuerId: o.issuerId,
    issuerName: r.issuerName,
    kind: o.kind,
    code: o.code,
    title: o.title,
    field: o.field,
    level: o.level,
    credits: num(o.credits),
    grade: o.grade,
    hours: o.hours,
    awardRank: o.awardRank,
    achievedOn: o.achievedOn,
    evidenceUrl: o.evidenceUrl,
    evidenceSha256: o.evidenceSha256,
    evidenceNote: o.evidenceNote,
    status: o.status,
    revokedReason: o.revokedReason,
    createdAt: o.createdAt.toISOString(),
  };
}

export async function listOutcomes(
  db: Db,
  access: Access,
  q: { accountId?: string; issuerId?: string; kind?: Outcome['kind']; page: number; pageSize: number },
) {
  const where = and(
    outcomeScope(access),
    q.accountId ? eq(learningOutcomes.accountId, q.accountId) : undefined,
    q.issuerId ? eq(learningOutcomes.issuerId, q.issuerId) : undefined,
    q.kind ? eq(learningOutcomes.kind, q.kind) : undefined,
  );
  const [found, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(learningOutcomes.achievedOn), desc(learningOutcomes.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(learningOutcomes)
        .innerJoin(creditAccounts, eq(creditAccounts.id, learningOutcomes.accountId))
        .where(where),
    ),
  ]);
  return { items: found.map(toOutcome), total, page: q.page, pageSize: q.pageSize };
}

export async function getOutcome(db: Db | Tx, access: Access, id: string): Promise<Outcome> {
  const [row] = await select(db).where(and(eq(learningOutcomes.id, id), outcomeScope(access)));
  if (!row) throw notFound('学习成果');
  return toOutcome(row);
}

/**
 * Issues an outcome to the account the learner named, and deposits it in the ledger in the same transaction.
 * The issuer's idempotency key makes a retry return the first outcome: nothing is written twice.
 */
export async function issueOutcome(
  tx: Tx,
  audit: Auditor,
  access: Access,
  body: OutcomeIssue,
  who: { userId: string | null; now: Date },
): Promise<Outcome> {
  const issuerId = actingOrganisation(access);
  if (!issuerId) throw validationFailed({ issuerId: '请以学校或企业身份签发学习成果' });
  const account = await findAccountForIssue(tx, body.accountNo);
  const { accountNo: _no, idempotencyKey, credits, ...facts } = body;
  const [created] = await tx
    .insert(learningOutcomes)
    .values({
      ...facts,
      accountId: account.id,
      issuerId,
      idempotencyKey,
      credits: credits === undefined ? null : String(credits),
      districtId: account.districtId,
      createdBy: who.userId,
    })
    .onConflictDoNothing()
    .returning({ id: learningOutcomes.id });
  if (!created) {
    const [prior] = await tx
      .select()
      .from(learningOutcomes)
      .where(and(eq(learningOutcomes.issuerId, issuerId), eq(learningOutcomes.idempotencyKey, idempotencyKey)));
    if (prior!.accountId !== account.id || prior!.title !== body.title) {
      throw new AppError('CONFLICT', '该幂等键已用于另一项学习成果，请换一个键', { fields: { idempotencyKey: '已被使用' } });
    }
    return getOutcome(tx, { kind: 'city' }, prior!.id);
  }
  await appendLedgerEntries(tx, [
    {
      accountId: account.id,
      kind: 'deposit',
      credits: credits ?? 0,
      outcomeId: created.id,
      transferItemId: null,
      ruleId: null,
      programId: null,
      courseCode: body.code ?? null,
      compensatesSeq: null,
      reason: null,
      idempotencyKey: `deposit:${created.id}`,
      createdAt: who.now,
      districtId: account.districtId,
      createdBy: who.userId,
    },
  ]);
  const outcome = await getOutcome(tx, { kind: 'city' }, created.id);
  await audit.record({
    action: 'issue',
    entityType: 'learningOutcome',
    entityId: created.id,
    after: { accountNo: outcome.accountNo, kind: outcome.kind, title: outcome.title, credits: outcome.credits },
  });
  return outcome;
}

/**
 * Revoking an outcome (issued in error, evidence withdrawn): the outcome is marked and every ledger entry that
 * rests on it is compensated; the original entries stay.
 */
export async function revokeOutcome(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  reason: string,
  who: { userId: string | null; now: Date },
) {
  // Only the issuer (or the bureau) revokes: the learner's school reads the outcome but did not issue it.
  const [row] = await tx
    .select()
    .from(learningOutcomes)
    .where(and(eq(learningOutcomes.id, id), scopeWhere(access, { organisationId: learningOutcomes.issuerId })));
  if (!row) throw notFound('学习成果');
  if (row.status === 'revoked') throw new AppError('CONFLICT', '该学习成果已撤销', { details: { reason: 'ALREADY_REVOKED' } });
  await tx.update(learningOutcomes).set({ status: 'revoked', revokedReason: reason }).where(eq(learningOutcomes.id, id));
  const entries = await tx
    .select()
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.outcomeId, id),
        isNull(creditLedger.compensatesSeq),
        sql`not exists (select 1 from credit_ledger c where c.compensates_seq = ${creditLedger.seq})`,
      ),
    );
  await appendLedgerEntries(
    tx,
    entries.map(toRow).map((e) => ({
      accountId: e.accountId,
      kind: 'compensation' as const,
      credits: -Number(e.credits),
      outcomeId: e.outcomeId,
      transferItemId: e.transferItemId,
      ruleId: e.ruleId,
      programId: e.programId,
      courseCode: e.courseCode,
      compensatesSeq: e.seq,
      reason: `成果撤销：${reason}`,
      idempotencyKey: `compensate:${e.seq}`,
      createdAt: who.now,
      districtId: row.districtId,
      createdBy: who.userId,
    })),
  );
  await audit.record({
    action: 'revoke',
    entityType: 'learningOutcome',
    entityId: id,
    before: { status: 'active' },
    after: { status: 'revoked', reason },
  });
  return getOutcome(tx, { kind: 'city' }, id);
}
