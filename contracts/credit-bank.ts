import { z } from 'zod';
import { OUTCOME_KINDS, outcomeFactProblems } from '../core/credit-bank/kinds.ts';
import { CREDIT_MODES, RULE_SCOPES } from '../core/credit-bank/rules.ts';
import { accountFields, learnerIdNumber } from './accounts.ts';
import { integer, pageOf, paging, queryInteger } from './common.ts';

/** 学分银行 API: accounts, learning outcomes, recognition rules, transfers, ledger, credentials, verification. */

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const credits = z.number().min(0).max(60).multipleOf(0.01);
const idempotencyKey = z.string().trim().min(8, '幂等键至少 8 个字符').max(100);

// ---- accounts -------------------------------------------------------------------------------

export const accountOpen = z.union([
  z.strictObject({ studentId: z.uuid() }),
  z
    .strictObject({
      holderName: z.string().trim().min(1).max(50),
      idNumber: learnerIdNumber,
      /** The employer or school that holds the account: the bureau names it; a school or enterprise opens for itself. */
      organisationId: z.uuid().optional(),
      /** An existing user to link instead of a new sign-in. */
      userId: z.uuid().optional(),
      /**
       * The learner's sign-in (an enterprise employee in training): a user with the `learner` role in the opening
       * organisation, linked to the account, with a one-time password shown once. Left out, a username is
       * generated (l<organisation code>-00001…).
       */
      username: accountFields.shape.username.optional(),
    })
    .refine((b) => !(b.userId && b.username), { path: ['username'], message: '已关联用户时不能再新建登录账号' }),
]);
export type AccountOpen = z.infer<typeof accountOpen>;

export const account = z.object({
  id: z.string(),
  accountNo: z.string(),
  kind: z.enum(['student', 'learner']),
  holderName: z.string(),
  idNumberMasked: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  studentId: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
  outcomeCount: z.number(),
  depositedCredits: z.number(),
  recognisedCredits: z.number(),
});
export type Account = z.infer<typeof account>;
export const accountPage = pageOf(account);
/** An opened account, with the learner's new sign-in when one was asked for (the password is shown this once). */
export const accountOpened = account.extend({ signIn: z.object({ username: z.string(), initialPassword: z.string() }).nullable() });
export const accountListQuery = z.strictObject({ q: z.string().trim().max(50).optional(), organisationId: z.uuid().optional(), ...paging });

export const openForStudentsBody = z.strictObject({ schoolId: z.uuid() });
export const openForStudentsResult = z.object({ opened: z.number() });

// ---- learning outcomes ----------------------------------------------------------------------

