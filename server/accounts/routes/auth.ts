import { z } from 'zod';
import { changePasswordRequest, loginRequest, meResponse } from '../../../contracts/auth.ts';
import { endSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { changePassword } from '../commands/change-password.ts';
import { signIn } from '../commands/sign-in.ts';
import { loadMe } from '../repository/me.ts';

const login = defineRoute({
  method: 'POST',
  url: '/api/auth/login',
  tags: ['auth'],
  access: 'public',
  skipCsrf: true,
  summary: '登录：校验用户名和密码，设置会话 Cookie',
  body: loginRequest,
  response: meResponse,
  async handler({ body, services, req, reply, write }) {
    const { userId, session } = await signIn(services, write, { username: body.username, password: body.password, address: req.ip });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: services.config.cookieSecure,
      expires: session.expiresAt,
    });
    return loadMe(services.database.db, userId, session.csrfToken);
  },
});

const logout = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  tags: ['auth'],
  access: 'authenticated',
  allowBeforePasswordChange: true,
  summary: '退出登录',
  response: z.object({ ok: z.literal(true) }),
  async handler({ req, reply, services, actor, write }) {
    await endSession(services.database.db, req.session!.sessionId);
    await write((_tx, audit) =>
      audit.record({ action: 'sign_out', entityType: 'user', entityId: actor!.userId, after: { signedOutAt: services.now() } }),
    );
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  },
});

const me = defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  tags: ['auth'],
  access: 'authenticated',
  allowBeforePasswordChange: true,
  summary: '当前用户：角色、所属组织和 CSRF 令牌',
  response: meResponse,
  async handler({ actor, services, req }) {
    return loadMe(services.database.db, actor!.userId, req.session!.csrfToken);
  },
});

const changePasswordRoute = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  tags: ['auth'],
  access: 'authenticated',
  allowBeforePasswordChange: true,
  summary: '修改密码（首次登录必须修改）',
  body: changePasswordRequest,
  response: z.object({ ok: z.literal(true) }),
  async handler({ body, actor, services, req, write }) {
    await changePassword(services, write, {
      userId: actor!.userId,
      sessionId: req.session!.sessionId,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
    });
    return { ok: true as const };
  },
});

export const authRoutes: AnyRoute[] = [login, logout, me, changePasswordRoute];
