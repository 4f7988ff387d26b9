import { z } from 'zod';

/**
 * Accounts for a school's teachers and students in one call. At most BULK_ACCOUNT_BATCH accounts a call:
 * each initial password is hashed with argon2id (~50 ms), and the passwords exist only in this response, so
 * a larger school is done in several calls (`remaining` says how many are still without an account).
 */
export const BULK_ACCOUNT_BATCH = 100;

const ids = (label: string) =>
  z.array(z.uuid(`${label}编号格式不正确`)).max(BULK_ACCOUNT_BATCH, `一次最多为${BULK_ACCOUNT_BATCH}人创建账号`);

export const bulkAccountRequest = z
  .strictObject({
    teacherIds: ids('教师').optional(),
    studentIds: ids('学生').optional(),
    /** Every teacher (student) of the school without an account, up to the batch size. */
    allTeachersWithoutAccount: z.boolean().optional(),
    allStudentsWithoutAccount: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    const chosen = (r.teacherIds?.length ?? 0) + (r.studentIds?.length ?? 0);
    if (!chosen && !r.allTeachersWithoutAccount && !r.allStudentsWithoutAccount) {
      ctx.addIssue({ code: 'custom', path: ['teacherIds'], message: '请选择教师或学生，或选择“全部未开通账号的人员”' });
    }
    if (chosen > BULK_ACCOUNT_BATCH)
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: `一次最多为${BULK_ACCOUNT_BATCH}人创建账号` });
  });
export type BulkAccountRequest = z.infer<typeof bulkAccountRequest>;

const kind = z.enum(['teacher', 'student']);

export const bulkAccountResult = z.object({
  created: z.array(
    z.object({
      kind,
      recordId: z.string(),
      name: z.string(),
      userId: z.string(),
      username: z.string(),
      /** Shown once; never stored in clear. The user must change it at first sign-in. */
      initialPassword: z.string(),
    }),
  ),
  skipped: z.array(z.object({ kind, recordId: z.string(), name: z.string(), reason: z.string() })),
  /** Teachers and students of the school still without an account after this call. */
  remaining: z.object({ teachers: z.number(), students: z.number() }),
  batchLimit: z.number(),
});
export type BulkAccountResult = z.infer<typeof bulkAccountResult>;
