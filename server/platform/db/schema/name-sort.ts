import { sql } from 'drizzle-orm';
import { customType, index, type PgColumn } from 'drizzle-orm/pg-core';

/**
 * 名称 sorted as Chinese readers expect (pinyin), on both engines: PGlite has no ICU collation, so each table with a
 * name sort keeps a key computed by `server/registry/repository/name-sort.ts` — the name's pinyin syllables with tone
 * digits, a tab, then the name itself (ties in pinyin fall back to the characters, and the key says which name it
 * was computed from). The column collates "C" whatever the database's collation, so the key sorts byte by byte.
 */
export const nameSortKey = customType<{ data: string }>({ dataType: () => 'text collate "C"' });

/** Rows whose key is missing or was computed from another name (a row written outside the repositories, a rename). */
export function nameSortStale(name: PgColumn, key: PgColumn) {
  return sql`${key} is null or substr(${key}, strpos(${key}, E'\\t') + 1) <> ${name} collate "C"`;
}

/** The small index that finds stale keys: empty when every key is up to date. */
export function nameSortStaleIndex(table: string, t: { id: PgColumn; name: PgColumn; nameSort: PgColumn }) {
  return index(`${table}_name_sort_stale_idx`).on(t.id).where(nameSortStale(t.name, t.nameSort));
}
