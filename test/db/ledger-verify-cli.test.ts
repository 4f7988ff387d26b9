import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/platform/db/engine.ts';
import { appendLedgerEntries } from '../../server/credit-bank/repository/ledger.ts';

/** `npm run --silent ledger:verify` on an embedded database: `entries=N ok`, then the first edited entry and exit 1. */
test('ledger:verify prints entries=N ok, and names the first broken entry with a non-zero exit', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-ledger-'));
  const cli = () =>
    spawnSync(process.execPath, ['scripts/ledger-verify.ts'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
      encoding: 'utf8',
    });
  try {
    let database = await openDatabase({ dataDir: dir });
    const accountId = crypto.randomUUID();
    await database.db.transaction((tx) =>
      appendLedgerEntries(
        tx,
        [1, 2, 3].map((i) => ({
          accountId,
          kind: 'deposit' as const,
          credits: i,
          outcomeId: null,
          transferItemId: null,
          ruleId: null,
          programId: null,
          courseCode: `C${i}`,
          compensatesSeq: null,
          reason: null,
          idempotencyKey: `cli-${i}`,
          createdAt: new Date(),
          districtId: null,
          createdBy: null,
        })),
      ),
    );
    await database.close();
    const ok = cli();
    assert.equal(ok.stdout.trim(), 'entries=3 ok', ok.stderr);
    assert.equal(ok.status, 0);

    database = await openDatabase({ dataDir: dir });
    await database.db.execute(sql`update credit_ledger set reason = '改过' where seq = 2`);
    await database.close();
    const bad = cli();
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^entries=1 broken at seq=2: hash_mismatch/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
