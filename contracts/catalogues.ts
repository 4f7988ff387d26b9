import { z } from 'zod';

/** The reference catalogues' editions and the 职业分类大典 look-up (public reference data, nothing personal). */
export const CATALOGUE_KINDS = ['major', 'industry', 'occupation', 'division'] as const;
export const OCCUPATION_LEVELS = ['major', 'middle', 'minor', 'occupation'] as const;

export const catalogueEdition = z.object({
  kind: z.enum(CATALOGUE_KINDS),
  edition: z.string(),
  title: z.string(),
  /** A hand-checked subset shipped for the demo, not the complete published catalogue. */
  isDemoSubset: z.boolean(),
  entries: z.number().int(),
  loadedAt: z.string(),
});
export type CatalogueEdition = z.infer<typeof catalogueEdition>;
export const catalogueEditionList = z.object({ items: z.array(catalogueEdition) });

export const occupationQuery = z.strictObject({
  /** Code prefix ("2-02") or part of a name. */
  q: z.string().trim().max(30).optional(),
  level: z.enum(OCCUPATION_LEVELS).optional(),
  /** Default: the newest complete edition, else the newest demo subset. */
  edition: z.string().trim().min(1).max(40).optional(),
});

export const occupationList = z.object({
  /** null when no occupation catalogue is loaded. */
  edition: catalogueEdition.nullable(),
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(OCCUPATION_LEVELS), parentCode: z.string().nullable() })),
});
export type OccupationList = z.infer<typeof occupationList>;
