import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';

export interface ScopeColumns {
  /** The organisation(s) a record belongs to; several when two parties share it (a school's student at an enterprise). */
  organisationId?: PgColumn | PgColumn[];
  districtId?: PgColumn;
  userId?: PgColumn;
}

/**
 * The SQL twin of `inScope` (core/authz/access.ts): a condition that keeps the rows the access reaches.
 * undefined means no restriction.
 */
export function scopeWhere(access: Access, cols: ScopeColumns): SQL | undefined {
  if (access.kind === 'city') return undefined;
  if (access.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  if (cols.districtId && access.districtIds.length) parts.push(inArray(cols.districtId, access.districtIds));
  if (cols.organisationId && access.organisationIds.length) {
    for (const col of [cols.organisationId].flat()) parts.push(inArray(col, access.organisationIds));
  }
  if (cols.userId && access.userId) parts.push(eq(cols.userId, access.userId));
  return parts.length ? or(...parts) : sql`false`;
}

/**
 * The same condition for a raw query, over its aliased columns (e.g. `o.district_id`): always SQL (`true` for
 * city-wide access), to put beside the query's other conditions.
 */
export function scopeSqlOn(access: Access, cols: { organisationId?: string; districtId?: string }): SQL {
  if (access.kind === 'city') return sql`true`;
  if (access.kind === 'none') return sql`false`;
  const among = (col: string, ids: readonly string[]) =>
    sql`${sql.raw(col)} in (${sql.join(
      ids.map((x) => sql`${x}::uuid`),
      sql`, `,
    )})`;
  const parts: SQL[] = [];
  if (cols.districtId && access.districtIds.length) parts.push(among(cols.districtId, access.districtIds));
  if (cols.organisationId && access.organisationIds.length) parts.push(among(cols.organisationId, access.organisationIds));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
