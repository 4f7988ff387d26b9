import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { chainEntries, GENESIS_HASH, type LedgerFacts, type LedgerRow } from '../../../core/credit-bank/ledger.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { creditAccounts, creditLedger, creditLedgerHead } from '../../platform/db/schema/index.ts';
import { sha256Hex } from '../crypto.ts';
import { accountScope, iso } from './scope.ts';

export type NewLedgerEntry = Omit<LedgerFacts, 'seq'> & { districtId: string | null; createdBy: string | null };

/**
 * Appends entries to the chain inside the caller's transaction. The chain-head row is locked first
 * (`select … for update`), so concurrent appends on a PostgreSQL server queue up behind each other and each
 * sees the previous one's hash; PGlite runs one transaction at a time anyway. An entry whose idempotency key is
 * already in the ledger is not written again: the existing entry is returned in its place.
 */
export async function appendLedgerEntries(tx: Tx, entries: NewLedgerEntry[]): Promise<LedgerRow[]> {
  if (!entries.length) return [];
  await tx.insert(creditLedgerHead).values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await rows<{ seq: string | number; hash: string }>(
    tx,
    sql`select seq, hash from credit_ledger_head where id = 1 for update`,
  );
  const keys = entries.map((e) => e.idempotencyKey);
  const existing = new Map<string, LedgerRow>();
  for (let i = 0; i < keys.length; i += 5000) {
    const found = await tx
      .select()
      .from(creditLedger)
      .where(inArray(creditLedger.idempotencyKey, keys.slice(i, i + 5000)));
    for (const r of found) existing.set(r.idempotencyKey, toRow(r));
  }
  const seen = new Set<string>();
  const fresh = entries.filter((e) => !existing.has(e.idempotencyKey) && !seen.has(e.idempotencyKey) && seen.add(e.idempotencyKey));
  const chained = chainEntries({ seq: Number(head!.seq), hash: head!.hash }, fresh, sha256Hex);
  const extra = new Map(fresh.map((e) => [e.idempotencyKey, { districtId: e.districtId, createdBy: e.createdBy }]));
  // 20 columns a row: 2,000 rows stay well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < chained.length; i += 2000) {
    await tx.insert(creditLedger).values(
      chained.slice(i, i + 2000).map((r) => ({
        ...r,
        credits: String(r.credits),
        createdAt: new Date(r.createdAt),
        ...extra.get(r.idempotencyKey)!,
      })),
    );
  }
  const last = chained.at(-1);
  if (last) await tx.update(creditLedgerHead).set({ seq: last.seq, hash: last.hash }).where(eq(creditLedgerHead.id, 1));
  const byKey = new Map(chained.map((r) => [r.idempotencyKey, r]));
  return entries.map((e) => existing.get(e.idempotencyKey) ?? byKey.get(e.idempotencyKey)!);
}

export function toRow(r: typeof creditLedger.$inferSelect): LedgerRow {
  return {
    seq: Number(r.seq),
    accountId: r.accountId,
    kind: r.kind,
    credits: Number(r.credits),
    outcomeId: r.outcomeId,
    transferItemId: r.transferItemId,
    ruleId: r.ruleId,
    programId: r.programId,
    courseCode: r.courseCode,
    compensatesSeq: r.compensatesSeq === null ? null : Number(r.compensatesSeq),
    reason: r.reason,
    idempotencyKey: r.idempotencyKey,
    createdAt: r.createdAt,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

function toEntry(r: LedgerRow) {
  const { idempotencyKey: _key, ...rest } = r;
  return { ...rest, credits: Number(r.credits), createdAt: iso(r.createdAt)! };
}

export async function listLedger(db: Db, access: Access, q: { accountId?: string; afterSeq: number; limit: number }) {
  const found = await db
    .select({ l: creditLedger })
    .from(creditLedger)
    .innerJoin(creditAccounts, eq(creditAccounts.id, creditLedger.accountId))
    .where(and(accountScope(access), gt(creditLedger.seq, q.afterSeq), q.accountId ? eq(creditLedger.accountId, q.accountId) : undefined))
    .orderBy(asc(creditLedger.seq))
    .limit(q.limit);
  const items = found.map((r) => toEntry(toRow(r.l)));
  return { items, nextAfterSeq: items.length === q.limit ? items.at(-1)!.seq : null };
}

/**
 * A correction: a new entry with the opposite credits that names the entry it corrects. The original row is
 * never touched; an entry is compensated once (a retry returns the same compensation).
 */
export async function compensateEntry(
  tx: Tx,
  audit: Auditor,
  access: Access,
  seq: number,
  body: { reason: string; idempotencyKey?: string },
  who: { userId: string | null; now: Date },
) {
  const [found] = await tx
    .select({ l: creditLedger, districtId: creditAccounts.districtId })
    .from(creditLedger)
    .innerJoin(creditAccounts, eq(creditAccounts.id, creditLedger.accountId))
    .where(and(eq(creditLedger.seq, seq), accountScope(access)));
  if (!found) throw notFound('账目');
  const original = toRow(found.l);
  if (original.kind === 'compensation')
    throw new AppError('CONFLICT', '冲正条目不能再冲正，请另行登记', { details: { reason: 'COMPENSATION_OF_COMPENSATION' } });
  const key = body.idempotencyKey ?? `compensate:${seq}`;
  const [prior] = await tx.select().from(creditLedger).where(eq(creditLedger.compensatesSeq, seq));
  if (prior && prior.idempotencyKey !== key)
    throw new AppError('CONFLICT', `该条目已于第 ${prior.seq} 条冲正`, {
      details: { reason: 'ALREADY_COMPENSATED', seq: Number(prior.seq) },
    });
  const [entry] = await appendLedgerEntries(tx, [
    {
      accountId: original.accountId,
      kind: 'compensation',
      credits: -Number(original.credits),
      outcomeId: original.outcomeId,
      transferItemId: original.transferItemId,
      ruleId: original.ruleId,
      programId: original.programId,
      courseCode: original.courseCode,
      compensatesSeq: seq,
      reason: body.reason,
      idempotencyKey: key,
      createdAt: who.now,
      districtId: found.districtId,
      createdBy: who.userId,
    },
  ]);
  if (!prior)
    await audit.record({
      action: 'compensate',
      entityType: 'creditLedger',
      entityId: String(entry!.seq),
      after: { compensatesSeq: seq, credits: Number(entry!.credits), reason: body.reason },
    });
  return toEntry(entry!);
}

/** Balances of an account: credits deposited with outcomes and credits recognised for programs, net of corrections. */
export async function accountBalances(db: Db | Tx, accountIds: string[]) {
  if (!accountIds.length) return new Map<string, { deposited: number; recognised: number }>();
  const found = await db
    .select({
      accountId: creditLedger.accountId,
      deposited: sql<string>`coalesce(sum(${creditLedger.credits}) filter (where ${creditLedger.kind} = 'deposit' or (${creditLedger.kind} = 'compensation' and ${creditLedger.transferItemId} is null)), 0)`,
      recognised: sql<string>`coalesce(sum(${creditLedger.credits}) filter (where ${creditLedger.kind} = 'recognition' or (${creditLedger.kind} = 'compensation' and ${creditLedger.transferItemId} is not null)), 0)`,
    })
    .from(creditLedger)
    .where(inArray(creditLedger.accountId, accountIds))
    .groupBy(creditLedger.accountId);
  return new Map(found.map((r) => [r.accountId, { deposited: Number(r.deposited), recognised: Number(r.recognised) }]));
}
