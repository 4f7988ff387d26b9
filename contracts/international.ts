import { z } from 'zod';
import {
  COMPETITION_ROLES,
  EXCHANGE_DIRECTIONS,
  EXCHANGE_PARTICIPANTS,
  INTERNATIONAL_KINDS,
  INTERNATIONAL_STATUSES,
} from '../core/international/records.ts';
import { integer, pageOf, paging, queryInteger, text, versionNumber } from './common.ts';
import { evidenceFile } from './cockpit.ts';

/** 国际交流与合作 (二 (四) 13, 任务清单 17): records entered by their owner, with evidence, verified by the bureau. */

const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');
const required = (max: number, message: string) => text(max).trim().min(1, message);

/** What the owner enters. The kind decides which parts are required (core/international/records.ts). */
export const internationalRecordInput = z.strictObject({
  kind: z.enum(INTERNATIONAL_KINDS, '类型取值不正确'),
  title: required(200, '请填写名称'),
  country: required(60, '请填写合作国家（地区）'),
  partner: required(200, '请填写境外合作机构'),
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
  direction: z.enum(EXCHANGE_DIRECTIONS, '交流方向取值不正确').nullable().optional(),
  participant: z.enum(EXCHANGE_PARTICIPANTS, '交流对象取值不正确').nullable().optional(),
  people: integer('人数须为整数').nullable().optional(),
  role: z.enum(COMPETITION_ROLES, '承办或参赛取值不正确').nullable().optional(),
  awards: integer('获奖数须为整数').nullable().optional(),
  qualification: text(200).trim().nullable().optional(),
});
export type InternationalRecordInput = z.infer<typeof internationalRecordInput>;

/** A correction names the version read; a returned record goes back to the bureau with it. */
export const internationalRecordUpdate = internationalRecordInput.extend({ version: versionNumber });
export type InternationalRecordUpdate = z.infer<typeof internationalRecordUpdate>;

/** The bureau's review: verify (counts from now on) or return with the reason. */
export const internationalReview = z.strictObject({
  decision: z.enum(['verify', 'return'], '审核结论取值不正确'),
  reason: text(500).trim().min(1, '请填写退回原因').optional(),
  version: versionNumber,
});
export type InternationalReview = z.infer<typeof internationalReview>;

export const internationalRecord = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  districtName: z.string().nullable(),
  kind: z.enum(INTERNATIONAL_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  country: z.string(),
  partner: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  year: z.number(),
  direction: z.enum(EXCHANGE_DIRECTIONS).nullable(),
  participant: z.enum(EXCHANGE_PARTICIPANTS).nullable(),
  people: z.number().nullable(),
  role: z.enum(COMPETITION_ROLES).nullable(),
  awards: z.number().nullable(),
  qualification: z.string().nullable(),
  /** One line saying what the record is about, by kind (来华学生 12 人; 参赛，获奖 2 项; …). */
  detail: z.string(),
  status: z.enum(INTERNATIONAL_STATUSES),
  statusLabel: z.string(),
  returnReason: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  evidenceCount: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type InternationalRecord = z.infer<typeof internationalRecord>;
export const internationalRecordDetail = internationalRecord.extend({
  evidence: z.array(evidenceFile),
  /** The caller may edit it and upload evidence (its owner, not yet verified) / may review it (the bureau, awaiting review). */
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type InternationalRecordDetail = z.infer<typeof internationalRecordDetail>;

export const internationalListQuery = z.strictObject({
  year: queryInteger('年度应为整数').min(1900, '年度格式不正确').max(9999, '年度格式不正确').optional(),
  kind: z.enum(INTERNATIONAL_KINDS, '类型取值不正确').optional(),
  status: z.enum(INTERNATIONAL_STATUSES, '状态取值不正确').optional(),
  ...paging,
});
export type InternationalListQuery = z.infer<typeof internationalListQuery>;
export const internationalExportQuery = internationalListQuery.pick({ year: true, kind: true, status: true });

export const internationalPage = pageOf(internationalRecord).extend({
  /** Records in scope by status (before the status filter): how many await the bureau. */
  byStatus: z.object({ submitted: z.number(), verified: z.number(), returned: z.number() }),
  /** Whether the caller enters records (a school's or enterprise's account) and whether it reviews them (the bureau). */
  canEnter: z.boolean(),
  canReview: z.boolean(),
});
export type InternationalPage = z.infer<typeof internationalPage>;
