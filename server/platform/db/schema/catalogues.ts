import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nameSortKey, nameSortStaleIndex } from './name-sort.ts';

/**
 * A catalogue edition (national major catalogue 2021, GB/T 4754-2017, …). A new edition is a new row and
 * new entries: records that point at an older edition's entries stay valid.
 */
export const catalogueEditions = pgTable(
  'catalogue_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['major', 'industry', 'occupation', 'division'] }).notNull(),
    edition: text('edition').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    /** A hand-checked subset shipped for the demo, not the complete published catalogue. */
    isDemoSubset: boolean('is_demo_subset').notNull().default(false),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalogue_editions_kind_edition_uq').on(t.kind, t.edition)],
);

/** 职业教育专业目录 entries: level, 专业大类 (2 digits), 专业类 (4 digits), 专业 (6 digits). */
export const majors = pgTable(
  'majors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => catalogueEditions.id),
    level: text('level', { enum: ['secondary', 'higher', 'vocUndergrad'] }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameSort: nameSortKey('name_sort'),
    categoryCode: text('category_code').notNull(),
    categoryName: text('category_name').notNull(),
    divisionCode: text('division_code').notNull(),
    divisionName: text('division_name').notNull(),
  },
  (t) => [uniqueIndex('majors_edition_code_uq').on(t.editionId, t.code), nameSortStaleIndex('majors', t)],
);

/** GB/T 4754-2017 nodes: section (门类) / division (大类) / group (中类) / class (小类). */
export const industries = pgTable(
  'industries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => catalogueEditions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['section', 'division', 'group', 'class'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [uniqueIndex('industries_edition_code_uq').on(t.editionId, t.code), index('industries_parent_idx').on(t.parentCode)],
);

/**
 * 中华人民共和国职业分类大典 nodes: 大类 (1 digit, "2"), 中类 ("2-02"), 小类 ("2-02-10"), 细类 = 职业 ("2-02-10-03").
 * `parentCode` is the code one level up (null for a 大类).
 */
export const occupations = pgTable(
  'occupations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => catalogueEditions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['major', 'middle', 'minor', 'occupation'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [uniqueIndex('occupations_edition_code_uq').on(t.editionId, t.code)],
);

/** The plan's industry clusters (二 (一) 3, 二 (四) 13). */
export const industryClusters = pgTable('industry_clusters', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  article: text('article').notNull(),
  sortOrder: integer('sort_order').notNull(),
});
