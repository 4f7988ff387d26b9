import { z } from 'zod';
import { pageOf, paging, versioned } from './common.ts';

export const SCHOOL_LEVELS = ['secondary', 'higher', 'vocUndergrad', 'appliedUndergrad', 'university'] as const;
export const SCHOOL_LEVEL_LABELS: Record<(typeof SCHOOL_LEVELS)[number], string> = {
  secondary: '中职', higher: '高职专科', vocUndergrad: '职业本科', appliedUndergrad: '应用型本科', university: '普通高校',
};

export const schoolListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  districtId: z.uuid().optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'code', '-code', 'students', '-students']).default('name'),
  ...paging,
});
export type SchoolListQuery = z.infer<typeof schoolListQuery>;

export const school = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.enum(SCHOOL_LEVELS),
  ownership: z.enum(['public', 'private']),
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

export const schoolUpdate = z.strictObject({
  ...versioned,
  name: z.string().trim().min(2, '名称至少2个字').max(100).optional(),
  ownership: z.enum(['public', 'private']).optional(),
  enterpriseRun: z.boolean().optional(),
  staffingQuota: z.number().int().min(0).max(100000).nullable().optional(),
});
export type SchoolUpdate = z.infer<typeof schoolUpdate>;

export const studentListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  cohort: z.coerce.number().int().min(2000).max(2100).optional(),
  ...paging,
});

export const student = z.object({
  id: z.string(),
  name: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  programName: z.string().nullable(),
  cohort: z.number(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.string(),
});
export const studentPage = pageOf(student);
export const studentPersonalInfo = z.object({ idNumber: z.string(), phone: z.string().nullable() });
