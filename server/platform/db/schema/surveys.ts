import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * 满意度调查 of the multi-party quality evaluation (三 18, 任务清单 27). Who answered and what was answered are kept
 * apart: `survey_participations` holds only a keyed hash of the respondent per round (one answer each, by its
 * primary key), `survey_answers` holds the answers with a random id and no person, no user, no time; both are
 * inserted in one transaction, so a second answer fails on the key and leaves no answer behind.
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: ['student_satisfaction', 'graduate_satisfaction', 'employer_satisfaction', 'internship_quality'],
    }).notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The bureau or the school that opened the round; null for the platform's yearly round of end-of-internship ratings. */
    ownerId: uuid('owner_id').references(() => organisations.id),
    /** A school's own round (its students, graduates or partners); null: a city-wide round of the bureau. */
    schoolId: uuid('school_id').references(() => organisations.id),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closesOn: date('closes_on').notNull(),
    /** The questions and prompt as the policy had them when the round opened (policy `surveys`, versioned). */
    questions: jsonb('questions').$type<{ code: string; text: string }[]>().notNull(),
    freeTextPrompt: text('free_text_prompt').notNull(),
    policyVersion: text('policy_version').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_rounds_year_idx').on(t.year, t.kind),
    // One round per unit, kind and year: a second is a correction of the first, not a new sample.
    uniqueIndex('survey_rounds_owner_kind_year_uq')
      .on(t.ownerId, t.kind, t.year)
      .where(sql`${t.ownerId} is not null`),
    // One standing round of internship ratings per year, created by the first completion of the year.
    uniqueIndex('survey_rounds_internship_year_uq')
      .on(t.year)
      .where(sql`${t.kind} = 'internship_quality' and ${t.ownerId} is null`),
  ],
);

/**
 * Who is asked: one row per invited account and subject (the internship rated, the school an enterprise is asked
 * about). `respondent` names the unit of one answer — the person and subject, or for an employer the enterprise
 * and the school (one answer per enterprise, whichever of its administrators gives it) — and `school_id` the school
 * the answer counts for. The invitation says nothing about whether it was answered.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    subject: text('subject').notNull().default(''),
    respondent: text('respondent').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    /** The enterprise answering (employer) or rated (internship); null for students' and graduates' rounds. */
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    invitedOn: date('invited_on').notNull(),
  },
  (t) => [
    uniqueIndex('survey_invitations_round_user_subject_uq').on(t.roundId, t.userId, t.subject),
    index('survey_invitations_user_idx').on(t.userId),
    index('survey_invitations_round_school_idx').on(t.roundId, t.schoolId),
  ],
);

/** That a respondent answered a round: the keyed hash (blind index) of `respondent`, nothing else, no time. */
export const surveyParticipations = pgTable(
  'survey_participations',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    respondentKey: text('respondent_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.respondentKey] })],
);

/** One anonymous answer: the unit it counts for, the Likert values by question code, its 0–100 score, the free text. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    enterpriseId: uuid('enterprise_id').references(() => organisations.id),
    values: jsonb('values').$type<Record<string, number>>().notNull(),
    score: real('score').notNull(),
    freeText: text('free_text'),
  },
  (t) => [index('survey_answers_round_school_idx').on(t.roundId, t.schoolId), index('survey_answers_enterprise_idx').on(t.enterpriseId)],
);
