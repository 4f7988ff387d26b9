import { z } from 'zod';
import { integer, pageOf, paging, versionNumber } from './common.ts';
import { TRAINING_MODES } from './training-courses.ts';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const majorCode = z.string().regex(/^\d{6}$/, '专业代码应为6位数字');
const words = z.array(z.string().trim().min(1).max(60)).max(30);

export const DEMAND_KINDS = ['talent', 'internship', 'training', 'technology'] as const;
export const DEMAND_KIND_LABELS: Record<(typeof DEMAND_KINDS)[number], string> = {
  talent: '人才招聘',
  internship: '实习岗位',
  training: '员工培训',
  technology: '技术难题',
};
export const DEMAND_STATUSES = ['draft', 'open', 'filled', 'closed'] as const;

const demandFields = {
  title: z.string().trim().min(2, '需求名称至少2个字').max(100),
  description: z.string().trim().max(2000).nullable().optional(),
  clusterCode: z
    .string()
    .trim()
    .regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确')
    .nullable()
    .optional()
    .describe('产业集群；省略时取企业所属集群'),
  industryCode: z.string().max(10).nullable().optional().describe('GB/T 4754 行业代码；省略时取企业登记的行业'),
  majorCodes: z.array(majorCode).max(20).optional(),
  skills: words.optional(),
  certificates: words.optional().describe('如 1+X 证书、职业资格证书'),
  districtId: z.uuid().nullable().optional().describe('省略时取企业所在区县'),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  headcount: integer().min(1, '人数须为正整数').max(100_000).nullable().optional(),
  budgetYuan: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  monthlyPayYuan: integer().min(0).max(1_000_000).nullable().optional(),
};

export const demandCreate = z.strictObject({
  enterpriseId: z.uuid().optional().describe('市教育局代企业发布时填写；企业管理员默认为本企业'),
  kind: z.enum(DEMAND_KINDS),
  internshipPostId: z.uuid().nullable().optional().describe('实习需求对应的实习岗位（岗位的条件与流程由实习模块管理）'),
  status: z.enum(['draft', 'open']).default('open'),
  ...demandFields,
});
export type DemandCreate = z.infer<typeof demandCreate>;

export const demandUpdate = z.strictObject({
  ...demandFields,
  title: demandFields.title.optional(),
  status: z.enum(DEMAND_STATUSES).optional(),
  version: versionNumber,
});
export type DemandUpdate = z.infer<typeof demandUpdate>;

export const demand = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  kind: z.enum(DEMAND_KINDS),
  internshipPostId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  clusterCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  majorCodes: z.array(z.string()),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  headcount: z.number().nullable(),
  budgetYuan: z.number().nullable(),
  monthlyPayYuan: z.number().nullable(),
  status: z.enum(DEMAND_STATUSES),
  version: z.number(),
  createdAt: z.string(),
});
export type Demand = z.infer<typeof demand>;
export const demandPage = pageOf(demand);
export const demandListQuery = z.strictObject({
  kind: z.enum(DEMAND_KINDS).optional(),
  status: z.enum(DEMAND_STATUSES).optional(),
  enterpriseId: z.uuid().optional(),
  clusterCode: z.string().max(40).optional(),
  majorCode: majorCode.optional(),
  districtId: z.uuid().optional(),
  ...paging,
});

export const studentProfileUpdate = z.strictObject({
  skills: words.optional(),
  certificates: words.optional(),
  preferredDistrictIds: z.array(z.uuid()).max(20).optional(),
  preferredClusterCodes: z.array(z.string().max(40)).max(20).optional(),
  minMonthlyPayYuan: integer().min(0).max(1_000_000).nullable().optional(),
  availableFrom: isoDate.nullable().optional(),
  availableTo: isoDate.nullable().optional(),
  seekingInternship: z.boolean().optional(),
  discoverable: z.boolean().optional(),
  version: integer().min(0).describe('读取时的版本；尚无档案时为 0'),
});
export type StudentProfileUpdate = z.infer<typeof studentProfileUpdate>;

export const studentProfile = z.object({
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  programId: z.string().nullable(),
  majorCode: z.string().nullable(),
  majorName: z.string().nullable(),
  cohort: z.number(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  preferredDistrictIds: z.array(z.string()),
  preferredClusterCodes: z.array(z.string()),
  minMonthlyPayYuan: z.number().nullable(),
  availableFrom: z.string().nullable(),
  availableTo: z.string().nullable(),
  seekingInternship: z.boolean(),
  discoverable: z.boolean(),
  version: z.number(),
});
export type StudentProfile = z.infer<typeof studentProfile>;

export const schoolProfile = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  programs: z.array(
    z.object({
      programId: z.string(),
      majorCode: z.string(),
      majorName: z.string(),
      categoryName: z.string(),
      divisionName: z.string(),
      enrolment: z.number(),
      clusters: z.array(z.string()),
      years: z.array(z.object({ year: z.number(), enrolment: z.number().nullable(), graduates: z.number().nullable() })),
    }),
  ),
  teacherFields: z.array(z.object({ field: z.string(), teachers: z.number(), dualQualified: z.number() })),
  carriers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  majorGroups: z.array(z.object({ id: z.string(), name: z.string(), clusterCode: z.string(), keyMajor: z.boolean() })),
  trainingCourses: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        majorCode: z.string(),
        majorName: z.string().nullable(),
        hours: z.number(),
        mode: z.enum(TRAINING_MODES),
        trainees: z.string().nullable(),
        capacityPerYear: z.number(),
      }),
    )
    .describe('面向企业员工的培训课程（二 (二) 5）'),
});

