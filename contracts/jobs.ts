import { z } from 'zod';
import { pageOf, paging } from './common.ts';

export const job = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number(), total: z.number().nullable(), message: z.string() }),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }).nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof job>;
export const jobPage = pageOf(job);
export const jobListQuery = z.strictObject({ kind: z.string().max(64).optional(), ...paging });
