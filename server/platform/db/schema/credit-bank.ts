import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { programs, students } from './registry.ts';

/**
 * 学分银行 (二 (四) 11): learner accounts, learning outcomes, recognition rules, transfer requests, the
 * hash-chained ledger and verifiable credentials. The ledger and the outcomes carry the learner's district so
 * the big tables can be partitioned by region later (DESIGN.md, Scale).
 */
const OUTCOME_KIND = ['schoolCourse', 'trainingCourse', 'skillCertificate', 'competitionAward', 'internship', 'onlineCourse'] as const;
const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 学习账户: one per person (blind index of the ID number); a student's account is linked to the student record. */
export const creditAccounts = pgTable(
  'credit_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number a learner gives an issuer, like a bank account number. */
    accountNo: text('account_no').notNull(),
    kind: text('kind', { enum: ['student', 'learner'] }).notNull(),
    studentId: uuid('student_id').references(() => students.id),
    userId: uuid('user_id').references(() => users.id),
    holderName: text('holder_name').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    /** The school of a student, or the enterprise that opened the account of an employee. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id'),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    createdAt,
  },
  (t) => [
    uniqueIndex('credit_accounts_no_uq').on(t.accountNo),
    uniqueIndex('credit_accounts_id_index_uq').on(t.idNumberIndex),
    uniqueIndex('credit_accounts_student_uq').on(t.studentId),
    index('credit_accounts_user_idx').on(t.userId),
    index('credit_accounts_org_idx').on(t.organisationId),
  ],
);

/** 学习成果: issued by an organisation with evidence; visible to the learner as soon as it is written. */
export const learningOutcomes = pgTable(
  'learning_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => creditAccounts.id),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: OUTCOME_KIND }).notNull(),
    /** The issuer's course, certificate or competition code: what single-outcome rules match. */
    code: text('code'),
    title: text('title').notNull(),
    /** Major or occupation code (prefix-matched by group and program rules). */
    field: text('field'),
    level: integer('level'),
    credits: numeric('credits', { precision: 6, scale: 2 }),
    grade: text('grade'),
    hours: integer('hours'),
    awardRank: text('award_rank'),
    achievedOn: date('achieved_on').notNull(),
    evidenceUrl: text('evidence_url'),
    evidenceSha256: text('evidence_sha256'),
    evidenceNote: text('evidence_note'),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    revokedReason: text('revoked_reason'),
    /** The issuer's key for the posting: a retried issue returns the first outcome instead of a second. */
    idempotencyKey: text('idempotency_key').notNull(),
    districtId: uuid('district_id'),
    createdBy: uuid('created_by'),
    createdAt,
  },
  (t) => [
    uniqueIndex('learning_outcomes_issuer_key_uq').on(t.issuerId, t.idempotencyKey),
    index('learning_outcomes_account_idx').on(t.accountId, t.achievedOn),
    index('learning_outcomes_issuer_idx').on(t.issuerId, t.createdAt),
  ],
);

/**
 * 学分认定与转换规则: versions of one rule share `ruleKey`. A rule is in force once both parties agreed and
 * between its effective dates; an archived version stays for the record but recognises nothing.
 */
export const recognitionRules = pgTable(
  'recognition_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleKey: uuid('rule_key').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['proposed', 'active', 'archived'] })
      .notNull()
      .default('proposed'),
    scope: text('scope', { enum: ['outcome', 'group', 'program'] }).notNull(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => organisations.id),
    outcomeKind: text('outcome_kind', { enum: OUTCOME_KIND }),
    outcomeCode: text('outcome_code'),
    field: text('field'),
    minLevel: integer('min_level'),
    targetSchoolId: uuid('target_school_id')
      .notNull()
      .references(() => organisations.id),
    targetProgramId: uuid('target_program_id').references(() => programs.id),
    targetCourseCode: text('target_course_code').notNull(),
    targetCourseName: text('target_course_name').notNull(),
    creditMode: text('credit_mode', { enum: ['fixed', 'perHours', 'ratio'] }).notNull(),
    creditValue: numeric('credit_value', { precision: 8, scale: 2 }).notNull(),
    maxCredits: numeric('max_credits', { precision: 6, scale: 2 }),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    agreementRef: text('agreement_ref'),
    issuerAgreedBy: uuid('issuer_agreed_by'),
    issuerAgreedAt: timestamp('issuer_agreed_at', { withTimezone: true }),
    schoolAgreedBy: uuid('school_agreed_by'),
    schoolAgreedAt: timestamp('school_agreed_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedReason: text('archived_reason'),
    createdBy: uuid('created_by'),
    createdAt,
  },
  (t) => [
    uniqueIndex('recognition_rules_key_version_uq').on(t.ruleKey, t.version),
    index('recognition_rules_target_idx').on(t.targetSchoolId, t.status),
    index('recognition_rules_issuer_idx').on(t.issuerId),
  ],
);

