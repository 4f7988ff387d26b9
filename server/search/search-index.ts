import { and, eq, sql } from 'drizzle-orm';
import { systemClock } from '../platform/clock.ts';
import type { Dictionary } from '../../core/search/dictionary.ts';
import { toTsvector } from '../../core/search/tokenize.ts';
import { SEARCH_ENTITY_TYPES, type SearchEntityType } from '../../contracts/search.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';
import { searchDocuments } from '../platform/db/schema/index.ts';
import { insertUnnest } from '../platform/db/bulk.ts';
import { searchDictionary } from './dictionary.ts';
import { SOURCES, type SearchDocumentInput, type SourceFilter } from './documents.ts';

/**
 * Keeping the search index current. Repositories call `reindexEntity(tx, type, id or ids)` after a create, edit or
 * archive, inside the write's transaction (the index changes with the record, or not at all); the full
 * rebuild (`reindexAll`, job `search.reindex`, `scripts/search-reindex.ts`) runs after bulk loads.
 */

export type { SearchDocumentInput } from './documents.ts';

/** Rows per upsert statement (9 parameters a row, well under PostgreSQL's 65,535). */
const UPSERT_BATCH = 1000;

function row(dict: Dictionary, doc: SearchDocumentInput, now: Date) {
  return {
    entityType: doc.entityType,
    entityId: doc.entityId,
    title: doc.title,
    subtitle: doc.subtitle,
    tokens: toTsvector(dict, doc.fields),
    districtId: doc.districtId,
    organisationId: doc.organisationId,
    isPublic: doc.isPublic,
    updatedAt: now,
  };
}

/** Insert or replace documents (by type and id). */
export async function indexDocument(db: Db | Tx, doc: SearchDocumentInput | readonly SearchDocumentInput[]): Promise<void> {
  const docs = Array.isArray(doc) ? doc : [doc as SearchDocumentInput];
  if (!docs.length) return;
  const dict = await searchDictionary(db);
  const now = systemClock();
  for (let i = 0; i < docs.length; i += UPSERT_BATCH) {
    await db
      .insert(searchDocuments)
      .values(docs.slice(i, i + UPSERT_BATCH).map((d) => row(dict, d, now)))
      .onConflictDoUpdate({
        target: [searchDocuments.entityType, searchDocuments.entityId],
        set: {
          title: sql`excluded.title`,
          subtitle: sql`excluded.subtitle`,
          tokens: sql`excluded.tokens`,
          districtId: sql`excluded.district_id`,
          organisationId: sql`excluded.organisation_id`,
          isPublic: sql`excluded.is_public`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

export async function removeDocument(db: Db | Tx, type: SearchEntityType, ids: string | readonly string[]): Promise<void> {
  const list = typeof ids === 'string' ? [ids] : [...ids];
  if (!list.length) return;
  await db
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.entityType, type), sql`${searchDocuments.entityId} = any(${sql.param(list)}::uuid[])`));
}

/** Bring the documents of some records of one type in line with the register (upsert, or remove when gone or archived). */
async function sync(db: Db | Tx, type: SearchEntityType, filter: SourceFilter): Promise<void> {
  const source = SOURCES[type];
  if (!source || (!('all' in filter) && !Object.values(filter)[0].length)) return;
  const [docs, considered] = await Promise.all([source.load(db, filter), source.ids(db, filter)]);
  const kept = new Set(docs.map((d) => d.entityId));
  await removeDocument(
    db,
    type,
    considered.filter((id) => !kept.has(id)),
  );
  await indexDocument(db, docs);
}

/**
 * Re-read records of one type from the register and update their documents, and the documents that show
 * them: a school's programs and the carriers it leads carry its name and status, a school's document lists
 * its programs' majors, a major's name is its programs' title. Call it inside the transaction that changed
 * the records; an import passes a whole batch of ids at once.
 */
export async function reindexEntity(db: Db | Tx, type: SearchEntityType, ids: string | readonly string[]): Promise<void> {
  const list = typeof ids === 'string' ? [ids] : [...new Set(ids)];
  if (!list.length) return;
  switch (type) {
    case 'school':
      await sync(db, 'school', { ids: list });
      await sync(db, 'program', { schoolIds: list });
      await sync(db, 'carrier', { leadIds: list });
      return;
    case 'enterprise':
      await sync(db, 'enterprise', { ids: list });
      await sync(db, 'carrier', { leadIds: list });
      return;
    case 'program': {
      await sync(db, 'program', { ids: list });
      const schools = await rows<{ school_id: string }>(
        db,
        sql`select distinct school_id from programs where id = any(${sql.param(list)}::uuid[])`,
      );
      await sync(db, 'school', { ids: schools.map((s) => s.school_id) });
      return;
    }
    case 'major':
      await reindexType(db, 'major');
      await sync(db, 'program', { majorIds: list });
      return;
    case 'carrier':
      await sync(db, 'carrier', { ids: list });
  }
}

/**
 * Replace every document of one type, in one transaction: searches see the old set until it commits, and
 * index writes of other transactions (a school saved meanwhile, another reindex) wait for it rather than
 * interleave with the delete and re-insert.
 */
async function reindexType(db: Db | Tx, type: SearchEntityType): Promise<number> {
  const source = SOURCES[type];
  if (!source) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${searchDocuments} in exclusive mode`);
    const docs = await source.load(tx, { all: true });
    const dict = await searchDictionary(tx);
    const now = systemClock();
    await tx.delete(searchDocuments).where(eq(searchDocuments.entityType, type));
    await insertUnnest(
      tx,
      searchDocuments,
      docs.map((d) => row(dict, d, now)),
      2000,
    );
    return docs.length;
  });
}

export interface ReindexProgress {
  type: SearchEntityType;
  done: number;
  total: number;
  documents: number;
}

/** The types that have a source in the register (the others are not indexed yet). */
export const indexedTypes = (): SearchEntityType[] => SEARCH_ENTITY_TYPES.filter((t) => SOURCES[t]);

/** Rebuild the whole index (or some types), one type per transaction; returns the document count per type. */
export async function reindexAll(
  db: Db,
  opts: { types?: readonly SearchEntityType[]; onProgress?: (p: ReindexProgress) => Promise<void> | void } = {},
): Promise<Partial<Record<SearchEntityType, number>>> {
  const types = indexedTypes().filter((t) => !opts.types || opts.types.includes(t));
  const counts: Partial<Record<SearchEntityType, number>> = {};
  for (const [i, type] of types.entries()) {
    counts[type] = await reindexType(db, type);
    await opts.onProgress?.({ type, done: i + 1, total: types.length, documents: counts[type]! });
  }
  // Fresh statistics, so the planner takes the GIN indexes (PGlite has no autovacuum to gather them).
  await db.execute(sql`analyze ${searchDocuments}`);
  return counts;
}
