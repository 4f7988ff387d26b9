import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { nameSortKey, nameSortStaleIndex } from './name-sort.ts';

/**
 * Every party of the plan is an organisation: the bureau, the departments of the task list, the districts
 * and development zones, schools, enterprises and the third-party evaluation organisations. Kind-specific facts live in their own tables (schools,
 * enterprises) keyed by the organisation id, so scopes, memberships and audit work the same for all.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['bureau', 'department', 'district', 'school', 'enterprise', 'evaluator'] }).notNull(),
    name: text('name').notNull(),
    /** 名称's pinyin sort key (schema/name-sort.ts). */
    nameSort: nameSortKey('name_sort'),
    /** The natural key of the kind: unit code, division code, 学校标识码 or 统一社会信用代码. */
    code: text('code').notNull(),
    /** The district (an organisation of kind district) a school or enterprise belongs to; a district points to itself. */
    districtId: uuid('district_id').references((): AnyPgColumn => organisations.id),
    status: text('status', { enum: ['active', 'pending', 'archived'] })
      .notNull()
      .default('active'),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Optimistic concurrency: an edit names the version it read; a stale one is refused. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_kind_code_uq').on(t.kind, t.code),
    index('organisations_district_idx').on(t.districtId),
    index('organisations_kind_idx')
      .on(t.kind)
      .where(sql`${t.status} <> 'archived'`),
    // The schools' and enterprises' lists in pinyin order city-wide.
    index('organisations_kind_name_sort_idx').on(t.kind, t.nameSort, t.id),
    nameSortStaleIndex('organisations', t),
  ],
);
