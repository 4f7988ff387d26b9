import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/engine.ts';

/**
 * Batched writes for imports: one statement per batch with one array parameter per column
 * (`unnest($1::uuid[], $2::text[], …)`), whatever the number of rows. Cheaper to build and parse than a
 * VALUES list with a parameter per cell, free of the 65,535-parameter ceiling, the same on both engines.
 */
export interface BatchColumn<T> {
  /** SQL column name. */
  name: string;
  /** SQL type of the array elements: uuid, text, int, date, boolean, numeric, bigint, jsonb. */
  type: string;
  value(row: T): unknown;
}

function arrays<T>(rows: readonly T[], columns: readonly BatchColumn<T>[]): SQL[] {
  // jsonb travels as text (drivers do not serialise arrays of objects alike) and is cast back.
  return columns.map((c) =>
    c.type === 'jsonb'
      ? sql`${sql.param(
          rows.map((r) => {
            const v = c.value(r);
            return v == null ? null : JSON.stringify(v);
          }),
        )}::text[]`
      : sql`${sql.param(rows.map((r) => c.value(r) ?? null))}::${sql.raw(c.type)}[]`,
  );
}

const list = (columns: readonly { name: string }[]) => sql.raw(columns.map((c) => `"${c.name}"`).join(', '));

export async function insertBatch<T>(tx: Db | Tx, table: string, rows: readonly T[], columns: readonly BatchColumn<T>[]): Promise<void> {
  if (!rows.length) return;
  const select = columns.map((c) => (c.type === 'jsonb' ? `u."${c.name}"::jsonb` : `u."${c.name}"`)).join(', ');
  await tx.execute(sql`insert into ${sql.identifier(table)} (${list(columns)})
    select ${sql.raw(select)} from unnest(${sql.join(arrays(rows, columns), sql`, `)}) as u(${list(columns)})`);
}

/** Sets `columns` of the rows whose `key` column matches; `extra` adds fixed assignments (updated_at = now()). */
export async function updateBatch<T>(
  tx: Db | Tx,
  table: string,
  key: BatchColumn<T>,
  rows: readonly T[],
  columns: readonly BatchColumn<T>[],
  extra = '',
): Promise<void> {
  if (!rows.length) return;
  const all = [key, ...columns];
  const sets = [...columns.map((c) => `"${c.name}" = u."${c.name}"${c.type === 'jsonb' ? '::jsonb' : ''}`), ...(extra ? [extra] : [])].join(
    ', ',
  );
  await tx.execute(sql`update ${sql.identifier(table)} as t set ${sql.raw(sets)}
    from unnest(${sql.join(arrays(rows, all), sql`, `)}) as u(${list(all)})
    where t."${sql.raw(key.name)}" = u."${sql.raw(key.name)}"`);
}
