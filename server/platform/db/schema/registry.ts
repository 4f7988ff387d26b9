import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { industryClusters, majors } from './catalogues.ts';
import { nameSortKey, nameSortStaleIndex } from './name-sort.ts';
import { organisations } from './organisations.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic concurrency: an edit names the version it read; a stale one is refused (409). */
const version = { version: integer('version').notNull().default(1) };

export const schools = pgTable('schools', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
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
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    size: text('size', { enum: ['large', 'medium', 'small', 'micro'] }).notNull(),
    industryCode: text('industry_code').notNull(),
    clusterCode: text('cluster_code').references(() => industryClusters.code),
    staffCount: integer('staff_count').notNull(),
    /** 职工工资总额, yuan a year: the base of the 1.5%–2.5% training fund (二 (二) 5). */
    payrollYuan: bigint('payroll_yuan', { mode: 'number' }),
    aboveDesignatedSize: boolean('above_designated_size').notNull().default(false),
    integrationStatus: text('integration_status', {
      enum: ['none', 'reserve', 'applied', 'certified_city', 'certified_province', 'certified_nation'],
    })
      .notNull()
      .default('none'),
    ...timestamps,
  },
  (t) => [index('enterprises_cluster_idx').on(t.clusterCode)],
);

/** 开设专业: a school offering a major of a catalogue edition. */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    majorId: uuid('major_id')
      .notNull()
      .references(() => majors.id),
    startYear: integer('start_year').notNull(),
    enrolment: integer('enrolment').notNull().default(0),
    /** 实践性教学课时占比 (0–1); the plan asks ≥ 0.5 (二 (三) 8). */
    practiceShare: numeric('practice_share', { precision: 4, scale: 3 }),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('programs_school_major_uq').on(t.schoolId, t.majorId), index('programs_major_idx').on(t.majorId)],
);

/**
 * A program's intake and graduates by year. `programs.enrolment` stays the current intake (what lists, the
 * spreadsheet and the home pages show); the API keeps it equal to the latest year's enrolment here.
 */
export const programYears = pgTable(
  'program_years',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    year: integer('year').notNull(),
    enrolment: integer('enrolment'),
    graduates: integer('graduates'),
  },
  (t) => [primaryKey({ name: 'program_years_pk', columns: [t.programId, t.year] })],
);

/**
 * 专业群: a school's programs grouped and aligned to one of the plan's industry clusters (二 (一) 3).
 * `keyMajor` marks the bureau's 产教融合型重点专业（群） (任务清单 3: 50 by 2025).
 */
export const majorGroups = pgTable(
  'major_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    nameSort: nameSortKey('name_sort'),
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => industryClusters.code),
    keyMajor: boolean('key_major').notNull().default(false),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('major_groups_school_name_uq').on(t.schoolId, t.name),
    index('major_groups_cluster_idx').on(t.clusterCode),
    nameSortStaleIndex('major_groups', t),
  ],
);

export const majorGroupPrograms = pgTable(
  'major_group_programs',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => majorGroups.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
  },
  (t) => [
    primaryKey({ name: 'major_group_programs_pk', columns: [t.groupId, t.programId] }),
    index('major_group_programs_program_idx').on(t.programId),
  ],
);

export const teachers = pgTable(
  'teachers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    nameSort: nameSortKey('name_sort'),
    employment: text('employment', { enum: ['fullTime', 'partTime', 'industryMentor'] }).notNull(),
    /** 专业课 (specialty) or 公共基础课 (general) teacher: the dual-qualified share counts specialty teachers. */
    subject: text('subject', { enum: ['specialty', 'general'] }).notNull(),
    dualQualified: boolean('dual_qualified').notNull().default(false),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    /** 任教专业或学科, free text ("数控技术", "语文"). */
    subjectName: text('subject_name'),
    /** Evidence of the dual-qualified status (证书名称、编号、发证机构、发证日期); scanned files come later. */
    dualCertificateName: text('dual_certificate_name'),
    dualCertificateNumber: text('dual_certificate_number'),
    dualCertificateIssuer: text('dual_certificate_issuer'),
    dualCertificateDate: date('dual_certificate_date'),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('teachers_school_idx').on(t.schoolId),
    index('teachers_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    // The teacher list's pages in name order city-wide (bench/lists.ts), archived teachers not listed.
    index('teachers_active_name_idx')
      .on(t.name, t.id)
      .where(sql`${t.status} <> 'archived'`),
    index('teachers_active_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.status} <> 'archived'`),
    nameSortStaleIndex('teachers', t),
  ],
);

/**
 * 教师企业实践: a period a teacher spent in an enterprise, for the 1-year-in-5 rule (二 (三) 10). The
 * enterprise is a registered one (`organisationId`) or, when it is not in the register, its name.
 * `endDate` null: still there.
 */
export const teacherPracticePeriods = pgTable(
  'teacher_practice_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => teachers.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    enterpriseName: text('enterprise_name'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teacher_practice_periods_teacher_idx').on(t.teacherId)],
);

/**
 * Students. ID number and phone are personal information: stored encrypted (AES-256-GCM) with a keyed hash
 * (blind index) of the ID number for look-ups and uniqueness, never in clear.
 */
export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    programId: uuid('program_id').references(() => programs.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    nameSort: nameSortKey('name_sort'),
    cohort: integer('cohort').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    status: text('status', { enum: ['enrolled', 'graduated', 'withdrawn'] })
      .notNull()
      .default('enrolled'),
    /**
     * Archived (归档) records — entered by mistake, duplicates — are hidden from lists but kept, because
     * internships, credits and audit rows refer to them. Separate from `status`, which is the enrolment.
     */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('students_id_number_index_uq').on(t.idNumberIndex),
    index('students_school_idx').on(t.schoolId),
    index('students_program_idx').on(t.programId),
    // The register's student list (bench/lists.ts): its first page in name order, city-wide and per school,
    // without sorting 500,000 rows; archived records are not listed.
    index('students_active_name_idx')
      .on(t.name, t.id)
      .where(sql`${t.archivedAt} is null`),
    index('students_active_school_name_idx')
      .on(t.schoolId, t.name, t.id)
      .where(sql`${t.archivedAt} is null`),
    // The same pages in pinyin order (the list's 名称 sort).
    index('students_active_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.archivedAt} is null`),
    index('students_active_school_name_sort_idx')
      .on(t.schoolId, t.nameSort, t.id)
      .where(sql`${t.archivedAt} is null`),
    nameSortStaleIndex('students', t),
    // The list's name-prefix search city-wide (repositories/students.ts namePrefix): LIKE 'x%' whatever the collation.
    index('students_active_name_pattern_idx')
      .using('btree', sql`${t.name} text_pattern_ops`)
      .where(sql`${t.archivedAt} is null`),
    // The schools list's enrolled-student counts, read from the index alone.
    index('students_enrolled_school_idx')
      .on(t.schoolId)
      .where(sql`${t.status} = 'enrolled' and ${t.archivedAt} is null`),
    index('students_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);
