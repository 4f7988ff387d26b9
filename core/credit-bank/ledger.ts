import { canonicalize } from './jcs.ts';
import type { LedgerKind } from './kinds.ts';

/**
 * The tamper-evident ledger: each entry's hash covers its own facts and the previous entry's hash, so editing,
 * deleting or reordering any row breaks every hash after it. The hash function is passed in (the core does no
 * I/O); the server uses SHA-256 hex.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerFacts {
  seq: number;
  accountId: string;
  kind: LedgerKind;
  /** Signed, two decimals; a compensation carries the opposite sign of the entry it corrects. */
  credits: number | string;
  outcomeId: string | null;
  transferItemId: string | null;
  ruleId: string | null;
  programId: string | null;
  courseCode: string | null;
  compensatesSeq: number | null;
  reason: string | null;
  idempotencyKey: string;
  createdAt: Date | string;
}

export interface LedgerRow extends LedgerFacts {
  prevHash: string;
  hash: string;
}

export type HashHex = (text: string) => string;

/** Credits as the ledger writes them: two decimals, so "2.5", 2.5 and "2.50" hash alike. */
export function formatCredits(credits: number | string): string {
  const n = typeof credits === 'number' ? credits : Number(credits);
  if (!Number.isFinite(n)) throw new TypeError(`credits ${credits} is not a number`);
  const s = (Math.round(n * 100) / 100).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** The text an entry's hash is computed over: JCS of its facts and the previous hash. */
export function entryHashInput(facts: LedgerFacts, prevHash: string): string {
  return canonicalize({
    seq: facts.seq,
    accountId: facts.accountId,
    kind: facts.kind,
    credits: formatCredits(facts.credits),
    outcomeId: facts.outcomeId,
    transferItemId: facts.transferItemId,
    ruleId: facts.ruleId,
    programId: facts.programId,
    courseCode: facts.courseCode,
    compensatesSeq: facts.compensatesSeq,
    reason: facts.reason,
    idempotencyKey: facts.idempotencyKey,
    createdAt: typeof facts.createdAt === 'string' ? new Date(facts.createdAt).toISOString() : facts.createdAt.toISOString(),
    prevHash,
  });
}

/** Chains new entries after the head: numbers them and computes their hashes in order. */
export function chainEntries(head: { seq: number; hash: string }, entries: Omit<LedgerFacts, 'seq'>[], hash: HashHex): LedgerRow[] {
  let seq = head.seq;
  let prev = head.hash;
  return entries.map((e) => {
    seq += 1;
    const facts = { ...e, seq };
    const h = hash(entryHashInput(facts, prev));
    const row = { ...facts, prevHash: prev, hash: h };
    prev = h;
    return row;
  });
}

export type ChainBreak = { seq: number; problem: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch'; expected: string; found: string };

/**
 * Streaming verification: feed entries in seq order; it keeps only the last hash, so memory stays constant
 * however long the chain. Returns the first break, after which the verifier stays broken.
 */
export function createChainVerifier(hash: HashHex) {
  let count = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let broken: ChainBreak | null = null;
  return {
    feed(row: LedgerRow): ChainBreak | null {
      if (broken) return broken;
      if (row.seq !== lastSeq + 1) broken = { seq: row.seq, problem: 'seq_gap', expected: String(lastSeq + 1), found: String(row.seq) };
      else if (row.prevHash !== lastHash) broken = { seq: row.seq, problem: 'prev_hash_mismatch', expected: lastHash, found: row.prevHash };
      else {
        const h = hash(entryHashInput(row, row.prevHash));
        if (h !== row.hash) broken = { seq: row.seq, problem: 'hash_mismatch', expected: h, found: row.hash };
      }
      if (broken) return broken;
      count += 1;
      lastSeq = row.seq;
      lastHash = row.hash;
      return null;
    },
    /** After the last row: the head row's figures must match, or rows were cut off the end. */
    finish(head: { seq: number; hash: string } | null): ChainBreak | null {
      if (broken) return broken;
      if (head && (head.seq !== lastSeq || head.hash !== lastHash)) {
        broken = { seq: head.seq, problem: 'seq_gap', expected: `head ${head.seq}`, found: `last entry ${lastSeq}` };
      }
      return broken;
    },
    get count() {
      return count;
    },
    get lastHash() {
      return lastHash;
    },
  };
}

export const CHAIN_BREAK_LABELS: Record<ChainBreak['problem'], string> = {
  seq_gap: '序号不连续（条目被删除或插入）',
  prev_hash_mismatch: '前一条目的哈希不一致（条目被删除、插入或改动）',
  hash_mismatch: '条目哈希与内容不符（条目内容被改动）',
};
