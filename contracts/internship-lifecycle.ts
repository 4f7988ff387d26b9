import { z } from 'zod';
import { integer, pageOf, paging } from './common.ts';
import { violationList } from './internships.ts';

/**
 * The internship after acceptance (issue 5, item 2): agreement, insurance, start, weekly logs and check-ins,
 * evaluations, completion, and the ways it ends early. Shared by the server routes and the web pages.
 */
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const reason = z.string().trim().min(2, '请填写理由（至少2个字）').max(500);

export const INTERNSHIP_STATUSES = ['accepted', 'active', 'completed', 'withdrawn', 'terminated', 'reassigned'] as const;
export const INTERNSHIP_STATUS_LABELS: Record<(typeof INTERNSHIP_STATUSES)[number], string> = {
  accepted: '待开始',
  active: '实习中',
  completed: '已完成',
  withdrawn: '学生退出',
  terminated: '已终止',
  reassigned: '已调岗',
};
export const AGREEMENT_PARTIES = ['school', 'enterprise', 'student', 'guardian'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];
export const AGREEMENT_PARTY_LABELS: Record<AgreementParty, string> = {
  school: '学校（甲方）',
  enterprise: '实习单位（乙方）',
  student: '学生（丙方）',
  guardian: '监护人',
};
export const MENTOR_PARTIES = ['school', 'enterprise'] as const;
export const EVALUATION_STAGES = ['midterm', 'final'] as const;
export const EVALUATION_STAGE_LABELS = { midterm: '中期评价', final: '终期评价' } as const;
export const INSURANCE_PAYERS = ['school', 'enterprise', 'student'] as const;
export const ALERT_KINDS = ['no_agreement', 'no_insurance', 'no_recent_log', 'pay_below_floor', 'hours_over_limit'] as const;
export const ALERT_KIND_LABELS: Record<(typeof ALERT_KINDS)[number], string> = {
  no_agreement: '三方协议未签齐',
  no_insurance: '未投保或保险未覆盖实习期',
  no_recent_log: '两周以上未提交周志',
  pay_below_floor: '报酬低于下限',
  hours_over_limit: '实习时间超过上限',
};

export const internshipListQuery = z.strictObject({
  status: z.enum(INTERNSHIP_STATUSES).optional(),
  studentId: z.uuid().optional(),
  postId: z.uuid().optional(),
  ...paging,
});

export const internship = z.object({
  id: z.string(),
  applicationId: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  kind: z.enum(['observation', 'placement']),
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  status: z.enum(INTERNSHIP_STATUSES),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  monthlyPayYuan: z.number(),
  dailyHours: z.number(),
  weeklyHours: z.number(),
  location: z.string().nullable(),
  outcome: z.enum(['passed', 'failed']).nullable(),
  endReason: z.string().nullable(),
  /** The learning outcome deposited in the credit bank at completion (passed internships). */
  learningOutcomeId: z.string().nullable(),
  agreementComplete: z.boolean(),
  insured: z.boolean(),
  /** The regulation's two mentors: one of the school's teachers, and the person the enterprise names. */
  schoolMentor: z
    .object({ teacherId: z.string(), name: z.string(), userId: z.string().nullable().describe('其登录账号；无账号时不能在平台评阅') })
    .nullable(),
  enterpriseMentor: z.object({ name: z.string(), phoneMasked: z.string() }).nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type Internship = z.infer<typeof internship>;
export const internshipPage = pageOf(internship);

export const signature = z.object({
  party: z.enum(AGREEMENT_PARTIES),
  signerName: z.string(),
  signedAt: z.string(),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
});
export const agreement = z.object({
  id: z.string(),
  internshipId: z.string(),
  templateVersion: z.string(),
  text: z.string(),
  textSha256: z.string(),
  generatedAt: z.string(),
  signatures: z.array(signature),
  /** Parties whose signature the regulation needs (the guardian when the student is under 18 on signing). */
  requiredParties: z.array(z.enum(AGREEMENT_PARTIES)),
  missingParties: z.array(z.enum(AGREEMENT_PARTIES)),
  complete: z.boolean(),
});
export type Agreement = z.infer<typeof agreement>;

/**
 * A signature. The signer is the signed-in user: school staff sign for the school, the enterprise's admin for
 * the enterprise, the student only for him/herself. The guardian's signature on the paper informed-consent form
 * is recorded by the student's school, with the guardian's name and relation.
 */
export const signRequest = z
  .strictObject({
    party: z.enum(AGREEMENT_PARTIES),
    guardianName: z.string().trim().min(2, '请填写监护人姓名').max(40).optional(),
    guardianRelation: z.enum(['father', 'mother', 'other_guardian']).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.party === 'guardian' && !o.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '请填写监护人姓名' });
    if (o.party === 'guardian' && !o.guardianRelation)
      ctx.addIssue({ code: 'custom', path: ['guardianRelation'], message: '请选择与学生的关系' });
    if (o.party !== 'guardian' && (o.guardianName || o.guardianRelation))
      ctx.addIssue({ code: 'custom', path: ['guardianName'], message: '仅监护人签字时填写' });
  });

