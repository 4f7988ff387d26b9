import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import {
  chainEntries,
  createChainVerifier,
  entryHashInput,
  formatCredits,
  GENESIS_HASH,
  type LedgerFacts,
} from '../../core/credit-bank/ledger.ts';

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const facts = (i: number): Omit<LedgerFacts, 'seq'> => ({
  accountId: '00000000-0000-4000-8000-000000000001',
  kind: 'deposit',
  credits: i % 3 === 0 ? 2.5 : '1.00',
  outcomeId: null,
  transferItemId: null,
  ruleId: null,
  programId: null,
  courseCode: `C${i}`,
  compensatesSeq: null,
  reason: null,
  idempotencyKey: `k${i}`,
  createdAt: new Date(1_700_000_000_000 + i * 1000),
});

test('credits hash alike however they are written', () => {
  assert.equal(formatCredits(2.5), '2.50');
  assert.equal(formatCredits('2.5'), '2.50');
  assert.equal(formatCredits(-0), '0.00');
  assert.equal(formatCredits('-1.005'), '-1.00');
  const a = entryHashInput({ ...facts(3), seq: 1, credits: 2.5 }, GENESIS_HASH);
  const b = entryHashInput({ ...facts(3), seq: 1, credits: '2.50', createdAt: new Date(facts(3).createdAt).toISOString() }, GENESIS_HASH);
  assert.equal(a, b);
});

test('a chain built in two batches verifies; each entry carries the previous hash', () => {
  const first = chainEntries({ seq: 0, hash: GENESIS_HASH }, [facts(1), facts(2)], sha);
  const second = chainEntries({ seq: 2, hash: first[1]!.hash }, [facts(3)], sha);
  const all = [...first, ...second];
  assert.deepEqual(
    all.map((r) => r.seq),
    [1, 2, 3],
  );
  assert.equal(all[0]!.prevHash, GENESIS_HASH);
  assert.equal(all[2]!.prevHash, all[1]!.hash);
  const v = createChainVerifier(sha);
  for (const r of all) assert.equal(v.feed(r), null);
  assert.equal(v.finish({ seq: 3, hash: all[2]!.hash }), null);
  assert.equal(v.count, 3);
});

test('an edited, deleted or reordered entry is named as the first break', () => {
  const chain = chainEntries({ seq: 0, hash: GENESIS_HASH }, [1, 2, 3, 4].map(facts), sha);
  const run = (rows: typeof chain) => {
    const v = createChainVerifier(sha);
    for (const r of rows) {
      const b = v.feed(r);
      if (b) return b;
    }
    return v.finish({ seq: 4, hash: chain[3]!.hash });
  };
  assert.deepEqual(run(chain.map((r, i) => (i === 1 ? { ...r, credits: 9 } : r)))?.seq, 2);
  assert.equal(run(chain.map((r, i) => (i === 1 ? { ...r, credits: 9 } : r)))?.problem, 'hash_mismatch');
  assert.equal(run([chain[0]!, chain[2]!, chain[3]!])?.problem, 'seq_gap');
  assert.equal(run([chain[0]!, { ...chain[2]!, seq: 2 }, chain[3]!])?.problem, 'prev_hash_mismatch');
  // A rewritten entry with a recomputed hash still breaks the next entry's link.
  const forged = { ...chain[1]!, credits: 9 };
  forged.hash = sha(entryHashInput(forged, forged.prevHash));
  assert.equal(run([chain[0]!, forged, chain[2]!, chain[3]!])?.seq, 3);
  assert.equal(run(chain.slice(0, 3))?.problem, 'seq_gap', 'cutting the tail off is caught by the head row');
});

test('the verifier holds only the last hash: a long chain verifies in constant memory', () => {
  const v = createChainVerifier(sha);
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let batch = 0; batch < 20; batch++) {
    const rows = chainEntries(
      head,
      Array.from({ length: 500 }, (_, i) => facts(batch * 500 + i)),
      sha,
    );
    for (const r of rows) assert.equal(v.feed(r), null);
    head = { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash };
  }
  assert.equal(v.count, 10_000);
});
