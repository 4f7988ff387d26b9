import { z } from 'zod';
import { pageOf, paging, versioned } from './common.ts';
import { dateField } from './registry.ts';

/** 教师: specialty or general subject, 双师型 status with its evidence, employment, and 企业实践 periods. */

export const EMPLOYMENTS = ['fullTime', 'partTime', 'industryMentor'] as const;
export const EMPLOYMENT_LABELS: Record<(typeof EMPLOYMENTS)[number], string> = {
  fullTime: '专任',
  partTime: '兼职',
  industryMentor: '产业导师',
};
export const SUBJECTS = ['specialty', 'general'] as const;
export const SUBJECT_LABELS: Record<(typeof SUBJECTS)[number], string> = { specialty: '专业课', general: '公共基础课' };

const text = (label: string, max = 100) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);

/** The certificate behind a 双师型 status; scanned files come later. */
export const dualQualifiedEvidence = z.strictObject({
  certificateName: text('证书名称'),
  certificateNumber: text('证书编号', 60).nullable().optional(),
  issuer: text('发证机构').nullable().optional(),
  issuedOn: dateField.nullable().optional(),
});
export type DualQualifiedEvidence = z.infer<typeof dualQualifiedEvidence>;

/** A registered enterprise (`enterpriseId`) or, when it is not in the register, its name; no end: still there. */
export const practicePeriodInput = z
  .strictObject({
    enterpriseId: z.uuid('企业编号格式不正确').nullable().optional(),
    enterpriseName: text('企业名称').nullable().optional(),
    startDate: dateField,
    endDate: dateField.nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.enterpriseId && !p.enterpriseName)
      ctx.addIssue({ code: 'custom', path: ['enterpriseName'], message: '请选择登记的企业或填写企业名称' });
    if (p.endDate && p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  });
export type PracticePeriodInput = z.infer<typeof practicePeriodInput>;

const periods = z.array(practicePeriodInput).max(100, '企业实践记录过多');

const teacherIdNumber = z.string().trim().min(1, '请填写居民身份证号码').max(30, '居民身份证号码过长');

export const teacherCreate = z.strictObject({
  schoolId: z.uuid('学校编号格式不正确'),
  name: text('姓名', 50),
  employment: z.enum(EMPLOYMENTS),
  subject: z.enum(SUBJECTS),
  subjectName: text('任教专业或学科', 50).nullable().optional(),
  dualQualified: z.boolean().default(false),
  /** Required when `dualQualified` is true. */
  dualQualifiedEvidence: dualQualifiedEvidence.nullable().optional(),
  practicePeriods: periods.default([]),
  /** 居民身份证号码 (optional; the import's natural key): stored encrypted, shown masked. */
  idNumber: teacherIdNumber.nullable().optional(),
});
export type TeacherCreate = z.infer<typeof teacherCreate>;

/** `practicePeriods`, when given, replaces the stored list. */
export const teacherUpdate = z.strictObject({
  ...versioned,
  name: text('姓名', 50).optional(),
  employment: z.enum(EMPLOYMENTS).optional(),
  subject: z.enum(SUBJECTS).optional(),
  subjectName: text('任教专业或学科', 50).nullable().optional(),
  dualQualified: z.boolean().optional(),
  dualQualifiedEvidence: dualQualifiedEvidence.nullable().optional(),
  practicePeriods: periods.optional(),
  /** A new number replaces the stored one; null removes it. */
  idNumber: teacherIdNumber.nullable().optional(),
});
export type TeacherUpdate = z.infer<typeof teacherUpdate>;

export const teacherListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  employment: z.enum(EMPLOYMENTS).optional(),
  subject: z.enum(SUBJECTS).optional(),
  dualQualified: z.stringbool().optional(),
  hasAccount: z.stringbool().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'updated', '-updated']).default('name'),
  ...paging,
});
export type TeacherListQuery = z.infer<typeof teacherListQuery>;

/** The reference date of the enterprise-practice figure; today (Beijing time) when absent. */
export const teacherDetailQuery = z.strictObject({ asOf: dateField.optional() });

export const teacher = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtId: z.string().nullable(),
  name: z.string(),
  employment: z.enum(EMPLOYMENTS),
  subject: z.enum(SUBJECTS),
  subjectName: z.string().nullable(),
  dualQualified: z.boolean(),
  hasAccount: z.boolean(),
  status: z.enum(['active', 'archived']),
  version: z.number(),
});
export type Teacher = z.infer<typeof teacher>;
export const teacherPage = pageOf(teacher);

export const practicePeriod = z.object({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const practiceStanding = z.object({
  asOf: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  days: z.number(),
  requiredDays: z.number(),
  remainingDays: z.number(),
  met: z.boolean(),
  article: z.string(),
});

export const teacherDetail = teacher.extend({
  dualQualifiedEvidence: z
    .object({
      certificateName: z.string(),
      certificateNumber: z.string().nullable(),
      issuer: z.string().nullable(),
      issuedOn: z.string().nullable(),
    })
    .nullable(),
  practicePeriods: z.array(practicePeriod),
  /** The ID number masked (110***********1234), or null when none is recorded. */
  idNumberMasked: z.string().nullable(),
  /** The 1-year-in-5 rule (二 (三) 10) on `asOf`; it binds specialty teachers, shown for every teacher. */
  enterprisePractice: practiceStanding,
});
export type TeacherDetail = z.infer<typeof teacherDetail>;

/** The teacher's ID number in clear (teacherPersonalInfo.read; every read is logged). */
export const teacherPersonalInfo = z.object({ idNumber: z.string().nullable() });