/** 学分转换申请: a learner asks a school to recognise outcomes for a program the learner studies. */
export const creditTransfers = pgTable(
  'credit_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => creditAccounts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status', { enum: ['inReview', 'completed'] }).notNull(),
    idempotencyKey: text('idempotency_key'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt,
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('credit_transfers_key_uq').on(t.accountId, t.idempotencyKey),
    index('credit_transfers_school_idx').on(t.schoolId, t.status),
    index('credit_transfers_account_idx').on(t.accountId),
  ],
);

export const creditTransferItems = pgTable(
  'credit_transfer_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => creditTransfers.id),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => learningOutcomes.id),
    programId: uuid('program_id').notNull(),
    status: text('status', { enum: ['autoRecognised', 'pendingReview', 'recognised', 'rejected'] }).notNull(),
    ruleId: uuid('rule_id').references(() => recognitionRules.id),
    courseCode: text('course_code'),
    courseName: text('course_name'),
    credits: numeric('credits', { precision: 6, scale: 2 }),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ledgerSeq: bigint('ledger_seq', { mode: 'number' }),
  },
  (t) => [
    index('credit_transfer_items_transfer_idx').on(t.transferId),
    // One outcome is recognised for a program at most once, whatever the number of requests.
    uniqueIndex('credit_transfer_items_outcome_program_uq')
      .on(t.outcomeId, t.programId)
      .where(sql`${t.status} <> 'rejected'`),
  ],
);

/**
 * The append-only ledger. `seq` is given out under the chain-head row lock, so it has no gaps; `hash` covers the
 * entry and `prev_hash`. Nothing updates or deletes a row: a correction is a compensation entry.
 */
export const creditLedger = pgTable(
  'credit_ledger',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind', { enum: ['deposit', 'recognition', 'compensation'] }).notNull(),
    credits: numeric('credits', { precision: 8, scale: 2 }).notNull(),
    outcomeId: uuid('outcome_id'),
    transferItemId: uuid('transfer_item_id'),
    ruleId: uuid('rule_id'),
    programId: uuid('program_id'),
    courseCode: text('course_code'),
    compensatesSeq: bigint('compensates_seq', { mode: 'number' }),
    reason: text('reason'),
    idempotencyKey: text('idempotency_key').notNull(),
    districtId: uuid('district_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('credit_ledger_key_uq').on(t.idempotencyKey),
    index('credit_ledger_account_idx').on(t.accountId, t.seq),
    uniqueIndex('credit_ledger_compensates_uq').on(t.compensatesSeq),
  ],
);

/** The chain head: one row, locked by every append so that appends form one line on every engine. */
export const creditLedgerHead = pgTable(
  'credit_ledger_head',
  {
    id: integer('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('credit_ledger_head_single', sql`${t.id} = 1`)],
);

/** The platform's Ed25519 signing keys; the private key is encrypted with the PII key material (server/platform/pii.ts). */
export const credentialKeys = pgTable(
  'credential_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    privateKeyCipher: text('private_key_cipher').notNull(),
    status: text('status', { enum: ['active', 'retired', 'revoked'] }).notNull(),
    createdAt,
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('credential_keys_public_uq').on(t.publicKeyMultibase),
    // At most one key signs new credentials at a time.
    uniqueIndex('credential_keys_one_active_uq')
      .on(t.status)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Issued credentials, kept as the exact JSON handed out, with their revocation state. */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => creditAccounts.id),
    kind: text('kind', { enum: ['outcome', 'transcript'] }).notNull(),
    outcomeId: uuid('outcome_id').references(() => learningOutcomes.id),
    keyId: uuid('key_id')
      .notNull()
      .references(() => credentialKeys.id),
    document: text('document').notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    createdBy: uuid('created_by'),
    createdAt,
  },
  (t) => [index('credentials_account_idx').on(t.accountId, t.createdAt)],
);
