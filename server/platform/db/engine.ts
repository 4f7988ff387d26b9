import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { installPooledTransactionFix } from './pooled-transaction.ts';
import { ReadPool } from './read-pool.ts';
import * as tables from './schema/index.ts';

/** The query builder both engines share; repositories only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof tables>;
/** A transaction has the same surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  /**
   * Where read-only reports and the cockpit read: the streaming-replica standby of DATABASE_READ_URL (a moment
   * behind the primary), falling back to the primary when it cannot answer; the primary itself without one.
   */
  readDb: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Told when a connection fails outside any query (an idle pooled connection the server ended). The pool drops
   * it and opens another; a request whose query it was gets the error itself (503 DB_UNAVAILABLE).
   */
  onConnectionError?: (err: Error) => void;
}

/** Seen in `pg_stat_activity`: how an operator (and the connection-loss test) finds the platform's sessions. */
export const APPLICATION_NAME = 'chanjiao';
/** How long a request waits for a connection when the server is unreachable, before it answers 503. */
const CONNECT_TIMEOUT_MS = 5000;

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens PGlite in `dataDir` (created if absent), or the PostgreSQL server at `databaseUrl`, and migrates it. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  readUrl?: string;
  dataDir?: string;
  poolSize?: number;
  schema?: string;
}): Promise<Database> {
  if (opts.databaseUrl) return openServer(opts.databaseUrl, opts.poolSize ?? 10, opts.schema, opts.readUrl);
  return openEmbedded(opts.dataDir);
}

async function openEmbedded(dataDir: string | undefined): Promise<Database> {
  // No folder means an in-memory database: used by tests, never by `npm start`.
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: dataDir ? path.join(dataDir, 'pglite') : undefined, extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema: tables }) as unknown as Db;
  await db.execute(sql`create extension if not exists pg_trgm`);
  await migratePglite(db as never, { migrationsFolder });
  // The embedded engine belongs to one process: backup and restore read this to refuse while the platform runs.
  const pidFile = dataDir && path.join(dataDir, PGLITE_PID_FILE);
  if (pidFile) fs.writeFileSync(pidFile, String(process.pid));
  return {
    db,
    readDb: db,
    engine: 'pglite',
    async close() {
      await client.close();
      if (pidFile && fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') === String(process.pid)) fs.rmSync(pidFile);
    },
  };
}

/** Beside the embedded engine's folder while a process has it open; holds that process's id. */
export const PGLITE_PID_FILE = 'pglite.pid';

/**
 * `schema` puts every table (and the migrations' bookkeeping) in a schema of its own instead of `public`:
 * tests use it to get a fresh database per test file on one shared server.
 */
async function openServer(url: string, max: number, schema?: string, readUrl?: string): Promise<Database> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  installPooledTransactionFix();
  if (schema) {
    const admin = new pg.Client({ connectionString: url, application_name: APPLICATION_NAME });
    admin.on('error', () => {}); // its one query reports the failure; the event alone must not end the process
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema && { options: `-c search_path=${schema},public` }),
  });
  const db = drizzlePg(pool, { schema: tables }) as unknown as Db;
  const database: Database = { db, readDb: db, engine: 'postgres', close: () => pool.end() };
  // node-postgres emits `error` on a client whose connection dies; with no listener Node ends the process.
  // The pool listens only while a client is idle, so every client gets a listener of its own for its whole life.
  const report = (err: Error) => database.onConnectionError?.(err);
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  // Several app servers may start together: one migrates, the others wait on the advisory lock.
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock(7283001)');
    // In public, which every schema's search_path ends with: created from a per-schema run it would land in
    // that schema and be invisible to (and dropped from under) the others.
    await conn.query('create extension if not exists pg_trgm with schema public');
    await migratePg(drizzlePg(conn, { schema: tables }), { migrationsFolder, ...(schema && { migrationsSchema: schema }) });
  } finally {
    await conn.query('select pg_advisory_unlock(7283001)').catch(() => {});
    conn.release();
  }
  if (!readUrl) return database;
  const readPool = new ReadPool(
    {
      connectionString: readUrl,
      max,
      application_name: APPLICATION_NAME,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(schema && { options: `-c search_path=${schema},public` }),
    },
    pool,
  );
  readPool.on('error', report);
  readPool.on('connect', (client) => client.on('error', report));
  database.readDb = drizzlePg(readPool, { schema: tables }) as unknown as Db;
  database.close = async () => {
    await readPool.end();
    await pool.end();
  };
  return database;
}

/** Rows of a raw query on either engine (both drivers answer with `{ rows }`). */
export async function rows<T>(db: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
