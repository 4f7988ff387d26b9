import { z } from 'zod';
import { queryInteger } from './common.ts';

/** What the search box finds. Internship posts join when they exist. */
export const SEARCH_ENTITY_TYPES = ['school', 'program', 'major', 'enterprise', 'carrier'] as const;
export type SearchEntityType = (typeof SEARCH_ENTITY_TYPES)[number];
export const SEARCH_ENTITY_LABELS: Record<SearchEntityType, string> = {
  school: '学校',
  program: '开设专业',
  major: '专业目录',
  enterprise: '企业',
  carrier: '产教融合载体',
};

/** `types=school,enterprise` (comma-separated); absent means all. */
const typeList = z
  .string()
  .trim()
  .max(100)
  .transform((s, ctx) => {
    const list = [
      ...new Set(
        s
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    const bad = list.filter((t) => !(SEARCH_ENTITY_TYPES as readonly string[]).includes(t));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `不支持的类型：${bad.join('、')}（可选 ${SEARCH_ENTITY_TYPES.join('、')}）` });
      return z.NEVER;
    }
    return list as SearchEntityType[];
  });

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入要搜索的内容').max(100, '搜索内容不能超过100个字'),
  types: typeList.optional().describe(`逗号分隔的类型，可选 ${SEARCH_ENTITY_TYPES.join(',')}；不填为全部`),
  page: queryInteger().min(1).max(50).default(1),
  pageSize: queryInteger().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z.object({
  type: z.enum(SEARCH_ENTITY_TYPES),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The organisation the record belongs to (the school of a program, the lead of a carrier); null for catalogue entries. */
  organisationId: z.string().nullable(),
  /** Relevance: higher is better; comparable within one answer only. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  items: z.array(searchHit),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** True when few or no records matched every word of the query and the answer was widened to the closest ones (typos, partial names); those matching every word still come first. */
  fuzzy: z.boolean(),
  /** Matches per type, whatever `types` selected (for the tabs of a results page). */
  typeCounts: z.record(z.enum(SEARCH_ENTITY_TYPES), z.number()),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchReindexRequest = z.strictObject({
  types: z.array(z.enum(SEARCH_ENTITY_TYPES)).min(1).optional(),
});
