import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rows, type Database } from '../../server/platform/db/engine.ts';
import { appendLedgerEntries } from '../../server/credit-bank/repository/ledger.ts';
import { testEngines } from '../support/engines.ts';
import { makeOrganisation } from '../support/factory.ts';

/** `npm run backup`, `npm run restore` and `npm run ledger:verify` as an operator runs them, on each engine. */
function cli(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

async function fill(database: Database) {
  const org = await makeOrganisation(database.db, 'bureau', { name: `备份测试局-${crypto.randomUUID().slice(0, 8)}` });
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
        courseCode: `B${i}`,
        compensatesSeq: null,
        reason: null,
        idempotencyKey: `backup-${i}`,
        createdAt: new Date(),
        districtId: null,
        createdBy: null,
      })),
    ),
  );
  return org.name;
}

const names = (database: Database) =>
  rows<{ name: string }>(database.db, sql`select name from organisations order by name`).then((r) => r.map((x) => x.name));

for (const engine of testEngines()) {
  describe(`backup and restore round trip [${engine.name}]`, () => {
    test('a backup restored into an empty target holds the same data, and its ledger verifies', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-backup-'));
      const file = path.join(tmp, engine.name === 'postgres' ? 'b.dump' : 'b.tar.gz');
      const schema = `t_backup_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
      // The server keeps this test's tables in a schema of its own; the embedded engine has a folder each.
      const source: Record<string, string> = engine.databaseUrl
        ? { DATABASE_URL: engine.databaseUrl, DATABASE_SCHEMA: schema }
        : { DATABASE_URL: '', DATA_DIR: path.join(tmp, 'a') };
      const target: Record<string, string> = engine.databaseUrl ? source : { DATABASE_URL: '', DATA_DIR: path.join(tmp, 'b') };
      const open = (env: Record<string, string>) =>
        openDatabase({ databaseUrl: env.DATABASE_URL || undefined, schema: env.DATABASE_SCHEMA, dataDir: env.DATA_DIR });
      const dropSchema = async () => {
        const admin = new pg.Client({ connectionString: engine.databaseUrl });
        await admin.connect();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      };
      try {
        let database = await open(source);
        await fill(database);
        const before = await names(database);
        if (engine.name === 'pglite') {
          // The embedded engine belongs to the process that has it open.
          const refused = cli('backup', [file], source);
          assert.equal(refused.status, 1);
          assert.match(refused.err, /stop the platform first/);
        }
        await database.close();

        const made = cli('backup', [file], source);
        assert.equal(made.status, 0, made.err);
        assert.match(made.out, /^backup=.* bytes=\d+ seconds=/);
        if (engine.databaseUrl) await dropSchema();

        const restored = cli('restore', [file], target);
        assert.equal(restored.status, 0, restored.err);
        assert.deepEqual(cli('ledger-verify', [], target).out, 'entries=3 ok');
        database = await open(target);
        assert.deepEqual(await names(database), before);
        await fill(database);
        await database.close();

        // A second restore over data is refused unless --replace, which brings back the backup's state.
        const over = cli('restore', [file], target);
        assert.equal(over.status, 1);
        assert.match(over.err, /--replace/);
        assert.equal(cli('restore', [file, '--replace'], target).status, 0);
        database = await open(target);
        assert.deepEqual(await names(database), before);
        await database.close();
      } finally {
        if (engine.databaseUrl) await dropSchema();
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
}
