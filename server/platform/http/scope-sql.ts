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
