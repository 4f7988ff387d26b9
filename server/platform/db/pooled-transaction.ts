import { sql, type SQL } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';
import pg from 'pg';

type Run = (tx: NodePgTransaction<never, never>) => Promise<unknown>;

/**
 * drizzle-orm 0.45 runs `begin` before the try/finally that gives the pooled connection back, and gives it back
 * healthy even when `rollback` failed (drizzle-team/drizzle-orm#6241, #6114, open). When the database server ends
 * a connection (a restart, a failover) right as a transaction begins, that connection is never returned: each
 * such moment takes one of the pool's connections for the life of the process, until requests wait forever and
 * shutting down hangs. This is drizzle's own method with `begin` inside the try and a broken connection handed
 * back as broken, so that the pool ends it and opens another. Remove when drizzle ships the fix.
 */
async function pooledTransaction(this: NodePgSession<never, never>, run: Run, config?: PgTransactionConfig): Promise<unknown> {
  const self = this as unknown as { client: pg.Pool | PoolClient; dialect: never; schema: never; options: never };
  if (!(self.client instanceof pg.Pool)) return original.call(this, run as never, config);
  const client = await self.client.connect();
  const session = new NodePgSession(client, self.dialect, self.schema, self.options);
  const tx = new NodePgTransaction(self.dialect, session, self.schema);
  // Public in drizzle's JavaScript, internal in its types.
  const configSql = (c: PgTransactionConfig) =>
    (tx as unknown as { getTransactionConfigSQL(c: PgTransactionConfig): SQL }).getTransactionConfigSQL(c);
  let began = false;
  let broken: Error | undefined;
  try {
    await tx.execute(sql`begin${config ? sql` ${configSql(config)}` : undefined}`);
    began = true;
    const result = await run(tx as never);
    await tx.execute(sql`commit`);
    return result;
  } catch (error) {
    if (began) {
      try {
        await tx.execute(sql`rollback`);
      } catch (rollbackFailed) {
        broken = rollbackFailed as Error;
      }
    } else {
      broken = error as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

const original = NodePgSession.prototype.transaction;

/** Installs the fixed method on drizzle's node-postgres session (once; PGlite's session is not touched). */
export function installPooledTransactionFix(): void {
  NodePgSession.prototype.transaction = pooledTransaction as typeof original;
}
