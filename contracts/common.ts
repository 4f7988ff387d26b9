import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid('编号格式不正确') });

/** Paging shared by every list: page from 1, at most 200 rows a page. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Optimistic concurrency: an edit names the version it read. */
export const versioned = { version: z.number().int().min(1) };

/** Archive and restore name the version they read, like every edit. */
export const archiveRequest = z.strictObject({ ...versioned });
