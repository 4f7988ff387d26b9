import { z } from 'zod';
import { SCHOOL_LEVELS } from './registry.ts';
import { CARRIER_KINDS, CARRIER_LEVELS, PUBLIC_CARRIER_STATUSES } from '../core/registry/carrier-kinds.ts';
import { CERTIFIED_STATUSES, ENTERPRISE_SIZES } from './enterprises.ts';
import { pageOf, paging } from './common.ts';

/**
 * The public directory: what anyone may see without signing in. Only organisations' public facts —
 * never staff counts, payroll, accounts or anything about a person.
 */
const q = z.string().trim().max(50).optional();

export const directorySchoolQuery = z.strictObject({
  q,
  districtId: z.uuid().optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  ...paging,
});
export const directorySchool = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.enum(SCHOOL_LEVELS),
  ownership: z.enum(['public', 'private']),
  enterpriseRun: z.boolean(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  programCount: z.number(),
});
export const directorySchoolPage = pageOf(directorySchool);

export const directoryProgramQuery = z.strictObject({
  q,
  schoolId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  majorCode: z.string().trim().max(10).optional(),
  ...paging,
});
export const directoryProgram = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  majorCode: z.string(),
  majorName: z.string(),
  majorLevel: z.string(),
  startYear: z.number(),
  districtName: z.string().nullable(),
});
export const directoryProgramPage = pageOf(directoryProgram);
export const directorySchoolDetail = directorySchool.extend({ programs: z.array(directoryProgram) });

export const directoryEnterpriseQuery = z.strictObject({
  q,
  districtId: z.uuid().optional(),
  clusterCode: z.string().trim().max(40).optional(),
  industryCode: z
    .string()
    .trim()
    .regex(/^[A-T]$|^\d{1,4}$/, '行业代码格式不正确')
    .optional(),
  integrationStatus: z.enum(CERTIFIED_STATUSES).optional(),
  ...paging,
});
export const directoryEnterprise = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  size: z.enum(ENTERPRISE_SIZES),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  integrationStatus: z.enum(CERTIFIED_STATUSES),
});
export const directoryEnterprisePage = pageOf(directoryEnterprise);

export const directoryCarrierQuery = z.strictObject({
  q,
  kind: z.enum(CARRIER_KINDS).optional(),
  level: z.enum(CARRIER_LEVELS).optional(),
  districtId: z.uuid().optional(),
  clusterCode: z.string().trim().max(40).optional(),
  ...paging,
});
export const directoryCarrier = z.object({
  id: z.string(),
  kind: z.enum(CARRIER_KINDS),
  name: z.string(),
  level: z.enum(CARRIER_LEVELS),
  status: z.enum(PUBLIC_CARRIER_STATUSES),
  leadName: z.string(),
  partnerNames: z.array(z.string()),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  clusterName: z.string().nullable(),
  startDate: z.string().nullable(),
  certifiedAt: z.string().nullable(),
  certifyingBody: z.string().nullable(),
});
export const directoryCarrierPage = pageOf(directoryCarrier);

/** Choices for the directory's filters and the registration form. */
export const directoryOptions = z.object({
  districts: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })),
  clusters: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** GB/T 4754-2017 look-up for the registration form: by code prefix (「34」) or part of the name (「锅炉」). */
export const directoryIndustryQuery = z.strictObject({ q: z.string().trim().min(1, '请输入行业代码或名称').max(30) });
export const directoryIndustries = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(['section', 'division', 'group', 'class']) })),
});
