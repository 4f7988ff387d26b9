import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { industryClusters } from './catalogues.ts';
import { nameSortKey, nameSortStaleIndex } from './name-sort.ts';
import { organisations } from './organisations.ts';
import { users } from './accounts.ts';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '../../../../core/registry/carrier-kinds.ts';

/**
 * The plan's carriers in one table: every kind has a lead organisation, partners, a district, dates and a
 * life cycle, and the plan's targets count them by kind, level and status (一 (二), 二 (四) 12 …).
 */
export const carriers = pgTable(
  'carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CARRIER_KINDS }).notNull(),
    name: text('name').notNull(),
    nameSort: nameSortKey('name_sort'),
    level: text('level', { enum: CARRIER_LEVELS }).notNull(),
    /** The 牵头单位: a school, an enterprise, a district or the bureau. */
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Where the carrier sits (an organisation of kind district); defaults to the lead's district. */
    districtId: uuid('district_id').references(() => organisations.id),
    clusterCode: text('cluster_code').references(() => industryClusters.code),
    /** 职教集团（联盟）: with its own legal personality or not (任务清单 2 counts 独立法人的实体化职教集团). */
    legalPerson: boolean('legal_person'),
    /** Partner country of an international project or a Luban workshop. */
    country: text('country'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    status: text('status', { enum: CARRIER_STATUSES }).notNull().default('planned'),
    certifiedAt: date('certified_at'),
    /** 认定单位, e.g. 郑州市教育局, 河南省教育厅. */
    certifyingBody: text('certifying_body'),
    /**
     * When the bureau or the carrier's district checked, on the evidence files (evidence_files, owner kind carrier),
     * that an `operating` carrier runs: until then it counts toward no target on its lead's word alone. Cleared
     * whenever the status changes.
     */
    operatingVerifiedAt: timestamp('operating_verified_at', { withTimezone: true }),
    operatingVerifiedBy: uuid('operating_verified_by').references(() => users.id),
    /** Archived records are hidden from lists but never deleted: targets and partners may refer to them. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carriers_lead_idx').on(t.leadOrganisationId),
    index('carriers_district_idx').on(t.districtId),
    index('carriers_kind_idx')
      .on(t.kind, t.status)
      .where(sql`${t.archivedAt} is null`),
    nameSortStaleIndex('carriers', t),
  ],
);

/** 参与单位 of a carrier; they see the carrier (and their district does) but do not edit it. */
export const carrierPartners = pgTable(
  'carrier_partners',
  {
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => carriers.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'carrier_partners_pk', columns: [t.carrierId, t.organisationId] }),
    index('carrier_partners_organisation_idx').on(t.organisationId),
  ],
);
