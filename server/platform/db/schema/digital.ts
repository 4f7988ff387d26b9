import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * Digital vocational education (二 (四) 11, 任务清单 15). A 精品在线课程 is declared by the school that provides it
 * (the party that owns the fact), optionally with a partner enterprise, and recognised or rejected by the bureau;
 * recognised courses are what the online_courses target counts. `district_id` is the providing school's district.
 */
export const onlineCourses = pgTable(
  'online_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    partnerEnterpriseId: uuid('partner_enterprise_id').references(() => organisations.id),
    title: text('title').notNull(),
    level: text('level', { enum: ['city', 'province', 'national'] }).notNull(),
    /** Codes of the national 职业教育专业目录 the course serves. */
    majorCodes: jsonb('major_codes').$type<string[]>().notNull(),
    url: text('url').notNull(),
    credits: numeric('credits', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    enrolments: integer('enrolments').notNull(),
    summary: text('summary'),
    status: text('status', { enum: ['submitted', 'recognised', 'rejected'] })
      .notNull()
      .default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    declaredBy: uuid('declared_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('online_courses_school_title_uq').on(t.schoolId, t.title),
    index('online_courses_status_idx').on(t.status, t.districtId),
  ],
);

/**
 * The smart-campus standard as the bureau published it: the policy file's items copied at publication, so a
 * self-assessment is always read against the edition it answered even after the policy changes.
 */
export const smartCampusStandards = pgTable('smart_campus_standards', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  items: jsonb('items').$type<Array<{ code: string; name: string; text: string; article: string; required: boolean }>>().notNull(),
  passItems: integer('pass_items').notNull(),
  publishedBy: uuid('published_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A school's self-assessment against a published standard (one per school and edition): its answers, whether they
 * meet the standard (derived at submission), and the bureau's review. Accepted and meeting → counted toward
 * smart_campus_share. A returned assessment is corrected and submitted again.
 */
export const smartCampusAssessments = pgTable(
  'smart_campus_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    standardId: uuid('standard_id')
      .notNull()
      .references(() => smartCampusStandards.id),
    items: jsonb('items').$type<Array<{ code: string; met: boolean; note: string | null }>>().notNull(),
    metItems: integer('met_items').notNull(),
    meets: boolean('meets').notNull(),
    status: text('status', { enum: ['submitted', 'accepted', 'returned'] })
      .notNull()
      .default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('smart_campus_assessments_school_standard_uq').on(t.schoolId, t.standardId),
    index('smart_campus_assessments_status_idx').on(t.standardId, t.status),
  ],
);

/**
 * A school's application to be a 智慧职教示范校 and the bureau's decision (one per school; a rejected school may
 * apply again). Approved → counted toward smart_demo_schools.
 */
export const smartDemoApplications = pgTable(
  'smart_demo_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    statement: text('statement').notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] })
      .notNull()
      .default('submitted'),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('smart_demo_applications_school_uq').on(t.schoolId), index('smart_demo_applications_status_idx').on(t.status)],
);