export const outcomeIssue = z
  .strictObject({
    /** The account number the learner gave, or the account id. */
    accountNo: z.string().trim().min(1).max(40),
    kind: z.enum(OUTCOME_KINDS),
    code: z.string().trim().max(40).optional(),
    title: z.string().trim().min(1).max(100),
    field: z.string().trim().max(20).optional(),
    level: integer().min(1).max(9).optional(),
    credits: credits.optional(),
    grade: z.string().trim().max(20).optional(),
    hours: integer().min(1).max(10_000).optional(),
    awardRank: z.string().trim().max(40).optional(),
    achievedOn: isoDate,
    evidenceUrl: z.url().max(500).optional(),
    evidenceSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256')
      .optional(),
    evidenceNote: z.string().trim().max(500).optional(),
    idempotencyKey,
  })
  .superRefine((o, ctx) => {
    for (const p of outcomeFactProblems(o)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type OutcomeIssue = z.infer<typeof outcomeIssue>;

export const outcome = z.object({
  id: z.string(),
  accountId: z.string(),
  accountNo: z.string(),
  holderName: z.string(),
  issuerId: z.string(),
  issuerName: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  code: z.string().nullable(),
  title: z.string(),
  field: z.string().nullable(),
  level: z.number().nullable(),
  credits: z.number().nullable(),
  grade: z.string().nullable(),
  hours: z.number().nullable(),
  awardRank: z.string().nullable(),
  achievedOn: z.string(),
  evidenceUrl: z.string().nullable(),
  evidenceSha256: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Outcome = z.infer<typeof outcome>;
export const outcomePage = pageOf(outcome);
export const outcomeListQuery = z.strictObject({
  accountId: z.uuid().optional(),
  issuerId: z.uuid().optional(),
  kind: z.enum(OUTCOME_KINDS).optional(),
  ...paging,
});
export const reasonBody = z.strictObject({ reason: z.string().trim().min(2, '请说明原因').max(500) });

// ---- recognition rules ----------------------------------------------------------------------

const ruleFields = {
  scope: z.enum(RULE_SCOPES),
  issuerId: z.uuid(),
  outcomeKind: z.enum(OUTCOME_KINDS).nullable().default(null),
  outcomeCode: z.string().trim().max(40).nullable().default(null),
  field: z.string().trim().max(20).nullable().default(null),
  minLevel: integer().min(1).max(9).nullable().default(null),
  targetSchoolId: z.uuid(),
  targetProgramId: z.uuid().nullable().default(null),
  targetCourseCode: z.string().trim().min(1).max(40),
  targetCourseName: z.string().trim().min(1).max(100),
  creditMode: z.enum(CREDIT_MODES),
  creditValue: z.number().positive().max(1000),
  maxCredits: credits.nullable().default(null),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  agreementRef: z.string().trim().max(100).nullable().default(null),
};
export const ruleCreate = z.strictObject(ruleFields);
export type RuleCreate = z.infer<typeof ruleCreate>;
/** A new version: the same fields; the previous version stays until the new one is agreed. */
export const ruleRevise = z.strictObject({
  ...ruleFields,
  scope: ruleFields.scope.optional(),
  issuerId: z.uuid().optional(),
  targetSchoolId: z.uuid().optional(),
});

export const rule = z.object({
  id: z.string(),
  ruleKey: z.string(),
  version: z.number(),
  status: z.enum(['proposed', 'active', 'archived']),
  scope: z.enum(RULE_SCOPES),
  issuerId: z.string(),
  issuerName: z.string(),
  outcomeKind: z.enum(OUTCOME_KINDS).nullable(),
  outcomeCode: z.string().nullable(),
  field: z.string().nullable(),
  minLevel: z.number().nullable(),
  targetSchoolId: z.string(),
  targetSchoolName: z.string(),
  targetProgramId: z.string().nullable(),
  targetCourseCode: z.string(),
  targetCourseName: z.string(),
  creditMode: z.enum(CREDIT_MODES),
  creditValue: z.number(),
  maxCredits: z.number().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  agreementRef: z.string().nullable(),
  issuerAgreedAt: z.string().nullable(),
  schoolAgreedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archivedReason: z.string().nullable(),
});
export type Rule = z.infer<typeof rule>;
export const rulePage = pageOf(rule);
export const ruleListQuery = z.strictObject({
  status: z.enum(['proposed', 'active', 'archived']).optional(),
  targetSchoolId: z.uuid().optional(),
  issuerId: z.uuid().optional(),
  ...paging,
});

// ---- transfers ------------------------------------------------------------------------------

export const transferCreate = z.strictObject({
  /** Staff filing for a learner name the account; a learner files for their own. */
  accountId: z.uuid().optional(),
  programId: z.uuid(),
  outcomeIds: z.array(z.uuid()).min(1, '请至少选择一项学习成果').max(100),
  note: z.string().trim().max(500).optional(),
  idempotencyKey: idempotencyKey.optional(),
});
export type TransferCreate = z.infer<typeof transferCreate>;

export const transferItem = z.object({
  id: z.string(),
  outcomeId: z.string(),
  outcomeTitle: z.string(),
  outcomeKind: z.enum(OUTCOME_KINDS),
  status: z.enum(['autoRecognised', 'pendingReview', 'recognised', 'rejected']),
  ruleId: z.string().nullable(),
  ruleVersion: z.number().nullable(),
  courseCode: z.string().nullable(),
  courseName: z.string().nullable(),
  credits: z.number().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  ledgerSeq: z.number().nullable(),
});
export const transfer = z.object({
  id: z.string(),
  accountId: z.string(),
  accountNo: z.string(),
  holderName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  programId: z.string(),
  status: z.enum(['inReview', 'completed']),
  note: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  items: z.array(transferItem),
});
export type Transfer = z.infer<typeof transfer>;
export const transferPage = pageOf(transfer.omit({ items: true }).extend({ itemCount: z.number(), pendingCount: z.number() }));
export const transferListQuery = z.strictObject({
  status: z.enum(['inReview', 'completed']).optional(),
  accountId: z.uuid().optional(),
  ...paging,
});
export const transferItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const transferDecision = z
  .discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('recognise'),
      /** Recognise under an agreed rule (its course and credits), or give course and credits by hand. */
      ruleId: z.uuid().optional(),
      credits: credits.refine((c) => c > 0, '认定学分须大于 0').optional(),
      courseCode: z.string().trim().min(1).max(40).optional(),
      courseName: z.string().trim().min(1).max(100).optional(),
      reason: z.string().trim().min(2, '请填写认定理由').max(500),
    }),
    z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(2, '请填写不予认定的理由').max(500) }),
  ])
  .superRefine((d, ctx) => {
    if (d.decision !== 'recognise' || d.ruleId) return;
    for (const f of ['credits', 'courseCode', 'courseName'] as const) {
      if (d[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: '未按规则认定时须填写课程与学分' });
    }
  });
