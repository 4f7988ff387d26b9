import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FieldChanges } from '../../../../core/audit/diff.ts';

/** Every write, in the same transaction as the write itself. Append-only: nothing updates or deletes rows here. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    /** The organisation on whose behalf the actor wrote (their membership's organisation). */
    actorOrganisationId: uuid('actor_organisation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);

/** Staff reads of personal information (PIPL): who saw whose ID number or phone, when, and why. */
export const piiAccessLog = pgTable(
  'pii_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    fields: text('fields').array().notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('pii_access_log_user_idx').on(t.userId, t.at)],
);
