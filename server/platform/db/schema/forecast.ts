import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 人才供需月度序列 (二 (五) 16: 人才需求预测): one row per month × measure × dimension × key, the value the
 * monthly job (`forecast.series`) read from the register in that month — the history the forecast is made from.
 * A re-run of a month overwrites its row (upsert), so a month is never counted twice. `source` says whether a
 * row was measured from the register (`register`) or generated for the demo city's past (`demo`).
 */
export const talentSeries = pgTable(
  'talent_series',
  {
    /** `YYYY-MM`, Zhengzhou calendar. */
    month: text('month').notNull(),
    /** demands | headcount | posts | places (demand) · students | seeking (supply). */
    measure: text('measure', { enum: ['demands', 'headcount', 'posts', 'places', 'students', 'seeking'] }).notNull(),
    dimension: text('dimension', { enum: ['city', 'cluster', 'major'] }).notNull(),
    /** Cluster code, major code (edition-independent), '' for the city or for “no cluster / no major”. */
    key: text('key').notNull(),
    value: integer('value').notNull(),
    source: text('source', { enum: ['register', 'demo'] }).notNull(),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'talent_series_pk', columns: [t.measure, t.dimension, t.key, t.month] }),
    index('talent_series_month_idx').on(t.month),
  ],
);
