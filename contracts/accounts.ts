import { z } from 'zod';
import { ROLES } from '../core/authz/roles.ts';
import { pageOf, paging } from './common.ts';

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32位字母、数字、下划线、点或短横线');
/** A learner's ID number: one learning account per person, found again by it (checked by core/codes in the repository). */
export const learnerIdNumber = z.string().trim().length(18, '身份证号码应为 18 位');

/** The fields of an account, without the learner rule below (for forms and contracts that pick some of them). */
export const accountFields = z.strictObject({
  username,
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  organisationId: z.uuid('组织编号格式不正确'),
  role: z.enum(ROLES),
  /**
   * Only for role `learner`, and then required: a learner's sign-in exists to reach a learning account, so the
   * account is opened with it (a learner without one would sign in to nothing).
   */
  idNumber: learnerIdNumber.optional(),
});
export const accountCreate = accountFields.superRefine((b, ctx) => {
  if (b.role === 'learner' && !b.idNumber)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '学习者账号须同时开设学习账户，请填写身份证号码' });
  if (b.role !== 'learner' && b.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '只有学习者账号需要身份证号码' });
});
export type AccountCreate = z.infer<typeof accountCreate>;

export const accountCreated = z.object({
  id: z.string(),
  username: z.string(),
  /** Shown once to the administrator; the user must change it at first sign-in. */
  initialPassword: z.string(),
  /** For a learner: the learning account opened with the sign-in. */
  creditAccountNo: z.string().optional(),
});

export const accountListQuery = z.strictObject({ q: z.string().trim().max(50).optional(), organisationId: z.uuid().optional(), ...paging });

export const account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string(),
  organisationName: z.string(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
export const accountPage = pageOf(account);

/** Disable (no sign-in, open sessions end at their next request) or enable an account. */
export const accountStatusUpdate = z.strictObject({ disabled: z.boolean() });
export const accountStatus = z.object({ id: z.string(), username: z.string(), disabled: z.boolean() });