export const scorePart = z.object({ part: z.string(), label: z.string(), points: z.number(), max: z.number(), reason: z.string() });
export type ScorePart = z.infer<typeof scorePart>;
export const scored = { score: z.number(), parts: z.array(scorePart) };

/** One recommendation: what is recommended (a post, a demand, a program, a student, an enterprise) and why. */
export const recommendation = z.object({
  type: z.enum(['post', 'demand', 'program', 'student', 'enterprise']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  districtName: z.string().nullable(),
  ...scored,
});
export type Recommendation = z.infer<typeof recommendation>;
export const recommendationList = z.object({
  items: z.array(recommendation),
  considered: z.number(),
  weightsArticle: z.string(),
  weightsNote: z.string(),
});

export const profileQuery = z.strictObject({ studentId: z.uuid().optional().describe('学校查看本校学生时填写；学生本人省略') });
export const studentRecommendationQuery = z.strictObject({
  studentId: z.uuid().optional().describe('学校查看本校学生时填写；学生本人省略'),
});
export const enterpriseRecommendationQuery = z.strictObject({
  demandId: z.uuid().describe('为哪项需求推荐学校专业和学生'),
  target: z.enum(['programs', 'students']).default('programs'),
});
export const schoolRecommendationQuery = z.strictObject({
  schoolId: z.uuid().optional().describe('市教育局查看某校时填写；学校默认为本校'),
  target: z.enum(['demands', 'enterprises']).default('demands'),
});

export const supplyDemandQuery = z.strictObject({ by: z.enum(['cluster', 'major', 'district']).default('cluster') });
export const supplyDemand = z.object({
  by: z.enum(['cluster', 'major', 'district']),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      demandOpen: z.number().describe('未满足的需求人数：开放需求人数 + 已发布实习岗位剩余名额'),
      supplySeeking: z.number().describe('尚未落实实习的求实习学生数'),
      gap: z.number().describe('需求 − 供给（正：缺人；负：缺岗位）'),
    }),
  ),
  totals: z.object({ demandOpen: z.number(), supplySeeking: z.number() }),
});

export const allocationRunCreate = z.strictObject({
  scope: z.enum(['city', 'school']),
  schoolId: z.uuid().optional().describe('scope 为 school 时：学校管理员默认为本校'),
});
export const allocationRun = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  scope: z.enum(['city', 'school']),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  students: z.number(),
  posts: z.number(),
  candidateArcs: z.number(),
  proposed: z.number(),
  totalScore: z.number().nullable(),
  prunedProposed: z.number().describe('每名学生只保留最优 K 个岗位时的建议数（列生成之前）'),
  prunedTotalScore: z.number().nullable().describe('同上，总匹配分'),
  pricingRounds: z.number().describe('列生成定价轮数；成功的运行最后一轮未发现任何可改进结果的未纳入合格配对（全图最优）'),
  pricedArcs: z.number().describe('定价加入的配对数'),
  timings: z.record(z.string(), z.number()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const allocationRunPage = pageOf(allocationRun);
export const allocationRunListQuery = z.strictObject({ ...paging });
export const allocationRunStarted = z.object({ jobId: z.string(), runId: z.string() });

export const PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected', 'superseded'] as const;
export const proposal = z.object({
  id: z.string(),
  runId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  schoolDecision: z.enum(['confirmed', 'rejected']).nullable(),
  enterpriseDecision: z.enum(['confirmed', 'rejected']).nullable(),
  reason: z.string().nullable(),
  applicationId: z.string().nullable(),
  version: z.number(),
  ...scored,
});
export type Proposal = z.infer<typeof proposal>;
export const proposalPage = pageOf(proposal);
export const proposalListQuery = z.strictObject({ runId: z.uuid().optional(), status: z.enum(PROPOSAL_STATUSES).optional(), ...paging });
export const proposalDecision = z
  .strictObject({
    decision: z.enum(['confirm', 'reject']),
    reason: z.string().trim().max(500).optional(),
    version: versionNumber,
  })
  .refine((b) => b.decision === 'confirm' || (b.reason?.length ?? 0) >= 2, { message: '拒绝时请填写理由', path: ['reason'] });
