import { z } from 'zod';

/** Whose data: a student (students.id), a teacher (teachers.id) or a learner (their credit account's id). */
export const PERSONAL_DATA_SUBJECTS = ['student', 'teacher', 'learner'] as const;
export type PersonalDataSubject = (typeof PERSONAL_DATA_SUBJECTS)[number];

export const personalDataParams = z.strictObject({
  kind: z.enum(PERSONAL_DATA_SUBJECTS, '对象类型应为 student、teacher 或 learner'),
  id: z.uuid('编号格式不正确'),
});

export const personalDataQuery = z.strictObject({
  format: z.enum(['json', 'xlsx'], '格式应为 json 或 xlsx').default('json'),
});

/** One kind of record the platform holds about the person, as rows of plain values. */
export const personalDataSection = z.object({
  name: z.string(),
  title: z.string(),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const personalDataExport = z.object({
  subject: z.object({ kind: z.enum(PERSONAL_DATA_SUBJECTS), id: z.string() }),
  generatedAt: z.string(),
  sections: z.array(personalDataSection),
});
export type PersonalDataExport = z.infer<typeof personalDataExport>;

export const erasureRequest = z.strictObject({
  /** The person's request as the bureau received it (date, reference): kept in the audit log. */
  reason: z.string().trim().min(4, '请填写删除依据（如申请日期和编号），至少4个字').max(500, '删除依据不超过500字'),
});

export const erasureResult = z.object({
  subject: z.object({ kind: z.enum(PERSONAL_DATA_SUBJECTS), id: z.string() }),
  erasedAt: z.string(),
  /** Rows changed per table. */
  changed: z.record(z.string(), z.number()),
});
