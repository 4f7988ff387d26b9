import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { students } from './registry.ts';

/**
 * 实习岗位: what an enterprise offers, with the facts the internship regulation checks at publishing.
 * `placesTaken` is the counter that makes overselling impossible: an acceptance increments it only while
 * it is below `places`, in the same statement.
 */
export const internshipPosts = pgTable(
  'internship_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['observation', 'placement'] }).notNull(),
    /** Staff the enterprise has in this kind of position: the base of the 20% position cap. */
    positionStaff: integer('position_staff').notNull(),
    majorCodes: text('major_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    places: integer('places').notNull(),
    placesTaken: integer('places_taken').notNull().default(0),
    monthlyPayYuan: integer('monthly_pay_yuan').notNull(),
    samePostWageYuan: integer('same_post_wage_yuan').notNull(),
    dailyHours: integer('daily_hours').notNull(),
    weeklyHours: integer('weekly_hours').notNull(),
    nightShift: boolean('night_shift').notNull().default(false),
    holidayWork: boolean('holiday_work').notNull().default(false),
    overtime: boolean('overtime').notNull().default(false),
    workplaceKind: text('workplace_kind'),
    tasks: text('tasks')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    highRiskFiled: boolean('high_risk_filed').notNull().default(false),
    fees: text('fees')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    insurance: text('insurance', { enum: ['school', 'enterprise', 'none'] }).notNull(),
    viaIntermediary: boolean('via_intermediary').notNull().default(false),
    location: text('location'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status', { enum: ['draft', 'published', 'closed'] })
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('internship_posts_enterprise_idx').on(t.enterpriseId), index('internship_posts_status_idx').on(t.status, t.startDate)],
);

/** A student's application to a post, through the school's approval and the enterprise's acceptance. */
export const internshipApplications = pgTable(
  'internship_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => internshipPosts.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: ['applied', 'school_approved', 'accepted', 'rejected', 'withdrawn'] })
      .notNull()
      .default('applied'),
    /** Where the application came from: the student, or a proposal of the city-wide allocation. */
    source: text('source', { enum: ['student', 'allocation'] })
      .notNull()
      .default('student'),
    decisions: jsonb('decisions').$type<{ at: string; by: string; status: string; reason?: string }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live application per student and post: applying twice is refused by the database itself.
    uniqueIndex('internship_applications_live_uq')
      .on(t.postId, t.studentId)
      .where(sql`${t.status} in ('applied', 'school_approved', 'accepted')`),
    index('internship_applications_student_idx').on(t.studentId),
    index('internship_applications_enterprise_idx').on(t.enterpriseId, t.status),
    index('internship_applications_school_idx').on(t.schoolId, t.status),
  ],
);
