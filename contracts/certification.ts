import { z } from 'zod';
import { declarationProblems } from '../core/certification/declaration.ts';
import { integer, pageOf, paging, queryInteger, text, versionNumber } from './common.ts';

/** 产教融合型企业 (issue 14): the yearly declaration of enterprises above designated size (二 (二) 5, 任务清单 7; 三 18). */

export const SASAC_LEVELS = ['central', 'province', 'city', 'district'] as const;
export type SasacLevel = (typeof SASAC_LEVELS)[number];
export const SASAC_LEVEL_LABELS: Record<SasacLevel, string> = {
  central: '国务院国资委',
  province: '省政府国资委',
  city: '市政府国资委',
  district: '区县(市)国资监管机构',
};

const yuan = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数（元）`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000_000_000, `${label}超出合理范围`);

export const declarationParams = z.strictObject({
  enterpriseId: z.uuid('企业编号格式不正确'),
  year: queryInteger('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
});
export type DeclarationParams = z.infer<typeof declarationParams>;

/**
 * One form a year. `version` names the declaration read when one exists for the year (a correction); a first
 * declaration has none. Fund spent above fund drawn or a front-line share above 100% is refused with the field.
 */
export const declarationSave = z
  .strictObject({
    payrollYuan: yuan('职工工资总额').min(1, '职工工资总额须大于0'),
    fundDrawnYuan: yuan('提取的培训经费'),
    fundSpentYuan: yuan('使用的培训经费'),
    frontlineSharePct: z
      .number({ error: '用于一线职工的比例须为数字' })
      .min(0, '用于一线职工的比例不能为负数')
      .max(100, '用于一线职工的比例不能超过100%')
      .multipleOf(0.01, '用于一线职工的比例最多两位小数'),
    peopleTrained: integer('培训职工人次须为整数').min(0, '培训职工人次不能为负数').max(10_000_000, '培训职工人次超出合理范围'),
    stateOwned: z.boolean(),
    sasacLevel: z.enum(SASAC_LEVELS).nullable(),
    /** What a 产教融合型企业's surcharge credit is computed from (财税〔2019〕46号); optional for the others. */
    vocationalInvestmentYuan: yuan('兴办职业教育的投资').nullable().optional(),
    educationSurchargesYuan: yuan('当年应缴教育费附加和地方教育附加').nullable().optional(),
    version: versionNumber.optional(),
  })
  .superRefine((d, ctx) => {
    for (const [path, message] of Object.entries(declarationProblems(d))) ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.stateOwned && !d.sasacLevel)
      ctx.addIssue({ code: 'custom', path: ['sasacLevel'], message: '国有企业请选择履行出资人职责的国资监管机构层级' });
    if (!d.stateOwned && d.sasacLevel) ctx.addIssue({ code: 'custom', path: ['sasacLevel'], message: '非国有企业无需填写国资监管机构' });
  });
export type DeclarationSave = z.infer<typeof declarationSave>;

export const declarationStanding = z.object({
  drawnSharePct: z.number().nullable(),
  drawn: z.enum(['below', 'within', 'above']).nullable(),
  frontlineMeets: z.boolean(),
  rules: z.object({ drawnMinPct: z.number(), drawnMaxPct: z.number(), frontlineMinPct: z.number() }),
});

export const declaration = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  year: z.number(),
  payrollYuan: z.number(),
  fundDrawnYuan: z.number(),
  fundSpentYuan: z.number(),
  frontlineSharePct: z.number(),
  peopleTrained: z.number(),
  stateOwned: z.boolean(),
  sasacLevel: z.enum(SASAC_LEVELS).nullable(),
  vocationalInvestmentYuan: z.number().nullable(),
  educationSurchargesYuan: z.number().nullable(),
  /** Internship places the enterprise offered in the year, from the register (not declared). */
  internshipPlaces: z.number(),
  standing: declarationStanding,
  updatedAt: z.string(),
  version: z.number(),
});
export type Declaration = z.infer<typeof declaration>;
export const declarationPage = pageOf(declaration);

/** The form of one enterprise and year: its declaration if made, what the register already knows, and the plan's rules. */
export const declarationForm = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  year: z.number(),
  aboveDesignatedSize: z.boolean(),
  /** From the register: shown, not asked. */
  internshipPlaces: z.number(),
  staffCount: z.number(),
  declaration: declaration.nullable(),
  rules: declarationStanding.shape.rules,
});
export type DeclarationForm = z.infer<typeof declarationForm>;

export const declarationListQuery = z.strictObject({
  year: queryInteger().min(2000).max(2100).optional(),
  districtId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  /** below / above the drawn range, or front-line share under the floor. */
  standing: z.enum(['drawnBelow', 'drawnAbove', 'frontlineBelow']).optional(),
  ...paging,
});
export type DeclarationListQuery = z.infer<typeof declarationListQuery>;

/** 未申报企业: enterprises above designated size that have not declared the year. */
export const undeclaredQuery = z.strictObject({
  year: queryInteger('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年').optional(),
  districtId: z.uuid('区县编号格式不正确').optional(),
  ...paging,
});
export type UndeclaredQuery = z.infer<typeof undeclaredQuery>;
export const undeclaredPage = pageOf(
  z.object({
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    uscc: z.string(),
    districtName: z.string().nullable(),
    staffCount: z.number(),
  }),
).extend({ year: z.number() });

/** The 国资委's list: state-owned enterprises' declarations, with the level of the supervising body. */
export const stateOwnedDeclarationQuery = z.strictObject({
  year: queryInteger().min(2000).max(2100).optional(),
  sasacLevel: z.enum(SASAC_LEVELS).optional(),
  ...paging,
});
export type StateOwnedDeclarationQuery = z.infer<typeof stateOwnedDeclarationQuery>;

/** Totals of the declarations in view: what the 国资委's performance review and the cockpit read. */
export const declarationSummary = z.object({
  year: z.number(),
  enterprises: z.number(),
  payrollYuan: z.number(),
  fundDrawnYuan: z.number(),
  fundSpentYuan: z.number(),
  frontlineYuan: z.number(),
  peopleTrained: z.number(),
  internshipPlaces: z.number(),
  drawnSharePct: z.number().nullable(),
  frontlineSharePct: z.number().nullable(),
});
export const stateOwnedDeclarationPage = pageOf(declaration).extend({ summary: declarationSummary });

// ---- the lifecycle (issue 14 items 1–2) ---------------------------------------------------------

export const CASE_STAGES = [
  'applied',
  'districtReviewed',
  'eligible',
  'expertReviewed',
  'reserve',
  'cultivating',
  'publicNotice',
  'certified',
  'rejected',
  'revoked',
  'expired',
] as const;
export const CERTIFICATION_LEVELS = ['city', 'province', 'nation'] as const;
export const REVOCATION_REASONS = ['fraud', 'majorAccident', 'studentRights', 'dishonesty'] as const;

const comment = text(500).trim();

export const enterpriseParams = z.strictObject({ enterpriseId: z.uuid('企业编号格式不正确') });

export const criterionResult = z.object({
  code: z.string(),
  name: z.string(),
  group: z.enum(['basic', 'oneOf']),
  check: z.enum(['data', 'evidence']),
  evidence: z.string().optional(),
  source: z.object({ document: z.string(), article: z.string() }),
  status: z.enum(['met', 'missing', 'evidence']),
  found: z.string().nullable(),
});
export const eligibility = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  criteria: z.array(criterionResult),
  missing: z.array(z.string()),
  oneOfOpen: z.boolean(),
  mayApply: z.boolean(),
  /** Why an application would be refused today besides the criteria (an open case, a ban), or null. */
  blocked: z.string().nullable(),
});
export type Eligibility = z.infer<typeof eligibility>;

export const caseApply = z.strictObject({
  enterpriseId: z.uuid('企业编号格式不正确'),
  statement: text(4000).trim().min(10, '请说明校企合作情况及各项需佐证条件的材料（至少10个字）'),
});
export type CaseApply = z.infer<typeof caseApply>;

export const districtReview = z.strictObject({ approve: z.boolean(), comment: comment.optional(), version: versionNumber });
export type DistrictReview = z.infer<typeof districtReview>;

/** The bureau's decisions, one per transition (core/certification/lifecycle.ts). */
export const caseDecision = z.discriminatedUnion('transition', [
  z.strictObject({ transition: z.literal('eligibilityCheck'), approve: z.boolean(), comment: comment.optional(), version: versionNumber }),
  /**
   * The panel's outcome is read from the case's review round (every sheet in, the aggregate against the policy's
   * pass score): nothing of it is typed. The panel's signed review document may be attached as optional evidence.
   */
  z.strictObject({
    transition: z.literal('recordExpertReview'),
    documentFileId: z.uuid('评审文件编号格式不正确').optional(),
    comment: comment.optional(),
    version: versionNumber,
  }),
  z.strictObject({ transition: z.literal('enterReserve'), comment: comment.optional(), version: versionNumber }),
  z.strictObject({
    transition: z.literal('certify'),
    level: z.enum(CERTIFICATION_LEVELS),
    documentNo: text(100).trim().min(2, '请填写认定文件文号'),
    comment: comment.optional(),
    version: versionNumber,
  }),
  z.strictObject({
    transition: z.literal('closeNotice'),
    objectionUpheld: z.boolean(),
    comment: comment.optional(),
    version: versionNumber,
  }),
  z.strictObject({
    transition: z.literal('revoke'),
    reason: z.enum(REVOCATION_REASONS),
    comment: text(500).trim().min(4, '请写明取消认定的事实依据'),
    version: versionNumber,
  }),
]);
export type CaseDecision = z.infer<typeof caseDecision>;

/** The bureau opens the expert review of an eligible case (a review round on the shared expert review). */
export const expertReviewOpen = z.strictObject({ version: versionNumber });
export type ExpertReviewOpen = z.infer<typeof expertReviewOpen>;

export const planPublish = z.strictObject({
  title: text(200).trim().min(4, '请填写规划名称'),
  url: z.url('请填写规划公开的网址').max(500),
  version: versionNumber,
});
export type PlanPublish = z.infer<typeof planPublish>;

export const annualReportCreate = z.strictObject({
  year: integer('年度须为整数').min(2000).max(2100),
  narrative: text(8000).trim().min(20, '请填写年度产教融合工作情况（至少20个字）'),
});
export type AnnualReportCreate = z.infer<typeof annualReportCreate>;

/** One annual report of a case, for its printable document. */
export const annualReportParams = z.strictObject({
  id: z.uuid('编号格式不正确'),
  year: queryInteger('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
});

export const caseListQuery = z.strictObject({
  stage: z.enum(CASE_STAGES).optional(),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  ...paging,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const certificationCase = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  stage: z.enum(CASE_STAGES),
  appliedOn: z.string(),
  prefill: z.record(z.string(), z.unknown()),
  statement: z.string(),
  reserveOn: z.string().nullable(),
  planDueOn: z.string().nullable(),
  planPublishedOn: z.string().nullable(),
  planTitle: z.string().nullable(),
  planUrl: z.string().nullable(),
  level: z.enum(CERTIFICATION_LEVELS).nullable(),
  documentNo: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  objectionUntil: z.string().nullable(),
  validUntil: z.string().nullable(),
  expertReviewFileId: z.string().nullable(),
  /** The aggregate of the panel's sheets the stage was decided on. */
  expertReviewScore: z.number().nullable(),
  /** The case's review round (the shared expert review), or null before the bureau opened it; the pass score from the policy. */
  reviewRound: z
    .object({ id: z.string(), status: z.enum(['open', 'assigned', 'closed']), version: z.number(), passScore: z.number() })
    .nullable(),
  revokedOn: z.string().nullable(),
  revocationReason: z.enum(REVOCATION_REASONS).nullable(),
  bannedUntil: z.string().nullable(),
  lastComment: z.string().nullable(),
  reportedYears: z.array(z.number()),
  deadlines: z.object({
    planOverdue: z.boolean(),
    cultivationEndsOn: z.string().nullable(),
    expired: z.boolean(),
    reportsOverdue: z.array(z.number()),
    reportDue: z.object({ year: z.number(), dueOn: z.string() }).nullable(),
  }),
  version: z.number(),
});
export type CertificationCase = z.infer<typeof certificationCase>;
export const certificationCasePage = pageOf(certificationCase);

export const certifiedEnterprise = z.object({
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string().nullable(),
  level: z.enum(CERTIFICATION_LEVELS),
  documentNo: z.string().nullable(),
  certifiedOn: z.string(),
  validUntil: z.string().nullable(),
  /** In its objection period (公示中) rather than confirmed. */
  inNotice: z.boolean(),
  objectionUntil: z.string().nullable(),
});
export const certifiedList = z.object({ items: z.array(certifiedEnterprise) });

/** 未报送年度报告名单 (certified enterprises that owe a year's report). */
export const missingReportsQuery = z.strictObject({
  year: queryInteger('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年').optional(),
  districtId: z.uuid('区县编号格式不正确').optional(),
});
export type MissingReportsQuery = z.infer<typeof missingReportsQuery>;
export const missingReports = z.object({
  year: z.number(),
  dueOn: z.string(),
  /** Past the due day: those listed are late, not merely not yet reported. */
  overdue: z.boolean(),
  /** What follows a late report (policy file certification.lifecycle.annualReportOverdue). */
  consequence: z.string(),
  items: z.array(
    z.object({
      caseId: z.string(),
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      uscc: z.string(),
      districtName: z.string().nullable(),
      level: z.enum(CERTIFICATION_LEVELS),
      documentNo: z.string().nullable(),
      certifiedOn: z.string(),
      validUntil: z.string(),
    }),
  ),
});

// ---- what certification brings: the surcharge credit (财税〔2019〕46号; issue 14 item 4) ------------------

export const surchargeCreditQuery = z.strictObject({
  year: queryInteger('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年').optional(),
  districtId: z.uuid('区县编号格式不正确').optional(),
});
export type SurchargeCreditQuery = z.infer<typeof surchargeCreditQuery>;

export const creditLine = z.object({
  year: z.number(),
  /** Certified on some day of the year: only then does its investment earn a credit. */
  certified: z.boolean(),
  investmentYuan: z.number().nullable(),
  creditYuan: z.number(),
  carriedInYuan: z.number(),
  surchargesYuan: z.number().nullable(),
  usedYuan: z.number(),
  carriedOutYuan: z.number(),
});
export type CreditLine = z.infer<typeof creditLine>;

const creditEnterprise = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string().nullable(),
});
const ruleSource = z.object({ document: z.string(), article: z.string() });

export const enterpriseCredit = creditEnterprise.extend({
  ratePct: z.number(),
  source: ruleSource,
  note: z.string(),
  lines: z.array(creditLine),
});
export type EnterpriseCredit = z.infer<typeof enterpriseCredit>;

export const creditList = z.object({
  year: z.number(),
  ratePct: z.number(),
  source: ruleSource,
  items: z.array(creditEnterprise.extend(creditLine.shape)),
  totals: z.object({ enterprises: z.number(), creditYuan: z.number(), usedYuan: z.number(), carriedOutYuan: z.number() }),
});
export type CreditList = z.infer<typeof creditList>;
