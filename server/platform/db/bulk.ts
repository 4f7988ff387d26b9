import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './engine.ts';

/**
 * Bulk INSERT … SELECT FROM unnest($1::type[], $2::type[], …): one array parameter per column, whatever the
 * number of rows. Much cheaper to build and parse than a VALUES list with a parameter per cell (and no
 * 65,535-parameter ceiling), on PGlite and on the PostgreSQL server alike. The columns are those present
 * in the first row; the others take their defaults.
 */
export async function insertUnnest<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
  batchSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize) as Record<string, unknown>[];
    // An array of the column's type; a column's own collation (`text collate "C"`) is not part of an array type.
    const arrays = keys.map(
      (k) => sql`${sql.param(batch.map((r) => r[k] ?? null))}::${sql.raw(columns[k]!.getSQLType().replace(/ collate .*$/i, ''))}[]`,
    );
    await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
}
