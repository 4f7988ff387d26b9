import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { internshipApplications, internshipPosts } from './internships.ts';
import { organisations } from './organisations.ts';
import { students, teachers } from './registry.ts';

const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * 实习: one per accepted application, from acceptance to its end. The placement's terms are copied from the
 * post at acceptance, so that the agreement and the alerts speak of what was agreed even if the post changes.
 */
export const internships = pgTable(
  'internships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => internshipApplications.id),
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
    /** The school's district: a district reads its schools' placements. */
    districtId: uuid('district_id'),
    kind: text('kind', { enum: ['observation', 'placement'] }).notNull(),
    plannedStart: date('planned_start').notNull(),
    plannedEnd: date('planned_end').notNull(),
    monthlyPayYuan: integer('monthly_pay_yuan').notNull(),
    samePostWageYuan: integer('same_post_wage_yuan').notNull(),
    dailyHours: integer('daily_hours').notNull(),
    weeklyHours: integer('weekly_hours').notNull(),
    location: text('location'),
    status: text('status', { enum: ['accepted', 'active', 'completed', 'withdrawn', 'terminated', 'reassigned'] })
      .notNull()
      .default('accepted'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    outcome: text('outcome', { enum: ['passed', 'failed'] }),
    endReason: text('end_reason'),
    /** The internship this one replaced (reassignment). */
    replacesId: uuid('replaces_id'),
    learningOutcomeId: uuid('learning_outcome_id'),
    /**
     * The regulation's two mentors per intern. The school's is one of its teachers (who then comments and
     * evaluates for the school); the enterprise's is a person it names with a mobile number, stored encrypted
     * with a masked copy like every phone (the mentor need not hold an account).
     */
    schoolMentorId: uuid('school_mentor_id').references(() => teachers.id),
    enterpriseMentorName: text('enterprise_mentor_name'),
    enterpriseMentorPhoneCipher: text('enterprise_mentor_phone_cipher'),
    enterpriseMentorPhoneMasked: text('enterprise_mentor_phone_masked'),
    version: integer('version').notNull().default(1),
    createdAt,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('internships_application_uq').on(t.applicationId),
    index('internships_student_idx').on(t.studentId, t.status),
    index('internships_school_idx').on(t.schoolId, t.status),
    index('internships_enterprise_idx').on(t.enterpriseId, t.status),
  ],
);

/** 三方协议: the text generated from the template, frozen; signatures bind to its hash. */
export const internshipAgreements = pgTable(
  'internship_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id),
    templateVersion: text('template_version').notNull(),
    text: text('text').notNull(),
    textSha256: text('text_sha256').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('internship_agreements_internship_uq').on(t.internshipId)],
);

export const internshipSignatures = pgTable(
  'internship_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => internshipAgreements.id),
    party: text('party', { enum: ['school', 'enterprise', 'student', 'guardian'] }).notNull(),
    /** The signed-in user who signed (for the guardian: the school staff member who recorded the consent). */
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signerName: text('signer_name').notNull(),
    guardianName: text('guardian_name'),
    guardianRelation: text('guardian_relation'),
    textSha256: text('text_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Each party signs once: a second signature is refused by the database itself.
  (t) => [uniqueIndex('internship_signatures_party_uq').on(t.agreementId, t.party)],
);

export const internshipInsurance = pgTable('internship_insurance', {
  internshipId: uuid('internship_id')
    .primaryKey()
    .references(() => internships.id),
  insurer: text('insurer').notNull(),
  policyNo: text('policy_no').notNull(),
  coverageStart: date('coverage_start').notNull(),
  coverageEnd: date('coverage_end').notNull(),
  payer: text('payer', { enum: ['school', 'enterprise'] }).notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** 实习周志: one per internship and week (the week's Monday). */
export const internshipLogs = pgTable(
  'internship_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id),
    weekStart: date('week_start').notNull(),
    hoursWorked: integer('hours_worked').notNull(),
    content: text('content').notNull(),
    createdAt,
  },
  (t) => [uniqueIndex('internship_logs_week_uq').on(t.internshipId, t.weekStart)],
);

export const internshipLogComments = pgTable(
  'internship_log_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    logId: uuid('log_id')
      .notNull()
      .references(() => internshipLogs.id),
    party: text('party', { enum: ['school', 'enterprise'] }).notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    comment: text('comment').notNull(),
    createdAt,
  },
  (t) => [index('internship_log_comments_log_idx').on(t.logId)],
);

/** 签到: one a day; the location is what the student typed (no geofence: verify attendance without a ritual). */
export const internshipCheckins = pgTable(
  'internship_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id),
    date: date('date').notNull(),
    location: text('location'),
    hours: numeric('hours', { precision: 4, scale: 1 }),
    createdAt,
  },
  (t) => [uniqueIndex('internship_checkins_day_uq').on(t.internshipId, t.date)],
);

/** 中期 / 终期评价 by each mentor side: one per internship, stage and party. */
export const internshipEvaluations = pgTable(
  'internship_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    internshipId: uuid('internship_id')
      .notNull()
      .references(() => internships.id),
    stage: text('stage', { enum: ['midterm', 'final'] }).notNull(),
    party: text('party', { enum: ['school', 'enterprise'] }).notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt,
  },
  (t) => [uniqueIndex('internship_evaluations_uq').on(t.internshipId, t.stage, t.party)],
);
