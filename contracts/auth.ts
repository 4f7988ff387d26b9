import { z } from 'zod';
import { ROLES } from '../core/authz/roles.ts';

/** Shapes of the sign-in API, shared by the server routes and the web app's forms. */
export const loginRequest = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    isDemo: z.boolean(),
  }),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), districtId: z.string().nullable() }),
    }),
  ),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;
