import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { industryClusters, majors } from './catalogues.ts';
import { organisations } from './organisations.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const schools = pgTable('schools', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id),
  level: text('level', { enum: ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] }).notNull(),
  ownership: text('ownership', { enum: ['public', 'private'] }).notNull(),
  enterpriseRun: boolean('enterprise_run').notNull().default(false),
  /** 教职工核定编制数: the base of the 30% part-time teacher quota (二 (三) 10). */
  staffingQuota: integer('staffing_quota'),
  ...timestamps,
});

export const enterprises = pgTable(
  'enterprises',
  {
    organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id),
    size: text('size', { enum: ['large', 'medium', 'small', 'micro'] }).notNull(),
    industryCode: text('industry_code').notNull(),
    clusterCode: text('cluster_code').references(() => industryClusters.code),
    staffCount: integer('staff_count').notNull(),
    /** 职工工资总额, yuan a year: the base of the 1.5%–2.5% training fund (二 (二) 5). */
    payrollYuan: bigint('payroll_yuan', { mode: 'number' }),
    aboveDesignatedSize: boolean('above_designated_size').notNull().default(false),
    integrationStatus: text('integration_status', {
      enum: ['none', 'reserve', 'applied', 'certified_city', 'certified_province', 'certified_nation'],
    }).notNull().default('none'),
    ...timestamps,
  },
  (t) => [index('enterprises_cluster_idx').on(t.clusterCode)],
);

/** 开设专业: a school offering a major of a catalogue edition. */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => organisations.id),
    majorId: uuid('major_id').notNull().references(() => majors.id),
    startYear: integer('start_year').notNull(),
    enrolment: integer('enrolment').notNull().default(0),
    /** 实践性教学课时占比 (0–1); the plan asks ≥ 0.5 (二 (三) 8). */
    practiceShare: numeric('practice_share', { precision: 4, scale: 3 }),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    ...timestamps,
  },
  (t) => [uniqueIndex('programs_school_major_uq').on(t.schoolId, t.majorId), index('programs_major_idx').on(t.majorId)],
);

export const teachers = pgTable(
  'teachers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    employment: text('employment', { enum: ['fullTime', 'partTime', 'industryMentor'] }).notNull(),
    /** 专业课 (specialty) or 公共基础课 (general) teacher: the dual-qualified share counts specialty teachers. */
    subject: text('subject', { enum: ['specialty', 'general'] }).notNull(),
    dualQualified: boolean('dual_qualified').notNull().default(false),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    ...timestamps,
  },
  (t) => [index('teachers_school_idx').on(t.schoolId)],
);

/**
 * Students. ID number and phone are personal information: stored encrypted (AES-256-GCM) with a keyed hash
 * (blind index) of the ID number for look-ups and uniqueness, never in clear.
 */
export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => organisations.id),
    programId: uuid('program_id').references(() => programs.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    cohort: integer('cohort').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    status: text('status', { enum: ['enrolled', 'graduated', 'withdrawn'] }).notNull().default('enrolled'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('students_id_number_index_uq').on(t.idNumberIndex),
    index('students_school_idx').on(t.schoolId),
    index('students_program_idx').on(t.programId),
    index('students_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
  ],
);
