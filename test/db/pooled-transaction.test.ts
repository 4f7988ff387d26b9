import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { installPooledTransactionFix } from '../../server/platform/db/pooled-transaction.ts';

installPooledTransactionFix();

/** A pool whose one connection answers each statement as `answer` says, and records how it is given back. */
function fakePool(answer: (text: string) => Error | undefined) {
  const statements: string[] = [];
  const releases: (Error | undefined)[] = [];
  const client = {
    query: async (q: string | { text: string }) => {
      const text = typeof q === 'string' ? q : q.text;
      statements.push(text);
      const err = answer(text);
      if (err) throw err;
      return { rows: [], rowCount: 0, fields: [], command: text };
    },
    release: (err?: Error) => void releases.push(err),
  };
  class Pool extends pg.Pool {
    override connect = (async () => client) as never;
  }
  return { db: drizzle(new Pool()), statements, releases };
}

const terminated = () => Object.assign(new Error('Connection terminated unexpectedly'), {});

test('a begin that fails gives the connection back as broken, so the pool does not lose it', async () => {
  const { db, statements, releases } = fakePool((t) => (t === 'begin' ? terminated() : undefined));
  let ran = false;
  await assert.rejects(
    db.transaction(async () => {
      ran = true;
    }),
  );
  assert.equal(ran, false);
  assert.deepEqual(statements, ['begin'], 'no rollback of a transaction that never began');
  assert.equal(releases.length, 1);
  assert.ok(releases[0] instanceof Error);
});

test('a rollback that fails gives the connection back as broken, and the caller gets the first error', async () => {
  const { db, statements, releases } = fakePool((t) => (t === 'rollback' || t === 'select 1' ? terminated() : undefined));
  const err = await db.transaction((tx) => tx.execute(sql`select 1`)).catch((e: Error) => e);
  assert.match(String((err as Error).message), /select 1/);
  assert.deepEqual(statements, ['begin', 'select 1', 'rollback']);
  assert.equal(releases.length, 1);
  assert.ok(releases[0] instanceof Error);
});

test('a transaction that commits, or rolls back cleanly, gives the connection back healthy', async () => {
  const ok = fakePool(() => undefined);
  assert.equal(await ok.db.transaction(async () => 42), 42);
  assert.deepEqual(ok.statements, ['begin', 'commit']);
  assert.deepEqual(ok.releases, [undefined]);

  const refused = fakePool(() => undefined);
  await assert.rejects(
    refused.db.transaction(async () => {
      throw new Error('a rule refused the write');
    }),
    /a rule refused the write/,
  );
  assert.deepEqual(refused.statements, ['begin', 'rollback']);
  assert.deepEqual(refused.releases, [undefined]);
});
