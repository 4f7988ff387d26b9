import { sql } from 'drizzle-orm';
import { createChainVerifier, type ChainBreak } from '../../../core/credit-bank/ledger.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { sha256Hex } from '../crypto.ts';

interface RawEntry {
  seq: string | number;
  account_id: string;
  kind: 'deposit' | 'recognition' | 'compensation';
  credits: string;
  outcome_id: string | null;
  transfer_item_id: string | null;
  rule_id: string | null;
  program_id: string | null;
  course_code: string | null;
  compensates_seq: string | number | null;
  reason: string | null;
  idempotency_key: string;
  created_at: Date | string;
  prev_hash: string;
  hash: string;
}

/**
 * Recomputes the whole chain in keyset pages (`seq > last order by seq limit N`): one page in memory at a
 * time, whatever the ledger's size, on both engines. Stops at the first broken entry.
 */
export async function verifyLedger(
  db: Db,
  opts: { pageSize?: number; onProgress?: (count: number) => void } = {},
): Promise<{ count: number; broken: ChainBreak | null }> {
  const pageSize = opts.pageSize ?? 10_000;
  const verifier = createChainVerifier(sha256Hex);
  let after = 0;
  for (;;) {
    const page = await rows<RawEntry>(
      db,
      sql`
      select seq, account_id, kind, credits, outcome_id, transfer_item_id, rule_id, program_id, course_code, compensates_seq,
             reason, idempotency_key, created_at, prev_hash, hash
      from credit_ledger where seq > ${after} order by seq limit ${pageSize}`,
    );
    for (const r of page) {
      const broken = verifier.feed({
        seq: Number(r.seq),
        accountId: r.account_id,
        kind: r.kind,
        credits: r.credits,
        outcomeId: r.outcome_id,
        transferItemId: r.transfer_item_id,
        ruleId: r.rule_id,
        programId: r.program_id,
        courseCode: r.course_code,
        compensatesSeq: r.compensates_seq === null ? null : Number(r.compensates_seq),
        reason: r.reason,
        idempotencyKey: r.idempotency_key,
        createdAt: r.created_at,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
      if (broken) return { count: verifier.count, broken };
    }
    opts.onProgress?.(verifier.count);
    if (page.length < pageSize) break;
    after = Number(page.at(-1)!.seq);
  }
  const [head] = await rows<{ seq: string | number; hash: string }>(db, sql`select seq, hash from credit_ledger_head where id = 1`);
  const broken = verifier.finish(head ? { seq: Number(head.seq), hash: head.hash } : null);
  return { count: verifier.count, broken };
}
