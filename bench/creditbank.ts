import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { chainEntries } from '../core/credit-bank/ledger.ts';
import { openDatabase, rows, type Database } from '../server/platform/db/engine.ts';
import { learningOutcomes, organisations } from '../server/platform/db/schema/index.ts';
import { sha256Hex } from '../server/credit-bank/crypto.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import { issueCredential, verifyCredential } from '../server/credit-bank/repository/credentials.ts';
import { appendLedgerEntries } from '../server/credit-bank/repository/ledger.ts';
import { report } from '../test/support/process.ts';

/**
 * Issue 6's benchmark, on the PostgreSQL server at BENCH_DATABASE_URL (its name must contain "bench"; the
 * credit-bank tables in it are emptied first):
 *  1. posting rate: BENCH_CB_OUTCOMES outcomes (default 1,000,000) issued through the real repository path
 *     (outcome rows + chained deposit entries), BENCH_CB_BATCH per transaction; plus one-per-transaction postings
 *     from 8 concurrent connections, which queue on the chain-head lock;
 *  2. chain verification rate and peak RSS of `npm run ledger:verify` on BENCH_CB_ENTRIES entries (default
 *     10,000,000): the ledger is topped up with synthetic entries whose hashes the app computes in batches;
 *  3. credential verification p95 (in process: two lookups and an Ed25519 check per credential).
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'creditbank', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name)' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
const OUTCOMES = Number(process.env.BENCH_CB_OUTCOMES || 1_000_000);
const ENTRIES = Number(process.env.BENCH_CB_ENTRIES || 10_000_000);
const BATCH = Number(process.env.BENCH_CB_BATCH || 2_000);
const ACCOUNTS = 10_000;

const database: Database = await openDatabase({ databaseUrl: url, poolSize: 10 });
const db = database.db;
const pii = createPiiCipher(crypto.randomBytes(32));
const now = () => new Date();

await db.execute(
  sql`truncate credentials, credential_keys, credit_transfer_items, credit_transfers, credit_ledger, credit_ledger_head, learning_outcomes, recognition_rules, credit_accounts cascade`,
);
const [org] = await db
  .insert(organisations)
  .values({ kind: 'enterprise', name: `基准企业-${crypto.randomUUID()}`, code: `B-${crypto.randomUUID()}` })
  .returning();
await db.execute(sql`
  insert into credit_accounts (account_no, kind, holder_name, id_number_index, id_number_masked, organisation_id)
  select 'CB' || lpad(g::text, 14, '0'), 'learner', '学习者' || g, 'bench-' || g || '-' || ${org!.id}, '4101**********000X', ${org!.id}
  from generate_series(1, ${ACCOUNTS}) g`);
const accountIds = (await rows<{ id: string }>(db, sql`select id from credit_accounts order by account_no`)).map((r) => r.id);

function outcomeRow(i: number) {
  return {
    accountId: accountIds[i % ACCOUNTS]!,
    issuerId: org!.id,
    kind: 'schoolCourse' as const,
    code: `C-${i % 500}`,
    title: `课程 ${i % 500}`,
    field: '4603',
    credits: '2.00',
    achievedOn: '2025-01-15',
    evidenceNote: '成绩单',
    idempotencyKey: `bench-${i}`,
  };
}

async function postBatch(from: number, size: number) {
  await db.transaction(async (tx) => {
    const at = now();
    const created = await tx
      .insert(learningOutcomes)
      .values(Array.from({ length: size }, (_, k) => outcomeRow(from + k)))
      .returning({ id: learningOutcomes.id, accountId: learningOutcomes.accountId });
    await appendLedgerEntries(
      tx,
      created.map((o) => ({
        accountId: o.accountId,
        kind: 'deposit' as const,
        credits: 2,
        outcomeId: o.id,
        transferItemId: null,
        ruleId: null,
        programId: null,
        courseCode: null,
        compensatesSeq: null,
        reason: null,
        idempotencyKey: `deposit:${o.id}`,
        createdAt: at,
        districtId: null,
        createdBy: null,
      })),
    );
  });
}

// 1. Posting.
let t0 = performance.now();
for (let i = 0; i < OUTCOMES; i += BATCH) {
  await postBatch(i, Math.min(BATCH, OUTCOMES - i));
  if ((i / BATCH) % 50 === 0) process.stderr.write(`posted ${i}\r`);
}
let seconds = (performance.now() - t0) / 1000;
report({
  bench: 'creditbank_posting',
  engine: 'postgres',
  outcomes: OUTCOMES,
  batch: BATCH,
  seconds: Math.round(seconds * 10) / 10,
  outcomes_per_s: Math.round(OUTCOMES / seconds),
});

const SINGLE = 2_000;
let next = OUTCOMES;
t0 = performance.now();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < OUTCOMES + SINGLE) await postBatch(next++, 1);
  }),
);
seconds = (performance.now() - t0) / 1000;
report({
  bench: 'creditbank_posting_single',
  engine: 'postgres',
  outcomes: SINGLE,
  concurrency: 8,
  outcomes_per_s: Math.round(SINGLE / seconds),
});

// 2. Top the ledger up to ENTRIES with synthetic entries (hashes chained by the app, rows sent as arrays).
const [head] = await rows<{ seq: string; hash: string }>(db, sql`select seq, hash from credit_ledger_head where id = 1`);
let cursor = { seq: Number(head!.seq), hash: head!.hash };
t0 = performance.now();
const client = new pg.Client({ connectionString: url });
await client.connect();
const GEN = 20_000;
while (cursor.seq < ENTRIES) {
  const n = Math.min(GEN, ENTRIES - cursor.seq);
  const at = new Date();
  const chained = chainEntries(
    cursor,
    Array.from({ length: n }, (_, k) => ({
      accountId: accountIds[(cursor.seq + k) % ACCOUNTS]!,
      kind: 'deposit' as const,
      credits: 1,
      outcomeId: null,
      transferItemId: null,
      ruleId: null,
      programId: null,
      courseCode: 'SYN',
      compensatesSeq: null,
      reason: null,
      idempotencyKey: `syn:${cursor.seq + k + 1}`,
      createdAt: at,
    })),
    sha256Hex,
  );
  await client.query(
    `
    insert into credit_ledger (seq, account_id, kind, credits, course_code, idempotency_key, created_at, prev_hash, hash)
    select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])`,
    [
      chained.map((r) => r.seq),
      chained.map((r) => r.accountId),
      chained.map((r) => r.kind),
      chained.map(() => '1.00'),
      chained.map((r) => r.courseCode),
      chained.map((r) => r.idempotencyKey),
      chained.map(() => at.toISOString()),
      chained.map((r) => r.prevHash),
      chained.map((r) => r.hash),
    ],
  );
  const last = chained.at(-1)!;
  cursor = { seq: last.seq, hash: last.hash };
  await client.query('update credit_ledger_head set seq = $1, hash = $2 where id = 1', [cursor.seq, cursor.hash]);
  if ((cursor.seq / GEN) % 25 === 0) process.stderr.write(`generated ${cursor.seq}\r`);
}
await client.end();
report({ bench: 'creditbank_generate', engine: 'postgres', entries: cursor.seq, seconds: Math.round((performance.now() - t0) / 100) / 10 });
await db.execute(sql`vacuum analyze credit_ledger`);

// The real CLI in its own process, its resident memory sampled (VmRSS high-water mark) while it runs.
const verify = await new Promise<{ out: string; code: number | null; seconds: number; peakMiB: number }>((resolve) => {
  const start = performance.now();
  const child = spawn(process.execPath, ['scripts/ledger-verify.ts'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let peak = 0;
  child.stdout.on('data', (d) => {
    out += d;
  });
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* exited */
    }
  }, 100);
  child.on('exit', (code) => {
    clearInterval(timer);
    resolve({ out: out.trim(), code, seconds: (performance.now() - start) / 1000, peakMiB: Math.round(peak) });
  });
});
const verified = Number(/entries=(\d+)/.exec(verify.out)?.[1] ?? 0);
report({
  bench: 'creditbank_verify',
  engine: 'postgres',
  output: verify.out,
  exit: verify.code,
  entries: verified,
  seconds: Math.round(verify.seconds * 10) / 10,
  entries_per_s: Math.round(verified / verify.seconds),
  peak_rss_mib: verify.peakMiB,
  note: 'includes process start and migration check',
});

// 3. Credential verification latency.
const noAudit = { record: async () => {} };
const [anAccount] = await rows<{ id: string }>(db, sql`select id from credit_accounts limit 1`);
const cred = await db.transaction((tx) =>
  issueCredential(tx, noAudit, { kind: 'city' }, pii, { kind: 'transcript', accountId: anAccount!.id }, { userId: null, now: new Date() }),
);
const samples: number[] = [];
for (let i = 0; i < 2_000; i++) {
  const s = performance.now();
  const v = await verifyCredential(db, cred.document);
  samples.push(performance.now() - s);
  if (!v.valid) throw new Error(`credential did not verify: ${v.reason}`);
}
samples.sort((a, b) => a - b);
const pct = (p: number) => Math.round(samples[Math.floor(samples.length * p)]! * 100) / 100;
report({
  bench: 'creditbank_credential_verify',
  engine: 'postgres',
  samples: samples.length,
  p50_ms: pct(0.5),
  p95_ms: pct(0.95),
  p99_ms: pct(0.99),
  credential_bytes: JSON.stringify(cred.document).length,
});
await database.close();
