import { z } from 'zod';
import { SURVEY_KINDS } from '../core/surveys/policy.ts';
import { idParams, queryInteger, text } from './common.ts';

/** 满意度调查 (三 18, 任务清单 27): rounds the bureau or a school opens, anonymous answers, response rates, internship ratings. */

export const surveyKind = z.enum(SURVEY_KINDS, '调查类型取值不正确');
/** The kinds a round is opened for by hand; end-of-internship ratings are asked by the platform when an internship completes. */
export const OPENABLE_KINDS = ['student_satisfaction', 'graduate_satisfaction', 'employer_satisfaction'] as const;

const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');

export const roundOpen = z.strictObject({
  kind: z.enum(OPENABLE_KINDS, '请选择在校生、毕业生或用人单位满意度调查'),
  year: queryInteger('年度应为整数').min(2000, '年度格式不正确').max(9999, '年度格式不正确'),
  closesOn: isoDate,
  title: text(100).trim().min(1, '请填写标题').optional(),
});
export type RoundOpen = z.infer<typeof roundOpen>;

export const roundIdParams = idParams;
export const invitationIdParams = idParams;
export const roundSchoolParams = z.strictObject({ id: z.uuid('编号格式不正确'), schoolId: z.uuid('编号格式不正确') });

export const roundListQuery = z.strictObject({
  year: queryInteger('年度应为整数').min(2000).max(9999).optional(),
  kind: surveyKind.optional(),
});

export const surveyRound = z.object({
  id: z.string(),
  kind: surveyKind,
  kindName: z.string(),
  year: z.number(),
  title: z.string(),
  /** 全市 for the bureau's rounds, else the school's name. */
  scopeName: z.string(),
  ownerName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closesOn: z.string(),
  policyVersion: z.string(),
  /** In the caller's scope: respondents invited and answers given. */
  invited: z.number(),
  responses: z.number(),
  responseRate: z.number().nullable(),
  /** The caller may close it (its owner, or the bureau). */
  canClose: z.boolean(),
});
export type SurveyRound = z.infer<typeof surveyRound>;
export const surveyRounds = z.object({ items: z.array(surveyRound), total: z.number(), minResponses: z.number(), canOpen: z.boolean() });

const questionAverage = z.object({ code: z.string(), text: z.string(), score: z.number(), mean: z.number(), answers: z.number() });

export const schoolResult = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  invited: z.number(),
  responses: z.number(),
  responseRate: z.number().nullable(),
  /** False: fewer answers than the minimum — shown as 样本不足, no score. */
  sufficient: z.boolean(),
  score: z.number().nullable(),
});
export type SchoolResult = z.infer<typeof schoolResult>;

export const roundResults = z.object({
  round: surveyRound,
  minResponses: z.number(),
  scale: z.array(z.string()),
  schools: z.array(schoolResult),
});
export type RoundResults = z.infer<typeof roundResults>;

/** One unit's results in a round: per-question averages and its free text, only with enough answers. */
export const unitResult = schoolResult.extend({ questions: z.array(questionAverage), comments: z.array(z.string()) });
export type UnitResult = z.infer<typeof unitResult>;

export const myInvitation = z.object({
  id: z.string(),
  roundId: z.string(),
  kind: surveyKind,
  kindName: z.string(),
  title: z.string(),
  /** What is rated: the internship unit, or the school an enterprise is asked about; null for the respondent's own school. */
  aboutName: z.string().nullable(),
  closesOn: z.string(),
  /** Still answerable: the round is open and not past its closing date. */
  open: z.boolean(),
  answered: z.boolean(),
  questions: z.array(z.object({ code: z.string(), text: z.string() })),
  freeTextPrompt: z.string(),
});
export type MyInvitation = z.infer<typeof myInvitation>;
export const myInvitations = z.object({
  items: z.array(myInvitation),
  total: z.number(),
  scale: z.array(z.string()),
  freeTextMaxLength: z.number(),
});
export type MyInvitations = z.infer<typeof myInvitations>;

export const answerBody = z.strictObject({
  /** Question code → Likert value 1…scale points. */
  values: z.record(text(40), z.number('请选择一项')),
  freeText: text(5000).trim().nullable().optional(),
});
export type AnswerBody = z.infer<typeof answerBody>;
export const answerReceipt = z.object({ answered: z.literal(true), roundId: z.string() });

/** An internship unit's ratings by its interns, per year: aggregated, and only from the minimum number of ratings on. */
export const enterpriseRatingYear = z.object({
  year: z.number(),
  responses: z.number(),
  sufficient: z.boolean(),
  score: z.number().nullable(),
  questions: z.array(questionAverage),
  comments: z.array(z.string()),
});
export const enterpriseRatings = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  minResponses: z.number(),
  scale: z.array(z.string()),
  years: z.array(enterpriseRatingYear),
});
export type EnterpriseRatings = z.infer<typeof enterpriseRatings>;
export const enterpriseRatingsParams = z.strictObject({ enterpriseId: z.uuid('编号格式不正确') });