export type TransferDecision = z.infer<typeof transferDecision>;

// ---- ledger ---------------------------------------------------------------------------------

export const ledgerEntry = z.object({
  seq: z.number(),
  accountId: z.string(),
  kind: z.enum(['deposit', 'recognition', 'compensation']),
  credits: z.number(),
  outcomeId: z.string().nullable(),
  transferItemId: z.string().nullable(),
  ruleId: z.string().nullable(),
  programId: z.string().nullable(),
  courseCode: z.string().nullable(),
  compensatesSeq: z.number().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export const ledgerPage = z.object({ items: z.array(ledgerEntry), nextAfterSeq: z.number().nullable() });
export const ledgerListQuery = z.strictObject({
  accountId: z.uuid().optional(),
  /** Keyset paging: entries after this seq. */
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: queryInteger().min(1).max(500).default(100),
});
export const seqParams = z.strictObject({ seq: z.coerce.number().int().min(1) });
export const compensateBody = z.strictObject({
  reason: z.string().trim().min(2, '请说明更正原因').max(500),
  idempotencyKey: idempotencyKey.optional(),
});

// ---- credentials ----------------------------------------------------------------------------

export const credentialIssue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('outcome'), outcomeId: z.uuid() }),
  z.strictObject({ kind: z.literal('transcript'), accountId: z.uuid().optional() }),
]);
export const credentialRecord = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(['outcome', 'transcript']),
  outcomeId: z.string().nullable(),
  keyId: z.string(),
  status: z.enum(['active', 'revoked']),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
  document: z.record(z.string(), z.unknown()),
});
export const credentialPage = pageOf(credentialRecord);
export const credentialListQuery = z.strictObject({ accountId: z.uuid().optional(), ...paging });
export const signingKey = z.object({
  id: z.string(),
  publicKeyMultibase: z.string(),
  verificationMethod: z.string(),
  status: z.enum(['active', 'retired', 'revoked']),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export const signingKeyList = z.object({ items: z.array(signingKey) });

/** The public check: the credential JSON itself (pasted or fetched from a QR code's link). */
export const verifyBody = z.record(z.string(), z.unknown());
export const verification = z.object({
  status: z.enum(['valid', 'revoked', 'tampered', 'unknown']),
  valid: z.boolean(),
  code: z.string(),
  reason: z.string(),
  credentialId: z.string().nullable(),
  verificationMethod: z.string().nullable(),
  name: z.string().nullable(),
});

// ---- the bureau's view ----------------------------------------------------------------------

export const conversionStats = z.object({
  totals: z.object({
    accounts: z.number(),
    outcomes: z.number(),
    recognitions: z.number(),
    recognisedCredits: z.number(),
    pendingReview: z.number(),
  }),
  bySchool: z.array(
    z.object({ schoolId: z.string(), schoolName: z.string(), recognitions: z.number(), credits: z.number(), autoShare: z.number() }),
  ),
  byCluster: z.array(
    z.object({ clusterCode: z.string().nullable(), clusterName: z.string(), recognitions: z.number(), credits: z.number() }),
  ),
  byKind: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), recognitions: z.number(), credits: z.number() })),
});
export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
