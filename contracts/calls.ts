import { z } from 'zod';
import { pageOf, paging, text, versioned } from './common.ts';
import { rubricItem } from './expert-review.ts';

const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');
const yuan = z.number().int('金额以元为单位，须为整数').min(0, '金额不能为负').max(10_000_000_000, '金额过大');

export const CALL_STATUSES = ['draft', 'open', 'reviewing', 'decided', 'published'] as const;
export const CALL_STATUS_LABELS: Record<(typeof CALL_STATUSES)[number], string> = {
  draft: '草稿',
  open: '申报中',
  reviewing: '评审中',
  decided: '已立项待公示',
  published: '已公示',
};
export const APPLICATION_STATUS_LABELS = { draft: '草稿', submitted: '已提交', withdrawn: '已撤回' } as const;

export const callKind = z.object({
  code: z.string(),
  name: z.string(),
  article: z.string(),
  target: z.string(),
  targetName: z.string(),
  applicants: z.array(z.string()),
  rules: z.array(z.object({ code: z.string() }).loose()),
  evidence: z.array(z.object({ code: z.string(), label: z.string() })),
  rubric: z.array(rubricItem),
  aggregation: z.enum(['mean', 'trimmed_mean']),
  expertsPerApplication: z.number(),
  blind: z.boolean(),
});
export const callKindList = z.array(callKind);

export const call = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  title: z.string(),
  description: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  budgetYuan: z.number(),
  status: z.enum(CALL_STATUSES),
  reviewRoundId: z.string().nullable(),
  publishedOn: z.string().nullable(),
  objectionEndsOn: z.string().nullable(),
  submitted: z.number(),
  funded: z.number(),
  awardedYuan: z.number(),
  version: z.number(),
});
export type Call = z.infer<typeof call>;
export const callPage = pageOf(call);
export const callListQuery = z.strictObject({
  ...paging,
  status: z.enum(CALL_STATUSES).optional(),
  kind: text(40).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true：只列本单位发布、可管理的申报指南（市教育局为全部）'),
});

export const callCreate = z
  .strictObject({
    kind: text(40),
    title: text(100).trim().min(2, '请填写申报指南名称'),
    description: text(4000).trim().default(''),
    opensOn: isoDate,
    closesOn: isoDate,
    budgetYuan: yuan.min(1, '预算须大于0'),
  })
  .refine((c) => c.closesOn >= c.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });
export type CallCreate = z.infer<typeof callCreate>;
export const callUpdate = z.strictObject({
  ...versioned,
  title: text(100).trim().min(2).optional(),
  description: text(4000).trim().optional(),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(),
  budgetYuan: yuan.min(1, '预算须大于0').optional(),
});
export type CallUpdate = z.infer<typeof callUpdate>;
export const callStep = z.strictObject({ ...versioned });

export const failedRule = z.object({ rule: z.string(), message: z.string() });
export const eligibility = z.object({ eligible: z.boolean(), failed: z.array(failedRule) });

export const applicationPartner = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  organisationKind: z.string(),
  part: z.string(),
  confirmedAt: z.string().nullable(),
});
export const applicationMember = z.object({ teacherId: z.string(), name: z.string(), dualQualified: z.boolean() });

export const application = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  callKind: z.string(),
  callStatus: z.enum(CALL_STATUSES),
  closesOn: z.string(),
  applicantOrganisationId: z.string(),
  applicantName: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  requestedYuan: z.number(),
  sections: z.record(z.string(), z.string()),
  status: z.enum(['draft', 'submitted', 'withdrawn']),
  submittedAt: z.string().nullable(),
  partners: z.array(applicationPartner),
  members: z.array(applicationMember),
  eligibility,
  score: z.number().nullable(),
  rank: z.number().nullable(),
  decision: z.enum(['funded', 'not_funded']).nullable(),
  awardYuan: z.number().nullable(),
  version: z.number(),
});
export type Application = z.infer<typeof application>;
export const applicationPage = pageOf(application.omit({ sections: true, partners: true, members: true, eligibility: true }));
export const applicationListQuery = z.strictObject({
  ...paging,
  callId: z.uuid().optional(),
  status: z.enum(['draft', 'submitted', 'withdrawn']).optional(),
});

