import { z } from 'zod';
import { integer, pageOf, paging, versionNumber } from './common.ts';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const postCreate = z.strictObject({
  enterpriseId: z.uuid().optional().describe('代企业发布时由市教育局填写；企业管理员默认为本企业'),
  title: z.string().trim().min(2, '岗位名称至少2个字').max(100),
  kind: z.enum(['observation', 'placement']),
  positionStaff: integer().min(1, '同类岗位在岗职工数至少为1').max(1_000_000),
  majorCodes: z
    .array(z.string().regex(/^\d{6}$/, '专业代码应为6位数字'))
    .max(20)
    .default([]),
  places: integer().min(1, '实习名额必须为正整数').max(10_000),
  monthlyPayYuan: integer().min(0).max(1_000_000),
  samePostWageYuan: integer().min(0).max(1_000_000),
  dailyHours: integer().min(1).max(24),
  weeklyHours: integer().min(1).max(168),
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

/** Editing a draft: any of the terms, with the version read (published posts are not edited). */
export const postUpdate = postCreate.omit({ enterpriseId: true }).partial().extend({ version: versionNumber });
export type PostUpdate = z.infer<typeof postUpdate>;

export const post = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  kind: z.enum(['observation', 'placement']),
  places: z.number(),
  placesTaken: z.number(),
  monthlyPayYuan: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['draft', 'published', 'closed']),
  majorCodes: z.array(z.string()),
  version: z.number(),
  /** Interns' end-of-internship rating of the enterprise over the last two years (0–100), only from the minimum sample on; lists only. */
  internRating: z.object({ score: z.number(), responses: z.number() }).nullable().optional(),
  // The terms a student weighs and an enterprise edits (shown on the post's page).
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  majors: z.array(z.object({ code: z.string(), name: z.string() })),
  positionStaff: z.number(),
  samePostWageYuan: z.number(),
  dailyHours: z.number(),
  weeklyHours: z.number(),
  nightShift: z.boolean(),
  holidayWork: z.boolean(),
  overtime: z.boolean(),
  workplaceKind: z.string().nullable(),
  tasks: z.array(z.string()),
  highRiskFiled: z.boolean(),
  fees: z.array(z.string()),
  insurance: z.enum(['school', 'enterprise', 'none']),
  viaIntermediary: z.boolean(),
  location: z.string().nullable(),
});
export type Post = z.infer<typeof post>;
export const postPage = pageOf(post);
export const postListQuery = z.strictObject({
  status: z.enum(['draft', 'published', 'closed']).optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(50).optional().describe('岗位名称、企业名称或地点中的文字'),
  majorCode: z
    .string()
    .regex(/^\d{6}$/, '专业代码应为6位数字')
    .optional(),
  districtId: z.uuid().optional(),
  ...paging,
});

export const violationList = z.array(
  z.object({ rule: z.object({ code: z.string(), name: z.string(), article: z.string() }), field: z.string(), message: z.string() }),
);

export const applyRequest = z.strictObject({ studentId: z.uuid().optional().describe('学校代学生申请时填写；学生本人申请时省略') });
export const applicationCheckQuery = z.strictObject({ studentId: z.uuid().optional().describe('学校代学生查询时填写') });
/** Whether the student may apply for the post today; when not, the code and the reason an application would be refused with. */
export const applicationCheck = z.object({ canApply: z.boolean(), code: z.string().nullable(), reason: z.string().nullable() });
export const decisionRequest = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const rejectRequest = z.strictObject({ reason: z.string().trim().min(2, '请填写理由').max(500) });

/** What a student reads of an application's state (the web's tags use the same words). */
export const APPLICATION_STATUS_LABELS: Record<'applied' | 'school_approved' | 'accepted' | 'rejected' | 'withdrawn', string> = {
  applied: '待学校审核',
  school_approved: '学校已同意，待企业接收',
  accepted: '企业已接收',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export const application = z.object({
  id: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  enterpriseId: z.string(),
  status: z.enum(['applied', 'school_approved', 'accepted', 'rejected', 'withdrawn']),
  source: z.enum(['student', 'allocation']),
  createdAt: z.string(),
  enterpriseName: z.string(),
  schoolName: z.string(),
  /** The reason given with the latest decision (a refusal's reason for the student to read). */
  reason: z.string().nullable(),
});
export type Application = z.infer<typeof application>;
export const applicationPage = pageOf(application);
export const applicationListQuery = z.strictObject({
  status: z.enum(['applied', 'school_approved', 'accepted', 'rejected', 'withdrawn']).optional(),
  postId: z.uuid().optional(),
  ...paging,
});

/** The regulation's checkable figures and lists, for forms' options and hints (from the policy file, each with its article). */
const ruleRef = z.object({ code: z.string(), name: z.string(), article: z.string() });
export const internshipRulesResponse = z.object({
  payFloor: ruleRef.extend({ value: z.number() }),
  dailyHours: ruleRef.extend({ value: z.number() }),
  weeklyHours: ruleRef.extend({ value: z.number() }),
  enterpriseCap: ruleRef.extend({ value: z.number() }),
  positionCap: ruleRef.extend({ value: z.number() }),
  minAge: ruleRef.extend({ value: z.number() }),
  tasks: ruleRef.extend({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
  fees: ruleRef.extend({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
  workplaces: ruleRef.extend({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
});
export type InternshipRulesResponse = z.infer<typeof internshipRulesResponse>;
