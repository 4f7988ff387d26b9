import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/platform/db/engine.ts';

/**
 * The database engines the data-layer and API tests run on: PGlite always, the PostgreSQL server when
 * TEST_DATABASE_URL is set. A server database whose name lacks "test" is refused: tests write to it.
 */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite' }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    assertTestDatabase(url);
    engines.push({ name: 'postgres', databaseUrl: url });
  }
  return engines;
}

export function assertTestDatabase(url: string) {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a schema of its own on the test
 * server (dropped on close), so test files and developers never see each other's tables.
 */
export async function openTestDatabase(engine: TestEngine): Promise<Database> {
  if (!engine.databaseUrl) return openDatabase({});
  const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: engine.databaseUrl, schema, poolSize: 20 });
  return {
    ...database,
    async close() {
      await database.close();
      const admin = new pg.Client({ connectionString: engine.databaseUrl });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}
