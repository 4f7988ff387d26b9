import { z } from 'zod';
import { integer, pageOf, paging, versioned } from './common.ts';

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export const ENTERPRISE_SIZE_LABELS: Record<(typeof ENTERPRISE_SIZES)[number], string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** 产教融合型企业 status (培育储备库 → 申报 → 认定 at city / province / nation). */
export const INTEGRATION_STATUSES = ['none', 'reserve', 'applied', 'certified_city', 'certified_province', 'certified_nation'] as const;
export const INTEGRATION_STATUS_LABELS: Record<(typeof INTEGRATION_STATUSES)[number], string> = {
  none: '未参与',
  reserve: '培育储备库',
  applied: '已申报',
  certified_city: '市级产教融合型企业',
  certified_province: '省级产教融合型企业',
  certified_nation: '国家级产教融合型企业',
};
export const CERTIFIED_STATUSES = ['certified_city', 'certified_province', 'certified_nation'] as const;

/** The USCC is checked by the route with core/codes (GB 32100-2015) so that the reason is the precise one. */
const usccField = z.string().trim().min(1, '请填写统一社会信用代码').max(40, '统一社会信用代码过长');
const industryCodeField = z
  .string()
  .trim()
  .regex(/^[A-T]$|^\d{2,4}$/, '行业代码应为GB/T 4754-2017的门类字母或2至4位数字');
const clusterCodeField = z
  .string()
  .trim()
  .regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确');

/** The facts an enterprise gives about itself, at registration and in its profile. */
export const enterpriseProfileFields = {
  name: z.string().trim().min(2, '名称至少2个字').max(100, '名称不超过100个字'),
  size: z.enum(ENTERPRISE_SIZES),
  industryCode: industryCodeField,
  clusterCode: clusterCodeField.nullable().optional(),
  staffCount: integer('职工人数应为整数').min(0).max(10_000_000),
  payrollYuan: z.number().int('工资总额以元为单位的整数').min(0).max(1e15).nullable().optional(),
  aboveDesignatedSize: z.boolean().optional(),
};

export const enterpriseCreate = z.strictObject({
  uscc: usccField,
  districtId: z.uuid('区县编号格式不正确'),
  ...enterpriseProfileFields,
});
export type EnterpriseCreate = z.infer<typeof enterpriseCreate>;

/**
 * An edit names the version it read. `uscc` and `districtId` are corrections only a district or the bureau
 * may make; `integrationStatus` is the bureau's certification.
 */
export const enterpriseUpdate = z.strictObject({
  ...versioned,
  uscc: usccField.optional(),
  districtId: z.uuid('区县编号格式不正确').optional(),
  name: enterpriseProfileFields.name.optional(),
  size: enterpriseProfileFields.size.optional(),
  industryCode: industryCodeField.optional(),
  clusterCode: clusterCodeField.nullable().optional(),
  staffCount: enterpriseProfileFields.staffCount.optional(),
  payrollYuan: enterpriseProfileFields.payrollYuan,
  aboveDesignatedSize: z.boolean().optional(),
  integrationStatus: z.enum(INTEGRATION_STATUSES).optional(),
});
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdate>;

export const ENTERPRISE_SORTS = ['name', '-name', 'uscc', '-uscc', 'staff', '-staff', 'updated', '-updated'] as const;
export const enterpriseListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  districtId: z.uuid().optional(),
  size: z.enum(ENTERPRISE_SIZES).optional(),
  /** A GB/T 4754 code or its prefix: "34" finds every 通用设备制造业 class. */
  industryCode: z
    .string()
    .trim()
    .regex(/^[A-T]$|^\d{1,4}$/, '行业代码格式不正确')
    .optional(),
  clusterCode: clusterCodeField.optional(),
  aboveDesignatedSize: z.stringbool().optional(),
  integrationStatus: z.enum(INTEGRATION_STATUSES).optional(),
  status: z.enum(['active', 'pending', 'archived']).optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
  ...paging,
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const enterprise = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  staffCount: z.number(),
  payrollYuan: z.number().nullable(),
  aboveDesignatedSize: z.boolean(),
  integrationStatus: z.enum(INTEGRATION_STATUSES),
  status: z.enum(['active', 'pending', 'archived']),
  isDemo: z.boolean(),
  version: z.number(),
});
export type Enterprise = z.infer<typeof enterprise>;
export const enterprisePage = pageOf(enterprise);

/** What the plan expects of the enterprise (二 (二) 5; 任务清单 7), computed from the policy file. */
export const enterpriseExpectations = z.object({
  internshipPosts: z.object({
    applies: z.boolean(),
    minShare: z.number(),
    maxShare: z.number(),
    minPosts: z.number(),
    maxPosts: z.number(),
    article: z.string(),
  }),
  trainingFund: z.object({
    minYuan: z.number().nullable(),
    maxYuan: z.number().nullable(),
    minShare: z.number(),
    maxShare: z.number(),
    frontlineShare: z.number(),
    frontlineMinYuan: z.number().nullable(),
    article: z.string(),
  }),
});
export const enterpriseDetail = enterprise.extend({ expectations: enterpriseExpectations });
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;
