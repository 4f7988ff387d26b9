import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * 生均财政拨款 (二 (五) 14, 任务清单 20): one declaration per school per year, from the school (the party that owns
 * the fact): the general-budget appropriation in 元 and the students it is computed over; the per-student figure is
 * derived and stored so lists and the cockpit read it without recomputing. `district_id` is the school's district.
 */
export const fundingDeclarations = pgTable(
  'funding_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    year: integer('year').notNull(),
    appropriationYuan: bigint('appropriation_yuan', { mode: 'number' }).notNull(),
    students: integer('students').notNull(),
    perStudentYuan: integer('per_student_yuan').notNull(),
    note: text('note'),
    declaredBy: uuid('declared_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('funding_declarations_school_year_uq').on(t.schoolId, t.year), index('funding_declarations_year_idx').on(t.year)],
);

/** The local 普通高中 per-student appropriation of a year, entered by the 市财政局: the 中职 schools' benchmark. */
export const highSchoolFunding = pgTable('high_school_funding', {
  year: integer('year').primaryKey(),
  perStudentYuan: integer('per_student_yuan').notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  enteredBy: uuid('entered_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
