import { boolean, customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL's tsvector, written and read as its text form (built by core/search/tokenize.ts). */
const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/**
 * The search index: one row per searchable record (school, program, major, enterprise, carrier …), holding
 * its display title and subtitle, its lexemes (tokenised in the app: dictionary words, characters and
 * character bigrams, weighted by field) and where it sits for the data-scope filter. Rebuilt at will from
 * the register (job `search.reindex`); kept current by the repositories through server/search.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    entityType: text('entity_type', { enum: ['school', 'program', 'major', 'enterprise', 'carrier'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    tokens: tsvector('tokens').notNull(),
    /** For the scope filter (scopeWhere): the record's district and owning organisation, when it has them. */
    districtId: uuid('district_id'),
    organisationId: uuid('organisation_id'),
    /** Visible to everyone, signed in or not (the public directory). Others only within the caller's scope. */
    isPublic: boolean('is_public').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'search_documents_pk', columns: [t.entityType, t.entityId] }),
    index('search_documents_tokens_idx').using('gin', t.tokens),
    index('search_documents_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('search_documents_organisation_idx').on(t.organisationId),
  ],
);
