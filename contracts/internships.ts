import { z } from 'zod';
import { pageOf, paging } from './common.ts';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const postCreate = z.strictObject({
  enterpriseId: z.uuid().optional().describe('代企业发布时由市教育局填写；企业管理员默认为本企业'),
  title: z.string().trim().min(2, '岗位名称至少2个字').max(100),
  kind: z.enum(['observation', 'placement']),
  positionStaff: z.number().int().min(1, '同类岗位在岗职工数至少为1').max(1_000_000),
  majorCodes: z.array(z.string().regex(/^\d{6}$/, '专业代码应为6位数字')).max(20).default([]),
  places: z.number().int().min(1, '实习名额必须为正整数').max(10_000),
  monthlyPayYuan: z.number().int().min(0).max(1_000_000),
  samePostWageYuan: z.number().int().min(0).max(1_000_000),
  dailyHours: z.number().int().min(1).max(24),
  weeklyHours: z.number().int().min(1).max(168),
  nightShift: z.boolean().default(false),
  holidayWork: z.boolean().default(false),
  overtime: z.boolean().default(false),
  workplaceKind: z.string().max(40).nullable().default(null),
  tasks: z.array(z.string().max(40)).max(20).default([]),
  highRiskFiled: z.boolean().default(false),
  fees: z.array(z.string().max(40)).max(20).default([]),
  insurance: z.enum(['school', 'enterprise', 'none']),
  viaIntermediary: z.boolean().default(false),
  location: z.string().max(200).nullable().default(null),
  startDate: isoDate,
  endDate: isoDate,
});
export type PostCreate = z.infer<typeof postCreate>;

export const post = z.object({
  id: z.string(), enterpriseId: z.string(), enterpriseName: z.string(), title: z.string(), kind: z.enum(['observation', 'placement']),
  places: z.number(), placesTaken: z.number(), monthlyPayYuan: z.number(), startDate: z.string(), endDate: z.string(),
  status: z.enum(['draft', 'published', 'closed']), majorCodes: z.array(z.string()), version: z.number(),
});
export const postPage = pageOf(post);
export const postListQuery = z.strictObject({ status: z.enum(['draft', 'published', 'closed']).optional(), enterpriseId: z.uuid().optional(), ...paging });

export const violationList = z.array(z.object({ rule: z.object({ code: z.string(), name: z.string(), article: z.string() }), field: z.string(), message: z.string() }));

export const applyRequest = z.strictObject({ studentId: z.uuid().optional().describe('学校代学生申请时填写；学生本人申请时省略') });
export const decisionRequest = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const rejectRequest = z.strictObject({ reason: z.string().trim().min(2, '请填写理由').max(500) });

export const application = z.object({
  id: z.string(), postId: z.string(), postTitle: z.string(), studentId: z.string(), studentName: z.string(),
  schoolId: z.string(), enterpriseId: z.string(), status: z.enum(['applied', 'school_approved', 'accepted', 'rejected', 'withdrawn']),
  source: z.enum(['student', 'allocation']), createdAt: z.string(),
});
export const applicationPage = pageOf(application);
export const applicationListQuery = z.strictObject({
  status: z.enum(['applied', 'school_approved', 'accepted', 'rejected', 'withdrawn']).optional(), postId: z.uuid().optional(), ...paging,
});
