import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { teachers } from './registry.ts';
import { reviewRounds } from './expert-review.ts';
import { users } from './accounts.ts';

/**
 * 项目申报指南: a call the bureau (or a department) opens for one kind of project of the policy file (calls.kinds),
 * with its budget and dates. draft → open (takes applications until closesOn) → reviewing (experts score) →
 * decided (立项 amounts set) → published (results public, objections until objectionEndsOn).
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The bureau or department that opened it and decides it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    budgetYuan: bigint('budget_yuan', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'reviewing', 'decided', 'published'] })
      .notNull()
      .default('draft'),
    reviewRoundId: uuid('review_round_id').references(() => reviewRounds.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    publishedOn: date('published_on'),
    objectionEndsOn: date('objection_ends_on'),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Every decision names the version it read: two clerks deciding at once, the second gets VERSION_CONFLICT. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calls_status_idx').on(t.status, t.closesOn), index('calls_kind_idx').on(t.kind)],
);

/** 申报书: one per applicant and call, pre-filled from the register, drafted, submitted, withdrawn; then decided. */
export const callApplications = pgTable(
  'call_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    applicantOrganisationId: uuid('applicant_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The applicant's district (scope of a district's staff). */
    districtId: uuid('district_id').references(() => organisations.id),
    title: text('title').notNull(),
    /** Industry cluster code: matched against the experts' fields. */
    field: text('field'),
    requestedYuan: bigint('requested_yuan', { mode: 'number' }).notNull(),
    /** Section code (calls.kinds[].evidence) → text. */
    sections: jsonb('sections').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'withdrawn'] })
      .notNull()
      .default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Set by the decision: the aggregate score and rank it was made on, funded or not, the amount. */
    score: numeric('score', { precision: 8, scale: 2, mode: 'number' }),
    rank: integer('rank'),
    decision: text('decision', { enum: ['funded', 'not_funded'] }),
    awardYuan: bigint('award_yuan', { mode: 'number' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_applications_applicant_uq').on(t.callId, t.applicantOrganisationId),
    index('call_applications_applicant_idx').on(t.applicantOrganisationId),
    index('call_applications_district_idx').on(t.districtId),
  ],
);

/** 合作单位 named by an application: each confirms its part before the application counts them. */
export const callApplicationPartners = pgTable(
  'call_application_partners',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => callApplications.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    part: text('part').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'call_application_partners_pk', columns: [t.applicationId, t.organisationId] }),
    index('call_application_partners_org_idx').on(t.organisationId),
  ],
);

/** A team's members: teachers of the applicant's school in the register. */
export const callApplicationMembers = pgTable(
  'call_application_members',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => callApplications.id),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id),
  },
  (t) => [primaryKey({ name: 'call_application_members_pk', columns: [t.applicationId, t.teacherId] })],
);

/**
 * 异议: during a published result's 公示 (until calls.objection_ends_on) an applicant may object to its decision once,
 * with reasons; the unit that manages the call answers (upheld or dismissed). The result is final once the period
 * is over and every objection is answered.
 */
export const callObjections = pgTable(
  'call_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => callApplications.id),
    applicantOrganisationId: uuid('applicant_organisation_id')
      .notNull()
      .references(() => organisations.id),
    reasons: text('reasons').notNull(),
    raisedBy: uuid('raised_by').references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'answered'] })
      .notNull()
      .default('pending'),
    outcome: text('outcome', { enum: ['upheld', 'dismissed'] }),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('call_objections_application_uq').on(t.applicationId), index('call_objections_call_idx').on(t.callId)],
);
