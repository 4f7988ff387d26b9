import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { industryClusters } from './catalogues.ts';

/**
 * Which majors feed an industry cluster (二 (一) 3: 特色专业群 aligned to the clusters). The major code is
 * the catalogue code without its edition, so the mapping survives a new edition of the major catalogue.
 */
export const clusterMajors = pgTable(
  'cluster_majors',
  {
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => industryClusters.code),
    majorCode: text('major_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'cluster_majors_pk', columns: [t.clusterCode, t.majorCode] }),
    index('cluster_majors_major_idx').on(t.majorCode),
  ],
);

/** Which GB/T 4754 industries make up a cluster: how enterprises are placed in clusters. */
export const clusterIndustries = pgTable(
  'cluster_industries',
  {
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => industryClusters.code),
    industryCode: text('industry_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'cluster_industries_pk', columns: [t.clusterCode, t.industryCode] }),
    index('cluster_industries_industry_idx').on(t.industryCode),
  ],
);
