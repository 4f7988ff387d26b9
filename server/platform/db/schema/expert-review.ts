import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * 评审专家库: an expert is a user account (a teacher, an enterprise's staff, a department's official …) the bureau
 * has put in the pool, with fields of expertise. The account keeps its own roles; being an expert is this row,
 * not a role, so the expert signs in as they always do and sees the reviews assigned to them.
 */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Where the expert works (their account's organisation when one); null for an expert from outside the register. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Free-text employer of an outside expert (a university elsewhere, retired). */
    affiliation: text('affiliation'),
    title: text('title'),
    /** Industry cluster codes or major division codes. */
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experts_user_uq').on(t.userId), index('experts_organisation_idx').on(t.organisationId)],
);

/**
 * One review: the subjects of one owner (a call's submitted applications, a certification batch) reviewed under one
 * rubric. The owner capability creates it and hands it the subjects; this table keeps how it is scored.
 */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What owns the round: 'call', 'certification' … and the owner's id. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The organisation running it (the bureau or a department): its staff manage the round. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    /** [{ code, label, min, max, weight? }] */
    rubric: jsonb('rubric').notNull(),
    aggregation: text('aggregation', { enum: ['mean', 'trimmed_mean'] }).notNull(),
    expertsPerSubject: integer('experts_per_subject').notNull(),
    /** 盲评: experts never see the applicants' names. */
    blind: boolean('blind').notNull(),
    status: text('status', { enum: ['open', 'assigned', 'closed'] })
      .notNull()
      .default('open'),
    /** The date the subjects were submitted (the call's deadline): co-applications are "recent" from it. */
    heldOn: date('held_on').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_rounds_owner_uq').on(t.ownerKind, t.ownerId)],
);

/** What an expert reviews: a snapshot of the subject as submitted, its applicants kept apart for blind review. */
export const reviewSubjects = pgTable(
  'review_subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    title: text('title').notNull(),
    /** The text the expert reads (no applicant names when the round is blind: the owner writes it so). */
    summary: text('summary').notNull(),
    field: text('field'),
    /** The applicant and co-applicants, in the order of the application. */
    applicantOrganisationIds: uuid('applicant_organisation_ids').array().notNull(),
    applicantNames: text('applicant_names').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_subjects_uq').on(t.roundId, t.subjectKind, t.subjectId),
    index('review_subjects_applicants_idx').using('gin', t.applicantOrganisationIds),
  ],
);

/** An expert's assignment to a subject and, once submitted, their score sheet. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    reviewSubjectId: uuid('review_subject_id')
      .notNull()
      .references(() => reviewSubjects.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    /** Item code → score. */
    scores: jsonb('scores'),
    total: numeric('total', { precision: 8, scale: 2, mode: 'number' }),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_uq').on(t.reviewSubjectId, t.expertId),
    index('review_assignments_expert_idx').on(t.expertId),
    index('review_assignments_round_idx').on(t.roundId),
  ],
);
