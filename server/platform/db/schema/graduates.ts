import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { programs, students } from './registry.ts';

/**
 * 毕业去向 (issue 16): one row per graduate per survey point (毕业时, 毕业6个月, 毕业1年), entered by the school
 * (form or spreadsheet), confirmed by the employer when it is an enterprise on the platform, corrected by the
 * student (the school sees the correction and decides). The category is the national code (policy file
 * `graduates.categories`), its group kept beside it so the figures need no look-up. `school_id` and `district_id`
 * are the graduate's school and its district (data scope); `location_district_id` is where the graduate works or
 * studies — a Zhengzhou district, or null when outside Zhengzhou (`in_zhengzhou` false).
 */
export const graduateDestinations = pgTable(
  'graduate_destinations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    programId: uuid('program_id').references(() => programs.id),
    graduationYear: integer('graduation_year').notNull(),
    surveyPoint: text('survey_point', { enum: ['graduation', 'sixMonths', 'oneYear'] }).notNull(),
    categoryCode: text('category_code').notNull(),
    categoryGroup: text('category_group').notNull(),
    employerName: text('employer_name'),
    employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
    industryCode: text('industry_code'),
    studySchool: text('study_school'),
    studyLevel: text('study_level'),
    studyFullTime: boolean('study_full_time'),
    locationDistrictId: uuid('location_district_id').references(() => organisations.id),
    inZhengzhou: boolean('in_zhengzhou').notNull().default(false),
    note: text('note'),
    /** none: the employer is not on the platform; pending → confirmed / denied by the enterprise. */
    confirmation: text('confirmation', { enum: ['none', 'pending', 'confirmed', 'denied'] })
      .notNull()
      .default('none'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmationNote: text('confirmation_note'),
    /** The student's own account of the destination, waiting for the school (null when none is open). */
    correction: jsonb('correction'),
    correctionAt: timestamp('correction_at', { withTimezone: true }),
    enteredBy: uuid('entered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('graduate_destinations_student_point_uq').on(t.studentId, t.surveyPoint),
    index('graduate_destinations_school_year_idx').on(t.schoolId, t.graduationYear),
    index('graduate_destinations_employer_idx')
      .on(t.employerOrganisationId)
      .where(sql`${t.employerOrganisationId} is not null`),
  ],
);
