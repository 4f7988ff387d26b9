import { and, asc, desc, eq, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CatalogueEdition, occupationQuery } from '../../../contracts/catalogues.ts';
import type { Db } from '../../platform/db/engine.ts';
import { catalogueEditions, occupations } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/registry-guards.ts';

/** Entries per edition, counted over the catalogue tables that have entries (divisions are organisations). */
// Spelled out: inside a sub-select drizzle would leave the outer column unqualified ("id" of the inner table).
const entryCount = sql<number>`(case catalogue_editions.kind
  when 'major' then (select count(*) from majors m where m.edition_id = catalogue_editions.id)
  when 'industry' then (select count(*) from industries i where i.edition_id = catalogue_editions.id)
  when 'occupation' then (select count(*) from occupations o where o.edition_id = catalogue_editions.id)
  else 0 end)::int`;

const editionColumns = {
  kind: catalogueEditions.kind,
  edition: catalogueEditions.edition,
  title: catalogueEditions.title,
  isDemoSubset: catalogueEditions.isDemoSubset,
  entries: entryCount,
  loadedAt: catalogueEditions.loadedAt,
};

const asEdition = (r: { loadedAt: Date } & Omit<CatalogueEdition, 'loadedAt'>): CatalogueEdition => ({
  ...r,
  loadedAt: r.loadedAt.toISOString(),
});

/** Every loaded edition of every catalogue: complete editions before demo subsets, newest first. */
export async function listEditions(db: Db) {
  const rows = await db
    .select(editionColumns)
    .from(catalogueEditions)
    .orderBy(asc(catalogueEditions.kind), asc(catalogueEditions.isDemoSubset), desc(catalogueEditions.loadedAt));
  return { items: rows.map(asEdition) };
}

/**
 * 职业分类大典 look-up in one edition (the one asked for, else the newest complete one, else the newest demo
 * subset): code-prefix matches first, then by code, at most 200.
 */
export async function listOccupations(db: Db, q: z.infer<typeof occupationQuery>) {
  const [edition] = await db
    .select({ id: catalogueEditions.id, ...editionColumns })
    .from(catalogueEditions)
    .where(and(eq(catalogueEditions.kind, 'occupation'), q.edition ? eq(catalogueEditions.edition, q.edition) : undefined))
    .orderBy(asc(catalogueEditions.isDemoSubset), desc(catalogueEditions.loadedAt))
    .limit(1);
  if (!edition) return { edition: null, items: [] };
  const text = q.q ? escapeLike(q.q) : null;
  const items = await db
    .select({ code: occupations.code, name: occupations.name, level: occupations.level, parentCode: occupations.parentCode })
    .from(occupations)
    .where(
      and(
        eq(occupations.editionId, edition.id),
        q.level ? eq(occupations.level, q.level) : undefined,
        text ? or(like(occupations.code, `${text}%`), like(occupations.name, `%${text}%`)) : undefined,
      ),
    )
    .orderBy(...(text ? [sql`case when ${occupations.code} like ${`${text}%`} then 0 else 1 end`] : []), asc(occupations.code))
    .limit(200);
  const { id: _id, ...shown } = edition;
  return { edition: asEdition(shown), items };
}
