import { z } from 'zod';
import { pageOf, paging, text, versioned } from './common.ts';

/** 评审专家: a user account in the bureau's expert pool. */
export const expert = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  affiliation: z.string().nullable(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  active: z.boolean(),
  /** Open assignments (not yet scored) and submitted score sheets. */
  pending: z.number(),
  submitted: z.number(),
  version: z.number(),
});
export type Expert = z.infer<typeof expert>;
export const expertPage = pageOf(expert);
export const expertListQuery = z.strictObject({
  ...paging,
  field: text(40).optional(),
  active: z.enum(['true', 'false']).optional(),
});

const fields = z.array(text(40).trim().min(1)).max(10, '专业领域最多10个');
export const expertCreate = z.strictObject({
  userId: z.uuid('账号编号格式不正确'),
  title: text(60).trim().nullable().optional(),
  affiliation: text(100).trim().nullable().optional(),
  fields: fields.min(1, '至少填写一个专业领域'),
});
export type ExpertCreate = z.infer<typeof expertCreate>;
export const expertUpdate = z.strictObject({
  ...versioned,
  title: text(60).trim().nullable().optional(),
  affiliation: text(100).trim().nullable().optional(),
  fields: fields.min(1, '至少填写一个专业领域').optional(),
  active: z.boolean().optional(),
});
export type ExpertUpdate = z.infer<typeof expertUpdate>;

export const rubricItem = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: text(60).min(1),
  min: z.number().min(0),
  max: z.number().min(0).max(1000),
  weight: z.number().positive().max(10).optional(),
});
export type RubricItemView = z.infer<typeof rubricItem>;

/** What an expert sees of an assigned subject (the applicant's names only when the round is not blind). */
export const reviewTask = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  blind: z.boolean(),
  rubric: z.array(rubricItem),
  subjectKind: z.string(),
  title: z.string(),
  summary: z.string(),
  field: z.string().nullable(),
  applicantNames: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Scoring is open while the round is assigned (not yet closed by its owner). */
  open: z.boolean(),
  version: z.number(),
});
export type ReviewTask = z.infer<typeof reviewTask>;
export const reviewTaskPage = pageOf(reviewTask);
export const reviewTaskListQuery = z.strictObject({ ...paging, status: z.enum(['pending', 'submitted']).optional() });

export const scoreSubmit = z.strictObject({
  ...versioned,
  scores: z.record(z.string().max(40), z.number()),
  comment: text(2000).trim().min(5, '请填写评审意见（至少5个字）'),
});
export type ScoreSubmit = z.infer<typeof scoreSubmit>;

/** The bureau's view of a round: each subject with its experts' totals, the aggregate, outliers and rank. */
export const roundResultSheet = z.object({
  assignmentId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  total: z.number().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  outlier: z.boolean(),
});
export const roundResultSubject = z.object({
  reviewSubjectId: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  title: z.string(),
  applicantNames: z.string(),
  field: z.string().nullable(),
  sheets: z.array(roundResultSheet),
  submitted: z.number(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
});
export type RoundResultSubject = z.infer<typeof roundResultSubject>;
export const roundResults = z.object({
  id: z.string(),
  ownerKind: z.string(),
  ownerId: z.string(),
  title: z.string(),
  status: z.enum(['open', 'assigned', 'closed']),
  aggregation: z.enum(['mean', 'trimmed_mean']),
  expertsPerSubject: z.number(),
  blind: z.boolean(),
  rubric: z.array(rubricItem),
  outlierMadFactor: z.number(),
  subjects: z.array(roundResultSubject),
  loads: z.array(z.object({ expertId: z.string(), expertName: z.string(), assigned: z.number(), submitted: z.number() })),
  version: z.number(),
});
export type RoundResults = z.infer<typeof roundResults>;

export const assignmentRun = z.strictObject({ ...versioned });
export const assignmentRunResult = z.object({
  assigned: z.number(),
  conflictsExcluded: z.number(),
  minLoad: z.number(),
  maxLoad: z.number(),
  version: z.number(),
});
/** The bureau replaces one expert on one subject (a declined or absent expert). */
export const assignmentAdd = z.strictObject({ reviewSubjectId: z.uuid(), expertId: z.uuid() });
export const assignmentParams = z.strictObject({ id: z.uuid(), assignmentId: z.uuid() });
