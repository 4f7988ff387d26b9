import { z } from 'zod';
import { ROLES } from '../core/authz/roles.ts';
import { pageOf, paging } from './common.ts';

export const accountCreate = z.strictObject({
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32位字母、数字、下划线、点或短横线'),
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  organisationId: z.uuid('组织编号格式不正确'),
  role: z.enum(ROLES),
});
export type AccountCreate = z.infer<typeof accountCreate>;

export const accountCreated = z.object({
  id: z.string(),
  username: z.string(),
  /** Shown once to the administrator; the user must change it at first sign-in. */
  initialPassword: z.string(),
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