export const insuranceRequest = z
  .strictObject({
    insurer: z.string().trim().min(2, '请填写保险公司').max(100),
    policyNo: z.string().trim().min(4, '请填写保单号').max(60),
    coverageStart: isoDate,
    coverageEnd: isoDate,
    payer: z.enum(INSURANCE_PAYERS),
  })
  .refine((o) => o.coverageEnd >= o.coverageStart, { path: ['coverageEnd'], message: '保险止期不能早于起期' });
export const insurance = z.object({
  insurer: z.string(),
  policyNo: z.string(),
  coverageStart: z.string(),
  coverageEnd: z.string(),
  payer: z.enum(['school', 'enterprise']),
  recordedAt: z.string(),
  version: z.number(),
});

export const startRequest = z.strictObject({ startDate: isoDate.optional().describe('省略时为今天；不能早于今天') });

export const logCreate = z.strictObject({
  weekStart: isoDate.describe('该周的周一'),
  hoursWorked: integer().min(0).max(168),
  content: z.string().trim().min(20, '周志内容至少20字').max(5000),
});
export const logComment = z.object({
  id: z.string(),
  party: z.enum(MENTOR_PARTIES),
  authorName: z.string(),
  comment: z.string(),
  createdAt: z.string(),
});
export const log = z.object({
  id: z.string(),
  internshipId: z.string(),
  weekStart: z.string(),
  hoursWorked: z.number(),
  content: z.string(),
  createdAt: z.string(),
  comments: z.array(logComment),
});
export const logPage = pageOf(log);
export const logListQuery = z.strictObject({ ...paging });
export const logParams = z.strictObject({ id: z.uuid('编号格式不正确'), logId: z.uuid('编号格式不正确') });
export const commentCreate = z.strictObject({ comment: z.string().trim().min(2, '评语至少2个字').max(2000) });

export const checkinCreate = z.strictObject({
  date: isoDate,
  location: z.string().trim().max(200).optional(),
  hours: z.number().min(0).max(24).optional().describe('当日实习小时数'),
});
export const checkin = z.object({
  id: z.string(),
  date: z.string(),
  location: z.string().nullable(),
  hours: z.number().nullable(),
  createdAt: z.string(),
});
export const checkinPage = pageOf(checkin);

export const evaluationCreate = z.strictObject({
  stage: z.enum(EVALUATION_STAGES),
  score: integer().min(0).max(100),
  comment: z.string().trim().min(2, '评语至少2个字').max(2000),
});
export const evaluation = z.object({
  stage: z.enum(EVALUATION_STAGES),
  party: z.enum(MENTOR_PARTIES),
  score: z.number(),
  comment: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const completeRequest = z.strictObject({
  outcome: z.enum(['passed', 'failed']),
  hours: integer().min(1).max(10_000).optional().describe('记入学分银行的学时；省略时取周志学时合计'),
  comment: z.string().trim().max(500).optional(),
});
export const reasonRequest = z.strictObject({ reason });

/** The school names one of its own teachers as the intern's school mentor (实习指导教师). */
export const schoolMentorRequest = z.strictObject({ teacherId: z.uuid('请选择本校教师') });
/**
 * The enterprise names its mentor (企业实习指导人员): a person with a mobile number the school and the student
 * can reach. The number is checked by the repository (core/codes) so the reason is the precise one.
 */
export const enterpriseMentorRequest = z.strictObject({
  name: z.string().trim().min(2, '请填写指导人员姓名').max(40),
  phone: z.string().trim().min(1, '请填写手机号码').max(30, '手机号码过长'),
});
export const reassignRequest = z.strictObject({ postId: z.uuid(), reason });

export const internshipDetail = internship.extend({
  agreement: agreement.nullable(),
  insurance: insurance.nullable(),
  evaluations: z.array(evaluation),
  lastLogWeek: z.string().nullable(),
});
export type InternshipDetail = z.infer<typeof internshipDetail>;

export const alertListQuery = z.strictObject({ kind: z.enum(ALERT_KINDS).optional(), ...paging });
export const placementAlert = z.object({
  internshipId: z.string(),
  studentName: z.string(),
  enterpriseName: z.string(),
  postTitle: z.string(),
  status: z.enum(INTERNSHIP_STATUSES),
  kind: z.enum(ALERT_KINDS),
  message: z.string(),
  rule: z.object({ code: z.string(), name: z.string(), article: z.string() }),
});
export const alertPage = pageOf(placementAlert).extend({ byKind: z.record(z.string(), z.number()) });

export { violationList };
