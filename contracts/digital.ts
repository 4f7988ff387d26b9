import { z } from 'zod';
import { pageOf, paging, text, versionNumber } from './common.ts';

/**
 * Digital vocational education (二 (四) 11, 任务清单 15): 精品在线课程 declared by schools and recognised by the
 * bureau, the smart-campus standard the bureau publishes, schools' self-assessments against it and the bureau's
 * review, and applications to be a 智慧职教示范校.
 */
const optText = (max: number) => text(max).trim().nullable().optional();

export const COURSE_STATUSES = ['submitted', 'recognised', 'rejected'] as const;
export const COURSE_STATUS_LABELS: Record<(typeof COURSE_STATUSES)[number], string> = {
  submitted: '待认定',
  recognised: '已认定',
  rejected: '未认定',
};
export const COURSE_LEVEL_LABELS: Record<string, string> = { city: '市级', province: '省级', national: '国家级' };

/** What the providing school declares of a course (core/digital/rules.ts courseProblems has the rules). */
export const coursePut = z.strictObject({
  title: text(120).trim().min(2, '课程名称至少2个字'),
  level: z.enum(['city', 'province', 'national'], '课程级别须为市级、省级或国家级'),
  majorCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{6}$/, '专业代码为6位数字'),
      '服务的专业应为专业代码列表',
    )
    .max(50, '专业过多'),
  url: z.url({ protocol: /^https?$/, error: '课程网址须以 http:// 或 https:// 开头' }).max(500, '网址过长'),
  credits: z.number('学分须为数字'),
  enrolments: z.number('选课人数须为整数').int('选课人数须为整数').max(10_000_000, '选课人数过大，请核对'),
  /** A partner enterprise of the register (校企共建), or none. */
  partnerEnterpriseId: z.uuid('合作企业编号格式不正确').nullable().optional(),
  summary: optText(1000),
  /** The version read; omitted when declaring. */
  version: versionNumber.optional(),
});
export type CoursePut = z.infer<typeof coursePut>;

export const onlineCourse = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  partnerEnterpriseId: z.string().nullable(),
  partnerEnterpriseName: z.string().nullable(),
  title: z.string(),
  level: z.enum(['city', 'province', 'national']),
  levelLabel: z.string(),
  majors: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  url: z.string(),
  credits: z.number(),
  enrolments: z.number(),
  summary: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  statusLabel: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type OnlineCourse = z.infer<typeof onlineCourse>;

export const courseListQuery = z.strictObject({
  status: z.enum(COURSE_STATUSES, '认定状态取值不正确').optional(),
  level: z.enum(['city', 'province', 'national'], '课程级别取值不正确').optional(),
  q: text(60).trim().optional(),
  ...paging,
});
export type CourseListQuery = z.infer<typeof courseListQuery>;
export const courseExportQuery = courseListQuery.omit({ page: true, pageSize: true });
export const coursePage = pageOf(onlineCourse).extend({
  /** Recognised courses in scope, the figure the online_courses target counts (city-wide for the bureau). */
  recognised: z.number(),
});

export const courseReview = z.strictObject({
  decision: z.enum(['recognised', 'rejected'], '认定结论须为认定或不予认定'),
  note: optText(500),
  version: versionNumber,
});
export type CourseReview = z.infer<typeof courseReview>;

/** The public catalogue: recognised courses only, without review notes. */
export const publicCourseQuery = z.strictObject({ q: text(60).trim().optional(), ...paging });
export const publicCourse = onlineCourse.pick({
  id: true,
  schoolName: true,
  partnerEnterpriseName: true,
  title: true,
  levelLabel: true,
  majors: true,
  url: true,
  credits: true,
  enrolments: true,
  summary: true,
});
export const publicCoursePage = pageOf(publicCourse);

// ---- the smart-campus standard and self-assessments ----

export const standardItem = z.object({
  code: z.string(),
  name: z.string(),
  text: z.string(),
  article: z.string(),
  required: z.boolean(),
});

/**
 * The standard in force (the latest the bureau published) and the policy file's, which the bureau publishes;
 * `policyChanged`: the policy's items differ from the published edition's (publishing again makes a new edition).
 */
export const smartCampusStandard = z.object({
  published: z
    .object({ id: z.string(), title: z.string(), items: z.array(standardItem), passItems: z.number(), publishedAt: z.string() })
    .nullable(),
  policy: z.object({ title: z.string(), article: z.string(), items: z.array(standardItem), passItems: z.number() }),
  policyChanged: z.boolean(),
});
export type SmartCampusStandard = z.infer<typeof smartCampusStandard>;

