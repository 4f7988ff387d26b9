import { z } from 'zod';
import { pageOf, paging, versioned } from './common.ts';

/** 专业群: a school's programs grouped and aligned to one of the plan's industry clusters (二 (一) 3). */

const name = z.string().trim().min(2, '名称至少2个字').max(100, '名称不超过100个字');
const clusterCode = z
  .string()
  .trim()
  .regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确');
/** The member programs, all of the group's school; the whole list replaces the stored one. */
const programIds = z
  .array(z.uuid('开设专业编号格式不正确'))
  .max(50, '一个专业群最多50个专业')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: '专业重复' });
      seen.add(id);
    });
  });

export const majorGroupCreate = z.strictObject({
  schoolId: z.uuid('学校编号格式不正确'),
  name,
  clusterCode,
  programIds: programIds.default([]),
  /** 产教融合型重点专业（群）: only the bureau may set it (majorGroup.designate). */
  keyMajor: z.boolean().optional(),
});
export type MajorGroupCreate = z.infer<typeof majorGroupCreate>;

export const majorGroupUpdate = z.strictObject({
  ...versioned,
  name: name.optional(),
  clusterCode: clusterCode.optional(),
  programIds: programIds.optional(),
  keyMajor: z.boolean().optional(),
});
export type MajorGroupUpdate = z.infer<typeof majorGroupUpdate>;

export const majorGroupListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  clusterCode: clusterCode.optional(),
  keyMajor: z.stringbool().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'cluster', '-cluster']).default('name'),
  ...paging,
});
export type MajorGroupListQuery = z.infer<typeof majorGroupListQuery>;

export const majorGroup = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtId: z.string().nullable(),
  name: z.string(),
  clusterCode: z.string(),
  clusterName: z.string(),
  keyMajor: z.boolean(),
  programCount: z.number(),
  status: z.enum(['active', 'archived']),
  version: z.number(),
});
export type MajorGroup = z.infer<typeof majorGroup>;
export const majorGroupPage = pageOf(majorGroup);

export const majorGroupDetail = majorGroup.extend({
  programs: z.array(
    z.object({
      id: z.string(),
      majorCode: z.string(),
      majorName: z.string(),
      status: z.enum(['active', 'archived']),
      /** Whether the cluster's major mapping (cluster_majors) lists the program's major: how well the group aligns. */
      inCluster: z.boolean(),
    }),
  ),
});
export type MajorGroupDetail = z.infer<typeof majorGroupDetail>;
