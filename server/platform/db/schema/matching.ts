import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { industryClusters } from './catalogues.ts';
import { internshipApplications, internshipPosts } from './internships.ts';
import { organisations } from './organisations.ts';
import { students } from './registry.ts';

/**
 * 需求: what an enterprise needs from schools (二 (二) 5–6, 二 (四) 11): talent (jobs), internship places, training
 * for its staff, a technology problem for a school's innovation centre. An internship demand points at its
 * internship post (whose terms and lifecycle are the internship module's) and adds what a post does not say:
 * skills and certificates wanted.
 */
export const demands = pgTable(
  'demands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['talent', 'internship', 'training', 'technology'] }).notNull(),
    internshipPostId: uuid('internship_post_id').references(() => internshipPosts.id),
    title: text('title').notNull(),
    description: text('description'),
    clusterCode: text('cluster_code').references(() => industryClusters.code),
    industryCode: text('industry_code'),
    majorCodes: text('major_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    certificates: text('certificates')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    districtId: uuid('district_id').references(() => organisations.id),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** People wanted (talent, internship, training); a technology problem states a budget instead. */
    headcount: integer('headcount'),
    budgetYuan: bigint('budget_yuan', { mode: 'number' }),
    monthlyPayYuan: integer('monthly_pay_yuan'),
    status: text('status', { enum: ['draft', 'open', 'filled', 'closed'] })
      .notNull()
      .default('draft'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('demands_enterprise_idx').on(t.enterpriseId),
    index('demands_status_kind_idx').on(t.status, t.kind),
    uniqueIndex('demands_post_uq')
      .on(t.internshipPostId)
      .where(sql`${t.internshipPostId} is not null`),
  ],
);

/** What a student offers and wants, beyond the register: skills, certificates (e.g. 1+X), preferences, availability. */
export const studentProfiles = pgTable(
  'student_profiles',
  {
    studentId: uuid('student_id')
      .primaryKey()
      .references(() => students.id),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    certificates: text('certificates')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredDistrictIds: uuid('preferred_district_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    preferredClusterCodes: text('preferred_cluster_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    minMonthlyPayYuan: integer('min_monthly_pay_yuan'),
    availableFrom: date('available_from'),
    availableTo: date('available_to'),
    /** Looking for an internship: the city-wide allocation considers only these students. */
    seekingInternship: boolean('seeking_internship').notNull().default(false),
    /** Opted in to be found by enterprises (personal information: off unless the student turns it on). */
    discoverable: boolean('discoverable').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('student_profiles_seeking_idx')
      .on(t.studentId)
      .where(sql`${t.seekingInternship}`),
    // Enterprises' searches for opted-in students start here (server/matching/facts.ts countDiscoverableByGroup).
    index('student_profiles_discoverable_idx')
      .on(t.studentId)
      .where(sql`${t.discoverable}`),
  ],
);

/** One run of the city-wide (or one school's) internship allocation. */
export const allocationRuns = pgTable(
  'allocation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id'),
    scope: text('scope', { enum: ['city', 'school'] }).notNull(),
    schoolId: uuid('school_id').references(() => organisations.id),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] })
      .notNull()
      .default('running'),
    students: integer('students').notNull().default(0),
    posts: integer('posts').notNull().default(0),
    candidateArcs: integer('candidate_arcs').notNull().default(0),
    proposed: integer('proposed').notNull().default(0),
    totalScore: numeric('total_score', { precision: 14, scale: 1 }),
    // Column generation: the optimum of the pruned graph (each student's best K), the pricing rounds and the pairs
    // they added; a succeeded run's last round found no eligible pair left out with a negative reduced cost.
    prunedProposed: integer('pruned_proposed').notNull().default(0),
    prunedTotalScore: numeric('pruned_total_score', { precision: 14, scale: 1 }),
    pricingRounds: integer('pricing_rounds').notNull().default(0),
    pricedArcs: integer('priced_arcs').notNull().default(0),
    timings: jsonb('timings').$type<Record<string, number>>(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('allocation_runs_school_idx').on(t.schoolId, t.createdAt)],
);

export interface ScoreBreakdownPart {
  part: string;
  label: string;
  points: number;
  max: number;
  reason: string;
}

/**
 * A pair the allocation proposes. The school and the enterprise each confirm or reject it; once both have
 * confirmed it becomes an application in the internship flow (`applicationId`). A rejected pair is never
 * proposed again; a pair still open when the allocation runs again is superseded by the new run (or kept
 * when the new run proposes it again, so re-running never duplicates).
 */
export const allocationProposals = pgTable(
  'allocation_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => allocationRuns.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    postId: uuid('post_id')
      .notNull()
      .references(() => internshipPosts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    score: numeric('score', { precision: 6, scale: 1 }).notNull(),
    breakdown: jsonb('breakdown').$type<ScoreBreakdownPart[]>().notNull(),
    status: text('status', { enum: ['proposed', 'confirmed', 'rejected', 'superseded'] })
      .notNull()
      .default('proposed'),
    schoolDecision: text('school_decision', { enum: ['confirmed', 'rejected'] }),
    enterpriseDecision: text('enterprise_decision', { enum: ['confirmed', 'rejected'] }),
    reason: text('reason'),
    applicationId: uuid('application_id').references(() => internshipApplications.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open or confirmed proposal per pair: a re-run cannot duplicate it.
    uniqueIndex('allocation_proposals_live_uq')
      .on(t.studentId, t.postId)
      .where(sql`${t.status} in ('proposed', 'confirmed')`),
    index('allocation_proposals_run_idx').on(t.runId),
    index('allocation_proposals_school_idx').on(t.schoolId, t.status),
    index('allocation_proposals_enterprise_idx').on(t.enterpriseId, t.status),
    index('allocation_proposals_student_idx').on(t.studentId, t.status),
  ],
);

/**
 * 培训课程: a course a school offers to train enterprises' employees (二 (二) 5: schools train enterprise staff;
 * part of the school's capability profile). Scored against an enterprise's training demand by its major field,
 * its yearly capacity against the headcount, and its mode.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The field, as a catalogue major code without edition (6 digits), like demands' majors. */
    majorCode: text('major_code').notNull(),
    hours: integer('hours').notNull(),
    mode: text('mode', { enum: ['offline', 'online', 'blended'] }).notNull(),
    /** Who it is for, in words (e.g. 制造企业一线技术工人). */
    trainees: text('trainees'),
    /** People the school can train on it in a year. */
    capacityPerYear: integer('capacity_per_year').notNull(),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_courses_school_name_uq').on(t.schoolId, t.name), index('training_courses_major_idx').on(t.majorCode)],
);
