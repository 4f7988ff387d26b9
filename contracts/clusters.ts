import { z } from 'zod';

export const clusterParams = z.strictObject({ code: z.string().regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确') });
export const clusterMajorParams = clusterParams.extend({ majorCode: z.string().regex(/^\d{6}K?$/, '专业代码应为6位数字') });
export const clusterIndustryParams = clusterParams.extend({ industryCode: z.string().regex(/^[A-T]$|^\d{2,4}$/, '行业代码格式不正确') });

/** Majors are mapped by their catalogue code alone (edition-independent), industries by GB/T 4754-2017 code. */
export const clusterMajorAdd = z.strictObject({ majorCode: clusterMajorParams.shape.majorCode });
export const clusterIndustryAdd = z.strictObject({ industryCode: clusterIndustryParams.shape.industryCode });

const mappedMajor = z.object({ code: z.string(), name: z.string().nullable(), level: z.string().nullable() });
const mappedIndustry = z.object({ code: z.string(), name: z.string().nullable(), level: z.string().nullable() });

export const cluster = z.object({
  code: z.string(),
  name: z.string(),
  article: z.string(),
  majors: z.array(mappedMajor),
  industries: z.array(mappedIndustry),
});
export type Cluster = z.infer<typeof cluster>;
export const clusterList = z.object({ items: z.array(cluster) });
