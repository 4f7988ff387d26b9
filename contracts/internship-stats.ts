import { z } from 'zod';
import { paging, queryInteger } from './common.ts';

/**
 * Internship figures for the enterprise, its district and the bureau (issue 5, item 3 and 5): the plan's
 * 2%–3% internship-post target per enterprise above designated size (二 (二) 5; 任务清单 7), placement rates by
 * school, major and cluster, and the posts and placements that break the internship regulation.
 */

const year = queryInteger().min(2000, '年份不正确').max(2100, '年份不正确');

/**
 * Standing against the 2%–3% range: green at or above its lower bound, amber when something is offered but
 * less, red when nothing is; `na` when the rule does not bind (not above designated size, or no staff count).
 */
export const RAG_STATUSES = ['green', 'amber', 'red', 'na'] as const;
export const ragStatus = z.enum(RAG_STATUSES);
export type RagStatus = z.infer<typeof ragStatus>;
export const RAG_STATUS_LABELS: Record<RagStatus, string> = {
  green: '达到2%—3%要求',
  amber: '未达下限',
  red: '未安排',
  na: '不适用（非规模以上企业）',
};

/** The range itself, as the policy file states it (fractions: 0.02 = 2%). */
export const shareTarget = z.object({ min: z.number(), max: z.number(), article: z.string() });

export const enterprisePostShare = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  staffCount: z.number(),
  aboveDesignatedSize: z.boolean(),
  /** Places of the enterprise's published (or closed) posts running in the year. */
  placesOffered: z.number(),
  /** Students accepted on those posts. */
  internsAccepted: z.number(),
  /** Fractions of the staff; null when the rule does not apply. */
  placesShare: z.number().nullable(),
  internsShare: z.number().nullable(),
  placesStatus: ragStatus,
  internsStatus: ragStatus,
  /** The whole posts the range asks for (at least / at most). */
  minPosts: z.number(),
  maxPosts: z.number(),
  /** Offered more than the upper bound: not a failure, shown for information. */
  aboveMax: z.boolean(),
});
export type EnterprisePostShare = z.infer<typeof enterprisePostShare>;

export const statusCounts = z.object({ green: z.number(), amber: z.number(), red: z.number(), na: z.number() });

/** Sums over a group of enterprises: shares are of the staff of the enterprises the rule binds. */
export const postShareRollup = z.object({
  key: z.string().nullable(),
  name: z.string(),
  enterprises: z.number(),
  applicable: z.number(),
  staffCount: z.number(),
  placesOffered: z.number(),
  internsAccepted: z.number(),
  placesShare: z.number().nullable(),
  internsShare: z.number().nullable(),
  placesStatus: ragStatus,
  statusCounts,
});
export type PostShareRollup = z.infer<typeof postShareRollup>;

export const postShareQuery = z.strictObject({
  year: year.optional().describe('统计年度（默认今年）'),
  districtId: z.uuid().optional(),
  clusterCode: z.string().max(40).optional(),
  status: ragStatus.optional().describe('按实习岗位占比的达标情况筛选'),
  applicableOnly: z.stringbool().default(true).describe('只列规模以上企业'),
  q: z.string().trim().max(50).optional().describe('企业名称中的文字'),
  ...paging,
});
export type PostShareQuery = z.infer<typeof postShareQuery>;

export const postSharePage = z.object({
  year: z.number(),
  target: shareTarget,
  items: z.array(enterprisePostShare),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** All enterprises of the caller's scope that match the filters (not only this page). */
  totals: postShareRollup,
});

export const postShareOneQuery = z.strictObject({ year: year.optional() });
export const postShareOne = z.object({ year: z.number(), target: shareTarget, enterprise: enterprisePostShare });

export const ROLLUP_DIMENSIONS = ['district', 'cluster'] as const;
export const postShareRollupQuery = z.strictObject({ year: year.optional(), by: z.enum(ROLLUP_DIMENSIONS).default('district') });
export const postShareRollups = z.object({
  year: z.number(),
  target: shareTarget,
  by: z.enum(ROLLUP_DIMENSIONS),
  rows: z.array(postShareRollup),
  totals: postShareRollup,
});

/** Placement rate: students placed on a 岗位实习 post running in the year / students of the cohorts allowed one. */
export const PLACEMENT_DIMENSIONS = ['school', 'major', 'cluster'] as const;
export const placementRateQuery = z.strictObject({
  year: year.optional(),
  by: z.enum(PLACEMENT_DIMENSIONS).default('school'),
  districtId: z.uuid().optional(),
});
export const placementRateRow = z.object({
  key: z.string().nullable(),
  name: z.string(),
  eligible: z.number(),
  placed: z.number(),
  rate: z.number().nullable(),
});
export const placementRates = z.object({
  year: z.number(),
  /** The date the study year is taken on, and the newest cohort old enough for 岗位实习 on it. */
  asOf: z.string(),
  newestEligibleCohort: z.number(),
  rule: z.object({ code: z.string(), name: z.string(), article: z.string() }),
  by: z.enum(PLACEMENT_DIMENSIONS),
  rows: z.array(placementRateRow),
  /** Each student once (a major feeding several clusters counts in each cluster row, once here). */
  totals: placementRateRow,
});
export type PlacementRates = z.infer<typeof placementRates>;

export const VIOLATION_SUBJECTS = ['post', 'position', 'enterprise', 'placement'] as const;
export const VIOLATION_SUBJECT_LABELS: Record<(typeof VIOLATION_SUBJECTS)[number], string> = {
  post: '岗位条件',
  position: '岗位实习人数',
  enterprise: '企业实习人数',
  placement: '学生安排',
};
export const violationsQuery = z.strictObject({
  year: year.optional(),
  districtId: z.uuid().optional(),
  subject: z.enum(VIOLATION_SUBJECTS).optional(),
  ruleCode: z.string().max(60).optional(),
  ...paging,
});
export const violationRow = z.object({
  subject: z.enum(VIOLATION_SUBJECTS),
  rule: z.object({ code: z.string(), name: z.string(), article: z.string() }),
  field: z.string(),
  message: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtId: z.string().nullable(),
  postId: z.string().nullable(),
  postTitle: z.string().nullable(),
  applicationId: z.string().nullable(),
  studentName: z.string().nullable(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
});
export type ViolationRow = z.infer<typeof violationRow>;
export const violationsPage = z.object({
  year: z.number(),
  items: z.array(violationRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Rows per rule code over the whole result (for the filter's counts). */
  byRule: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
});

/**
 * Placement roster (.xlsx) of a school, an enterprise or a district: one filter at most, within the caller's
 * scope. ID numbers and phones are masked unless `personalInfo` is asked and the caller may read them.
 */
export const rosterExportQuery = z.strictObject({
  year: year.optional(),
  schoolId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  personalInfo: z.stringbool().default(false),
});
export type RosterExportQuery = z.infer<typeof rosterExportQuery>;
