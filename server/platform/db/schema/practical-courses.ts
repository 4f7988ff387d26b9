import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { COURSE_STATUSES } from '../../../../core/practical-courses/rules.ts';

/**
 * 劳动技术与职业体验课程 (二 (三) 7): the catalogue a school keeps of the courses it developed for 中小学, with the
 * enterprises it developed them with. `kind` is a code of policy practicalCourses.kinds; `stages` the school stages
 * served (小学/初中/高中); `district_id` the school's district.
 */
export const practicalCourses = pgTable(
  'practical_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    stages: text('stages').array().notNull(),
    hours: integer('hours').notNull(),
    summary: text('summary').notNull(),
    status: text('status', { enum: COURSE_STATUSES }).notNull().default('open'),
    enteredBy: uuid('entered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practical_courses_school_idx').on(t.schoolId), index('practical_courses_status_idx').on(t.status, t.kind)],
);

/** The enterprises a course was developed with (合作企业). */
export const practicalCoursePartners = pgTable(
  'practical_course_partners',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => practicalCourses.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.enterpriseId] }), index('practical_course_partners_enterprise_idx').on(t.enterpriseId)],
);
