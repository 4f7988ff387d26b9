import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rows } from '../../server/platform/db/engine.ts';
import { testEngines } from '../support/engines.ts';

/**
 * DATABASE_READ_URL: reads of `readDb` go to the standby, and to the primary when the standby cannot be reached;
 * a bad query is still an error (no silent retry elsewhere). PostgreSQL only (PGlite has no standby);
 * deploy/up.sh's test runs it against a real streaming replica.
 */
const server = testEngines().find((e) => e.name === 'postgres');

describe('the read pool', { skip: server ? false : 'needs TEST_DATABASE_URL' }, () => {
  const url = server?.databaseUrl ?? '';
  const schema = `t_read_${crypto.randomBytes(4).toString('hex')}`;
  const dropSchema = async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };

  test('reads from the read URL when it answers, from the primary when it does not, and a bad query stays an error', async () => {
    // The "standby" here is the same server under another application name, so each side is recognisable.
    const standby = new URL(url);
    standby.searchParams.set('application_name', 'chanjiao-standby');
    const up = await openDatabase({ databaseUrl: url, readUrl: standby.toString(), schema });
    try {
      const [r] = await rows<{ app: string }>(up.readDb, sql`select current_setting('application_name') as app`);
      assert.equal(r!.app, 'chanjiao-standby');
      await assert.rejects(up.readDb.execute(sql`select * from no_such_table`), /no_such_table/);
    } finally {
      await up.close();
    }
    const down = await openDatabase({ databaseUrl: url, readUrl: 'postgres://postgres@127.0.0.1:1/nowhere', schema });
    try {
      const [r] = await rows<{ n: number }>(down.readDb, sql`select count(*)::int as n from students`);
      assert.equal(r!.n, 0, 'answered by the primary');
    } finally {
      await down.close();
      await dropSchema();
    }
  });
});
