import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/engine.ts';
import { auditLog, catalogueEditions } from '../platform/db/schema/index.ts';

/** Ensure an edition row; returns its id. The source text is refreshed only when it differs. */
export async function upsertEdition(
  db: Db | Tx,
  e: { kind: 'major' | 'industry' | 'occupation' | 'division'; edition: string; title: string; source: string; isDemoSubset?: boolean },
): Promise<string> {
  const [existing] = await db
    .select({
      id: catalogueEditions.id,
      title: catalogueEditions.title,
      source: catalogueEditions.source,
      isDemoSubset: catalogueEditions.isDemoSubset,
    })
    .from(catalogueEditions)
    .where(and(eq(catalogueEditions.kind, e.kind), eq(catalogueEditions.edition, e.edition)));
  const isDemoSubset = e.isDemoSubset ?? false;
  if (!existing) {
    const [row] = await db
      .insert(catalogueEditions)
      .values({ kind: e.kind, edition: e.edition, title: e.title, source: e.source, isDemoSubset })
      .returning({ id: catalogueEditions.id });
    return row!.id;
  }
  if (existing.title !== e.title || existing.source !== e.source || existing.isDemoSubset !== isDemoSubset) {
    await db.update(catalogueEditions).set({ title: e.title, source: e.source, isDemoSubset }).where(eq(catalogueEditions.id, existing.id));
  }
  return existing.id;
}

/**
 * One audit row for a bulk load (the system is the actor): what was loaded and how many rows changed.
 * Nothing is written when nothing changed, so a repeated load leaves no trace either.
 */
export async function auditBulkLoad(
  db: Db | Tx,
  e: { action: string; entityType: string; entityId: string; inserted: number; updated: number; source?: string },
): Promise<void> {
  if (e.inserted + e.updated === 0) return;
  await db.insert(auditLog).values({
    actorName: '系统（批量导入）',
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: {
      inserted: { before: null, after: e.inserted },
      updated: { before: null, after: e.updated },
      ...(e.source ? { source: { before: null, after: e.source } } : {}),
    },
  });
}

/**
 * Bring one edition's entries to `rows` (keyed by code): new codes are inserted, changed ones updated,
 * equal ones left alone, so loading the same file twice changes nothing. Entries missing from the file are
 * kept (records may reference them).
 */
export async function syncEditionEntries<R extends { code: string }>(
  rows: readonly R[],
  existing: ReadonlyMap<string, R & { id: string }>,
  compare: readonly (keyof R)[],
  write: { insert(rows: R[]): Promise<unknown>; update(id: string, row: R): Promise<unknown> },
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const toInsert: R[] = [];
  let updated = 0;
  for (const row of rows) {
    const cur = existing.get(row.code);
    if (!cur) toInsert.push(row);
    else if (compare.some((k) => cur[k] !== row[k])) {
      await write.update(cur.id, row);
      updated++;
    }
  }
  for (let i = 0; i < toInsert.length; i += 1000) await write.insert(toInsert.slice(i, i + 1000));
  return { inserted: toInsert.length, updated, unchanged: rows.length - toInsert.length - updated };
}
