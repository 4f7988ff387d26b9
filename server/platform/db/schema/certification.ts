import { bigint, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/** Levels of the 国资委 that supervises a state-owned enterprise (国有企业的履行出资人职责机构). */
export const SASAC_LEVELS = ['central', 'province', 'city', 'district'] as const;

/**
 * 企业年度申报 (二 (二) 5, 任务清单 7; 三 18): once a year each enterprise above designated size declares the facts it
 * owns — payroll, the training fund drawn and spent, the share of it spent on front-line staff, people trained —
 * and whether it is state-owned (with the level of its supervising 国资委). Internship posts offered are not
 * declared: the register already knows them. The cockpit's training-fund targets are computed from these rows.
 */
export const enterpriseDeclarations = pgTable(
  'enterprise_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    /** The year the figures are of (a calendar year already begun). */
    year: integer('year').notNull(),
    /** 职工工资总额, yuan. */
    payrollYuan: bigint('payroll_yuan', { mode: 'number' }).notNull(),
    /** 提取的职工教育培训经费, yuan. */
    fundDrawnYuan: bigint('fund_drawn_yuan', { mode: 'number' }).notNull(),
    /** 实际使用的职工教育培训经费, yuan (never above what was drawn). */
    fundSpentYuan: bigint('fund_spent_yuan', { mode: 'number' }).notNull(),
    /** 用于一线职工的比例, percent (0–100) of the fund spent. */
    frontlineSharePct: numeric('frontline_share_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    /** 培训职工人次. */
    peopleTrained: integer('people_trained').notNull(),
    /**
     * 当年兴办职业教育的投资, yuan (财税〔2019〕46号: the qualifying investment of which a certified enterprise credits 30%
     * against its 教育费附加 and 地方教育附加); null when none is declared.
     */
    vocationalInvestmentYuan: bigint('vocational_investment_yuan', { mode: 'number' }),
    /** 当年应缴教育费附加和地方教育附加, yuan: what the credit is set against; null when not declared. */
    educationSurchargesYuan: bigint('education_surcharges_yuan', { mode: 'number' }),
    /** null: not state-owned; else the level of the supervising 国资委. */
    sasacLevel: text('sasac_level', { enum: SASAC_LEVELS }),
    declaredBy: uuid('declared_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_declarations_enterprise_year_uq').on(t.enterpriseId, t.year),
    index('enterprise_declarations_year_idx').on(t.year),
  ],
);

const CASE_STAGES = [
  'applied',
  'districtReviewed',
  'eligible',
  'expertReviewed',
  'reserve',
  'cultivating',
  'publicNotice',
  'certified',
  'rejected',
  'revoked',
  'expired',
] as const;

/**
 * One application of an enterprise to become a 产教融合型企业 and its life (core/certification/lifecycle.ts): the
 * stage and the days each step happened, the facts of the register it was pre-filled with, and after a
 * revocation its reason and the end of the ban. The register's enterprises.integration_status follows from it.
 */
export const certificationCases = pgTable(
  'certification_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisations.id),
    stage: text('stage', { enum: CASE_STAGES }).notNull(),
    appliedOn: date('applied_on').notNull(),
    /** The register's facts at application (size, staff, payroll, declaration, internships, carriers led). */
    prefill: jsonb('prefill').notNull(),
    /** The enterprise's own account of the evidence criteria and its cooperation. */
    statement: text('statement').notNull(),
    reserveOn: date('reserve_on'),
    planDueOn: date('plan_due_on'),
    planPublishedOn: date('plan_published_on'),
    planTitle: text('plan_title'),
    planUrl: text('plan_url'),
    level: text('level', { enum: ['city', 'province', 'nation'] }),
    /** 认定文件文号 (the city's, the province's or the nation's document). */
    documentNo: text('document_no'),
    certifiedOn: date('certified_on'),
    objectionUntil: date('objection_until'),
    validUntil: date('valid_until'),
    /**
     * The expert-review stage: the optional evidence file of the panel's signed opinion, and the aggregate of the
     * panel's sheets (the case's review round, owner kind certificationCase) the stage was decided on.
     */
    expertReviewFileId: uuid('expert_review_file_id'),
    expertReviewScore: numeric('expert_review_score', { precision: 5, scale: 1, mode: 'number' }),
    revokedOn: date('revoked_on'),
    revocationReason: text('revocation_reason', { enum: ['fraud', 'majorAccident', 'studentRights', 'dishonesty'] }),
    bannedUntil: date('banned_until'),
    /** The comment of the last decision (a refusal's reason, a revocation's facts). */
    lastComment: text('last_comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certification_cases_enterprise_idx').on(t.enterpriseId), index('certification_cases_stage_idx').on(t.stage)],
);

/** 年度产教融合报告 of a certified enterprise (due by the end of January of the next year; pre-filled). */
export const certificationAnnualReports = pgTable(
  'certification_annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => certificationCases.id),
    year: integer('year').notNull(),
    submittedOn: date('submitted_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** The figures pre-filled from the year's declaration and the register, as submitted. */
    figures: jsonb('figures').notNull(),
    narrative: text('narrative').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('certification_annual_reports_case_year_uq').on(t.caseId, t.year)],
);
