import { z } from 'zod';
import { integer, pageOf, paging, queryInteger, versioned } from './common.ts';

/** The school side of the register: schools and students (programs, major groups and teachers have their own files). */

export const SCHOOL_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export const SCHOOL_LEVEL_LABELS: Record<(typeof SCHOOL_LEVELS)[number], string> = {
  secondary: '中职',
  higher: '高职专科',
  vocUndergrad: '职业本科',
  appliedUndergrad: '应用型本科',
  university: '普通高校',
};
export const OWNERSHIPS = ['public', 'private'] as const;
export const OWNERSHIP_LABELS: Record<(typeof OWNERSHIPS)[number], string> = { public: '公办', private: '民办' };

/** Calendar dates are "YYYY-MM-DD" and must exist (no 2023-02-29). */
export const dateField = z.iso.date('日期格式应为YYYY-MM-DD，且须为有效日期');

/** A standing against one of the plan's share rules (shares are fractions: 0.5 = 50%); `met` null: unknown. */
export const shareStanding = z.object({
  share: z.number().nullable(),
  limit: z.number(),
  comparator: z.enum(['>=', '<=']),
  met: z.boolean().nullable(),
  article: z.string(),
});

// ---------------------------------------------------------------------------------------------- schools

export const schoolListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  districtId: z.uuid().optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  enterpriseRun: z.stringbool().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'code', '-code', 'students', '-students']).default('name'),
  ...paging,
});
export type SchoolListQuery = z.infer<typeof schoolListQuery>;

export const school = z.object({
  id: z.string(),
  name: z.string(),
  /** 学校标识码 */
  code: z.string(),
  level: z.enum(SCHOOL_LEVELS),
  ownership: z.enum(OWNERSHIPS),
  enterpriseRun: z.boolean(),
  staffingQuota: z.number().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  status: z.enum(['active', 'pending', 'archived']),
  isDemo: z.boolean(),
  version: z.number(),
  programCount: z.number(),
  teacherCount: z.number(),
  studentCount: z.number(),
});
export type School = z.infer<typeof school>;
export const schoolPage = pageOf(school);

/** The plan's staffing and practice rules as the school meets them today (二 (三) 8, 10). */
export const schoolStandings = z.object({
  partTimeTeachers: shareStanding.extend({
    partTime: z.number(),
    staffingQuota: z.number().nullable(),
    maxPartTime: z.number().nullable(),
    /** 聘足配齐 (二 (三) 10): short of the quota's share, filled to it, or over it; null without a quota. */
    fill: z.enum(['short', 'full', 'over']).nullable(),
    shortfall: z.number(),
  }),
  dualQualifiedTeachers: shareStanding.extend({ dualQualified: z.number(), specialty: z.number(), shortfall: z.number() }),
  /** Specialty teachers meeting the 1-year-in-5 enterprise-practice rule on `asOf`. */
  enterprisePractice: z.object({ asOf: z.string(), specialty: z.number(), meeting: z.number(), article: z.string() }),
  /** Programs recording a practice-teaching share, and those meeting the plan's minimum. */
  practiceTeaching: z.object({ recorded: z.number(), meeting: z.number(), limit: z.number(), article: z.string() }),
});
export const schoolDetail = school.extend({ standings: schoolStandings });
export type SchoolDetail = z.infer<typeof schoolDetail>;

/** The code is checked by the repository with core/registry (10 digits) so the reason is the precise one. */
const schoolCodeField = z.string().trim().min(1, '请填写学校标识码').max(30, '学校标识码过长');
const schoolName = z.string().trim().min(2, '名称至少2个字').max(100, '名称不超过100个字');
const staffingQuota = integer('核定编制数应为整数').min(0).max(100000);

export const schoolCreate = z.strictObject({
  code: schoolCodeField,
  name: schoolName,
  level: z.enum(SCHOOL_LEVELS),
  districtId: z.uuid('区县编号格式不正确'),
  ownership: z.enum(OWNERSHIPS),
  enterpriseRun: z.boolean().default(false),
  staffingQuota: staffingQuota.nullable().optional(),
});
export type SchoolCreate = z.infer<typeof schoolCreate>;

/** `code`, `districtId` and `level` are corrections only a district or the bureau may make (school.correct). */
export const schoolUpdate = z.strictObject({
  ...versioned,
  name: schoolName.optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  enterpriseRun: z.boolean().optional(),
  staffingQuota: staffingQuota.nullable().optional(),
  code: schoolCodeField.optional(),
  districtId: z.uuid('区县编号格式不正确').optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
});
export type SchoolUpdate = z.infer<typeof schoolUpdate>;

// --------------------------------------------------------------------------------------------- students

export const STUDENT_STATUSES = ['enrolled', 'graduated', 'withdrawn'] as const;

export const studentListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  programId: z.uuid().optional(),
  cohort: queryInteger().min(2000).max(2100).optional(),
  status: z.enum(STUDENT_STATUSES).optional(),
  hasAccount: z.stringbool().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'cohort', '-cohort']).default('name'),
  ...paging,
});
export type StudentListQuery = z.infer<typeof studentListQuery>;

/** Lists and details show masked personal information only; the clear values have their own logged route. */
export const student = z.object({
  id: z.string(),
  name: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  cohort: z.number(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.string(),
  hasAccount: z.boolean(),
  archived: z.boolean(),
  version: z.number(),
});
export type Student = z.infer<typeof student>;
export const studentPage = pageOf(student);
export const studentPersonalInfo = z.object({ idNumber: z.string(), phone: z.string().nullable() });

const studentName = z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过50个字');
const cohort = integer('入学年份应为整数').min(2000, '入学年份不早于2000年').max(2100);
/** ID number and phone are checked by the repository (core/codes) so that the reason is the precise one. */
const idNumberField = z.string().trim().min(1, '请填写居民身份证号码').max(30, '居民身份证号码过长');
const phoneField = z.string().trim().min(1, '请填写手机号码').max(30, '手机号码过长');

/** Birth date and sex may be left out: they are taken from the ID number, and when given must agree with it. */
export const studentCreate = z.strictObject({
  schoolId: z.uuid('学校编号格式不正确'),
  programId: z.uuid('开设专业编号格式不正确').nullable().optional(),
  name: studentName,
  cohort,
  idNumber: idNumberField,
  birthDate: dateField.optional(),
  sex: z.enum(['male', 'female']).optional(),
  phone: phoneField.nullable().optional(),
  status: z.enum(STUDENT_STATUSES).default('enrolled'),
});
export type StudentCreate = z.infer<typeof studentCreate>;

export const studentUpdate = z.strictObject({
  ...versioned,
  programId: z.uuid('开设专业编号格式不正确').nullable().optional(),
  name: studentName.optional(),
  cohort: cohort.optional(),
  idNumber: idNumberField.optional(),
  birthDate: dateField.optional(),
  sex: z.enum(['male', 'female']).optional(),
  phone: phoneField.nullable().optional(),
  status: z.enum(STUDENT_STATUSES).optional(),
});
export type StudentUpdate = z.infer<typeof studentUpdate>;