const partnerInput = z.strictObject({
  organisationId: z.uuid('合作单位编号格式不正确'),
  part: text(200).trim().min(2, '请写明合作单位承担的内容'),
});
export const applicationCreate = z.strictObject({
  title: text(100).trim().min(2, '请填写项目名称').optional(),
});
export const applicationUpdate = z.strictObject({
  ...versioned,
  title: text(100).trim().min(2, '请填写项目名称').optional(),
  field: text(40).nullable().optional(),
  requestedYuan: yuan.optional(),
  sections: z.record(z.string().max(40), text(8000)).optional(),
  partners: z.array(partnerInput).max(20, '合作单位最多20家').optional(),
  memberTeacherIds: z.array(z.uuid()).max(50, '团队成员最多50名').optional(),
});
export type ApplicationUpdate = z.infer<typeof applicationUpdate>;

/** The register's facts offered when drafting: the applicant's carriers' partners and its teachers. */
export const applicationPrefill = z.object({
  partners: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.string(), via: z.string() })),
  teachers: z.array(z.object({ teacherId: z.string(), name: z.string(), dualQualified: z.boolean() })),
  clusterCode: z.string().nullable(),
});

export const decisionRequest = z.strictObject({
  ...versioned,
  awards: z
    .array(z.strictObject({ applicationId: z.uuid(), amountYuan: yuan.min(1, '立项金额须大于0') }))
    .max(2000)
    .refine((a) => new Set(a.map((x) => x.applicationId)).size === a.length, '同一申报不能重复立项'),
});
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const ranking = z.object({
  callId: z.string(),
  status: z.enum(CALL_STATUSES),
  budgetYuan: z.number(),
  version: z.number(),
  items: z.array(
    z.object({
      applicationId: z.string(),
      title: z.string(),
      applicantName: z.string(),
      requestedYuan: z.number(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      submittedSheets: z.number(),
      outliers: z.number(),
      decision: z.enum(['funded', 'not_funded']).nullable(),
      awardYuan: z.number().nullable(),
    }),
  ),
});

/** The public page: open calls, and the published results (funded projects with their amounts). */
export const publicCalls = z.object({
  open: z.array(
    z.object({
      id: z.string(),
      kindName: z.string(),
      title: z.string(),
      organisationName: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
      budgetYuan: z.number(),
    }),
  ),
  results: z.array(
    z.object({
      id: z.string(),
      kindName: z.string(),
      title: z.string(),
      organisationName: z.string(),
      publishedOn: z.string(),
      objectionEndsOn: z.string().nullable(),
      funded: z.array(z.object({ rank: z.number().nullable(), title: z.string(), applicantName: z.string(), awardYuan: z.number() })),
    }),
  ),
});

/** 异议 (issue 15 item 4): an applicant's objection to a published result during 公示, and the answer to it. */
export const OBJECTION_OUTCOME_LABELS = { upheld: '异议成立', dismissed: '异议不成立' } as const;
export const objectionRaise = z.strictObject({
  reasons: text(4000).trim().min(1, '请写明异议理由'),
});
export const objectionAnswer = z.strictObject({
  ...versioned,
  outcome: z.enum(['upheld', 'dismissed'], '请选择异议是否成立'),
  answer: text(4000).trim().min(1, '请填写答复意见'),
});
export type ObjectionAnswer = z.infer<typeof objectionAnswer>;
export const objection = z.object({
  id: z.string(),
  callId: z.string(),
  applicationId: z.string(),
  applicationTitle: z.string(),
  applicantName: z.string(),
  decision: z.enum(['funded', 'not_funded']).nullable(),
  reasons: z.string(),
  raisedAt: z.string(),
  status: z.enum(['pending', 'answered']),
  outcome: z.enum(['upheld', 'dismissed']).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number(),
});
export type Objection = z.infer<typeof objection>;
export const objectionList = z.object({
  objectionEndsOn: z.string().nullable(),
  /** The 公示 period is over (today is after objectionEndsOn). */
  periodOver: z.boolean(),
  pending: z.number(),
  /** Published, the period over and every objection answered: the result stands. */
  final: z.boolean(),
  items: z.array(objection),
});
