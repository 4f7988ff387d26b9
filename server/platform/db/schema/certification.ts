import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