export const assessmentPut = z.strictObject({
  items: z
    .array(
      z.strictObject({
        code: text(60).trim(),
        met: z.boolean('请选择是否达到'),
        note: optText(500),
      }),
      '自评条目应为列表',
    )
    .max(100, '条目过多'),
  /** The version read, when resubmitting a returned self-assessment. */
  version: versionNumber.optional(),
});
export type AssessmentPut = z.infer<typeof assessmentPut>;

export const ASSESSMENT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export const ASSESSMENT_STATUS_LABELS: Record<(typeof ASSESSMENT_STATUSES)[number], string> = {
  submitted: '待审核',
  accepted: '审核通过',
  returned: '退回修改',
};

export const smartCampusAssessment = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  standardId: z.string(),
  /** Whether it answers the standard in force (an older edition's no longer counts). */
  current: z.boolean(),
  items: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean(), met: z.boolean(), note: z.string().nullable() })),
  metItems: z.number(),
  totalItems: z.number(),
  passItems: z.number(),
  meets: z.boolean(),
  status: z.enum(ASSESSMENT_STATUSES),
  statusLabel: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  submittedAt: z.string(),
  version: z.number(),
});
export type SmartCampusAssessment = z.infer<typeof smartCampusAssessment>;

export const assessmentListQuery = z.strictObject({
  status: z.enum(ASSESSMENT_STATUSES, '审核状态取值不正确').optional(),
  ...paging,
});
export const assessmentPage = pageOf(smartCampusAssessment).extend({
  /** 职业学校 in scope, and those whose self-assessment against the standard in force is accepted and meets it. */
  schools: z.number(),
  meeting: z.number(),
});

export const assessmentReview = z.strictObject({
  decision: z.enum(['accepted', 'returned'], '审核结论须为通过或退回'),
  note: optText(500),
  version: versionNumber,
});
export type AssessmentReview = z.infer<typeof assessmentReview>;

// ---- 智慧职教示范校 ----

export const DEMO_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const DEMO_STATUS_LABELS: Record<(typeof DEMO_STATUSES)[number], string> = {
  submitted: '待认定',
  approved: '已认定',
  rejected: '未认定',
};

export const demoApplicationPut = z.strictObject({
  statement: text(2000).trim().min(10, '申报说明至少10个字'),
  /** The version read, when applying again after a rejection. */
  version: versionNumber.optional(),
});
export type DemoApplicationPut = z.infer<typeof demoApplicationPut>;

export const demoApplication = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  statement: z.string(),
  status: z.enum(DEMO_STATUSES),
  statusLabel: z.string(),
  /** The school's self-assessment against the standard in force, as the bureau decides with it. */
  smartCampus: z.string(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  appliedAt: z.string(),
  version: z.number(),
});
export type DemoApplication = z.infer<typeof demoApplication>;

export const demoListQuery = z.strictObject({
  status: z.enum(DEMO_STATUSES, '认定状态取值不正确').optional(),
  ...paging,
});
export const demoPage = pageOf(demoApplication);

export const demoDecision = z.strictObject({
  decision: z.enum(['approved', 'rejected'], '认定结论须为认定或不予认定'),
  note: optText(500),
  version: versionNumber,
});
export type DemoDecision = z.infer<typeof demoDecision>;

/** The caller's school: its self-assessment against the standard in force (null before the first) and its application. */
export const mySmartCampus = z.object({
  schoolName: z.string(),
  assessment: smartCampusAssessment.nullable(),
  application: demoApplication.nullable(),
  /** Why the school may not apply to be a 智慧职教示范校 yet, or null. */
  applyProblem: z.string().nullable(),
});

/**
 * A student of the providing school who completed a recognised course: its credits reach the student's credit-bank
 * account as a learning outcome (once per course and student, whatever the number of calls).
 */
export const completionPost = z.strictObject({
  studentId: z.uuid('学生编号格式不正确'),
  hours: z.number('学时须为整数').int('学时须为整数').min(1, '学时须为正整数').max(10_000, '学时过大，请核对'),
  grade: text(20).trim().nullable().optional(),
  completedOn: z.iso.date('日期格式应为YYYY-MM-DD'),
});
export type CompletionPost = z.infer<typeof completionPost>;

export const completion = z.object({
  outcomeId: z.string(),
  courseId: z.string(),
  studentId: z.string(),
  credits: z.number(),
  completedOn: z.string(),
});
