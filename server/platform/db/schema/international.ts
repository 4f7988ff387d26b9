import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import {
  COMPETITION_ROLES,
  EXCHANGE_DIRECTIONS,
  EXCHANGE_PARTICIPANTS,
  INTERNATIONAL_KINDS,
  INTERNATIONAL_STATUSES,
} from '../../../../core/international/records.ts';

/**
 * 国际交流与合作 (二 (四) 13): one row per exchange, recognition, competition or 鲁班工坊, entered by the school or
 * enterprise that owns the fact (`organisation_id`), with evidence files (evidence_files, owner kind
 * internationalRecord), verified by the bureau. Only verified rows count. `year` is the year of `started_on`,
 * stored so the yearly summaries group without date arithmetic; `district_id` is the owner's district.
 */
export const internationalRecords = pgTable(
  'international_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    kind: text('kind', { enum: INTERNATIONAL_KINDS }).notNull(),
    title: text('title').notNull(),
    country: text('country').notNull(),
    partner: text('partner').notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    year: integer('year').notNull(),
    direction: text('direction', { enum: EXCHANGE_DIRECTIONS }),
    participant: text('participant', { enum: EXCHANGE_PARTICIPANTS }),
    people: integer('people'),
    role: text('role', { enum: COMPETITION_ROLES }),
    awards: integer('awards'),
    qualification: text('qualification'),
    status: text('status', { enum: INTERNATIONAL_STATUSES }).notNull().default('submitted'),
    returnReason: text('return_reason'),
    enteredBy: uuid('entered_by').references(() => users.id),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('international_records_org_year_idx').on(t.organisationId, t.year),
    index('international_records_status_idx').on(t.status, t.kind),
  ],
);
