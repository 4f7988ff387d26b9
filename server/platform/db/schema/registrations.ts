import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * An enterprise's self-registration on the public page: the organisation (status `pending`) and its admin
 * account (disabled) exist from the start, so approval only switches them on. A rejected registration
 * keeps its reason; the enterprise may register again with the same code.
 */
export const enterpriseRegistrations = pgTable(
  'enterprise_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Why it was rejected, shown to the registrant's district and kept for the record. */
    reason: text('reason'),
  },
  (t) => [
    index('enterprise_registrations_org_idx').on(t.organisationId),
    index('enterprise_registrations_status_idx').on(t.status, t.submittedAt),
  ],
);
