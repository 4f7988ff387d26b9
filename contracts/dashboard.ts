import { z } from 'zod';

/**
 * A role's home page as data: sections of figures, tables and charts that the web app renders generically.
 * Figures may carry the plan's target and article so the page can show progress against the plan.
 */
export const statItem = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().optional(),
  /** A target of the plan this figure is measured against. */
  target: z.object({ value: z.number(), comparator: z.enum(['>=', '<=']), article: z.string() }).optional(),
  /** Where the records behind the figure are listed in the web app. */
  href: z.string().optional(),
  hint: z.string().optional(),
});
export type StatItem = z.infer<typeof statItem>;

/**
 * One thing the user has to do (or has done): what, how many records wait, by when, and the page where it is
 * done. `overdue` is past its date, `due` waits now, `done` means nothing waits (shown so the user knows).
 */
export const todoItem = z.object({
  key: z.string(),
  label: z.string(),
  /** Records waiting; null for a single fact (today's check-in). */
  count: z.number().nullable(),
  /** What the count counts, when not 项. */
  unit: z.string().optional(),
  state: z.enum(['overdue', 'due', 'done']),
  /** A YYYY-MM-DD day the item is due by. */
  due: z.string().optional(),
  detail: z.string().optional(),
  href: z.string(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const dashboardSection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('todo'), key: z.string(), title: z.string(), items: z.array(todoItem) }),
  z.object({ kind: z.literal('stats'), key: z.string(), title: z.string(), items: z.array(statItem) }),
  z.object({
    kind: z.literal('table'),
    key: z.string(),
    title: z.string(),
    columns: z.array(z.object({ key: z.string(), title: z.string() })),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  }),
  z.object({
    kind: z.literal('chart'),
    key: z.string(),
    title: z.string(),
    chart: z.enum(['bar', 'pie']),
    data: z.array(z.object({ name: z.string(), value: z.number() })),
  }),
]);
export type DashboardSection = z.infer<typeof dashboardSection>;

export const homeResponse = z.object({
  role: z.string(),
  title: z.string(),
  organisation: z.string(),
  /** The figures come from generated demo data. */
  isDemoData: z.boolean(),
  sections: z.array(dashboardSection),
});
export type HomeResponse = z.infer<typeof homeResponse>;
