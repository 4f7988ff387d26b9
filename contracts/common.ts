import { z } from 'zod';

/** The largest value a PostgreSQL `integer` column holds: integers the API takes stay within it. */
export const INTEGER_MAX = 2_147_483_647;

/**
 * The text rule for every string the API accepts. PostgreSQL text and JSON cannot hold NUL, and an unpaired
 * UTF-16 surrogate is not Unicode (the audit row's JSON and the credit bank's canonical JSON refuse it).
 */
export const isCleanText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();
export const CLEAN_TEXT_MESSAGE = '含有无法保存的字符（空字符或不完整的 Unicode 字符），请删除后重试';

/** A string under the text rule with its length limit; chain `.trim()`, `.min()`, `.regex()` as the field needs. */
export const text = (max: number) => z.string().max(max).refine(isCleanText, CLEAN_TEXT_MESSAGE);

/** An integer an `integer` column holds. */
export const integer = (message?: string) =>
  z
    .number()
    .int(message)
    .min(-INTEGER_MAX - 1)
    .max(INTEGER_MAX);
/** The same from a query string or path. */
export const queryInteger = (message?: string) =>
  z.coerce
    .number()
    .int(message)
    .min(-INTEGER_MAX - 1)
    .max(INTEGER_MAX);

/**
 * The text rule applied at the edge to a whole request part, keys included, before the route's own schema:
 * fields typed `unknown` or records reach the database too. Each bad string is reported at its path.
 */
export const cleanInput = z.unknown().superRefine((value, ctx) => {
  const visit = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      if (!isCleanText(v)) ctx.addIssue({ code: 'custom', message: CLEAN_TEXT_MESSAGE, path });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, [...path, i]));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (!isCleanText(k)) ctx.addIssue({ code: 'custom', message: CLEAN_TEXT_MESSAGE, path: [...path, JSON.stringify(k).slice(1, -1)] });
        else visit(item, [...path, k]);
      }
    }
  };
  visit(value, []);
});

export const idParams = z.strictObject({ id: z.uuid('编号格式不正确') });

/** Paging shared by every list: page from 1, at most 200 rows a page. */
export const paging = {
  page: queryInteger().min(1).default(1),
  pageSize: queryInteger().min(1).max(200).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Optimistic concurrency: an edit names the version it read (an `integer` column). */
export const versionNumber = integer().min(1);
export const versioned = { version: versionNumber };

/** Archive and restore name the version they read, like every edit. */
export const archiveRequest = z.strictObject({ ...versioned });
