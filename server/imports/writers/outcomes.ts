import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { labelKey, type ImportIssue, type OutcomeRecord } from '../../../core/imports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { appendLedgerEntries } from '../../credit-bank/index.ts';
import { insertBatch } from '../sql-batch.ts';
import type { EntityWriter, Item } from './types.ts';

/**
 * 学习成果 issued in bulk. The rows are checked against the register before anything is written: the account
 * exists and is active, its holder is the person named, and the 业务编号 is either new or already names this
 * same outcome (a re-upload, which is left as it is). New outcomes are written with their ledger deposits and
 * audit rows in the import's one transaction.
 */
interface AccountRow {
  id: string;
  accountNo: string;
  holderName: string;
  districtId: string | null;
}
interface PriorRow {
  id: string;
  key: string;
  accountId: string;
  title: string;
}

async function accounts(db: Db | Tx, numbers: string[]): Promise<Map<string, AccountRow>> {
  const found = await rows<AccountRow>(
    db,
    sql`
    select id, account_no as "accountNo", holder_name as "holderName", district_id as "districtId"
    from credit_accounts where status = 'active' and account_no = any(${sql.param(numbers)}::text[])`,
  );
  return new Map(found.map((a) => [a.accountNo, a]));
}

async function priors(db: Db | Tx, issuerId: string, keys: string[]): Promise<Map<string, PriorRow>> {
  const found = await rows<PriorRow>(
    db,
    sql`
    select id, idempotency_key as key, account_id as "accountId", title from learning_outcomes
    where issuer_id = ${issuerId} and idempotency_key = any(${sql.param(keys)}::text[])`,
  );
  return new Map(found.map((p) => [p.key, p]));
}

/** Why a row cannot be issued, by column; none when it is new or a re-upload of the same outcome. */
function problems(b: Item<OutcomeRecord>, account: AccountRow | undefined, prior: PriorRow | undefined): ImportIssue[] {
  const r = b.record;
  if (!account) return [{ row: b.row, column: '学习账号', reason: `学习账号“${r.accountNo}”不存在或已销户，请向学习者核对` }];
  if (labelKey(account.holderName) !== labelKey(r.holderName)) {
    return [{ row: b.row, column: '姓名', reason: `学习账号${r.accountNo}的户名不是“${r.holderName}”，请核对账号是否填错` }];
  }
  if (prior && (prior.accountId !== account.id || prior.title !== r.title)) {
    return [
      { row: b.row, column: '业务编号', reason: `业务编号“${r.idempotencyKey}”已用于另一项学习成果（${prior.title}），请换一个编号` },
    ];
  }
  return [];
}

async function lookUp(db: Db | Tx, batch: readonly Item<OutcomeRecord>[]) {
  const issuerId = batch[0]!.record.issuerId;
  const [byNo, byKey] = await Promise.all([
    accounts(db, [...new Set(batch.map((b) => b.record.accountNo))]),
    priors(
      db,
      issuerId,
      batch.map((b) => b.record.idempotencyKey),
    ),
  ]);
  return { byNo, byKey };
}

type Insert = OutcomeRecord & { id: string; accountId: string; districtId: string | null; createdBy: string };

export const outcomeWriter: EntityWriter<OutcomeRecord> = {
  async conflicts(db, batch) {
    if (!batch.length) return [];
    const { byNo, byKey } = await lookUp(db, batch);
    return batch.flatMap((b) => problems(b, byNo.get(b.record.accountNo), byKey.get(b.record.idempotencyKey)));
  },

  async write(tx, batch, ctx, tally) {
    if (!batch.length) return;
    const { byNo, byKey } = await lookUp(tx, batch);
    const inserts: Insert[] = [];
    for (const b of batch) {
      const account = byNo.get(b.record.accountNo);
      const prior = byKey.get(b.record.idempotencyKey);
      const found = problems(b, account, prior);
      // Checked before writing too; a change since then (an account closed) means the file must be checked again.
      if (found.length) throw new AppError('CONFLICT', `第${b.row}行：${found[0]!.reason}。数据在校验后发生了变化，请重新导入`);
      if (prior) {
        tally.unchanged++;
        continue;
      }
      inserts.push({
        ...b.record,
        id: crypto.randomUUID(),
        accountId: account!.id,
        districtId: account!.districtId,
        createdBy: ctx.audit.actorUserId,
      });
    }
    await insertBatch<Insert>(tx, 'learning_outcomes', inserts, COLUMNS);
    await appendLedgerEntries(
      tx,
      inserts.map((o) => ({
        accountId: o.accountId,
        kind: 'deposit' as const,
        credits: o.credits ?? 0,
        outcomeId: o.id,
        transferItemId: null,
        ruleId: null,
        programId: null,
        courseCode: o.code ?? null,
        compensatesSeq: null,
        reason: null,
        idempotencyKey: `deposit:${o.id}`,
        createdAt: ctx.refs.today,
        districtId: o.districtId,
        createdBy: o.createdBy,
      })),
    );
    for (const o of inserts)
      ctx.audit.created('learningOutcome', o.id, {
        accountNo: o.accountNo,
        kind: o.kind,
        title: o.title,
        credits: o.credits ?? null,
        idempotencyKey: o.idempotencyKey,
      });
    await ctx.audit.flush(tx);
    tally.inserted += inserts.length;
  },
};

const COLUMNS = [
  { name: 'id', type: 'uuid', value: (r: Insert) => r.id },
  { name: 'account_id', type: 'uuid', value: (r: Insert) => r.accountId },
  { name: 'issuer_id', type: 'uuid', value: (r: Insert) => r.issuerId },
  { name: 'kind', type: 'text', value: (r: Insert) => r.kind },
  { name: 'code', type: 'text', value: (r: Insert) => r.code },
  { name: 'title', type: 'text', value: (r: Insert) => r.title },
  { name: 'field', type: 'text', value: (r: Insert) => r.field },
  { name: 'level', type: 'int', value: (r: Insert) => r.level },
  { name: 'credits', type: 'numeric', value: (r: Insert) => r.credits },
  { name: 'grade', type: 'text', value: (r: Insert) => r.grade },
  { name: 'hours', type: 'int', value: (r: Insert) => r.hours },
  { name: 'award_rank', type: 'text', value: (r: Insert) => r.awardRank },
  { name: 'achieved_on', type: 'date', value: (r: Insert) => r.achievedOn },
  { name: 'evidence_url', type: 'text', value: (r: Insert) => r.evidenceUrl },
  { name: 'evidence_note', type: 'text', value: (r: Insert) => r.evidenceNote },
  { name: 'idempotency_key', type: 'text', value: (r: Insert) => r.idempotencyKey },
  { name: 'district_id', type: 'uuid', value: (r: Insert) => r.districtId },
  { name: 'created_by', type: 'uuid', value: (r: Insert) => r.createdBy },
];
