import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { passwordProblem } from '../../../core/auth/password-policy.ts';
import { throttleKeys } from '../../../core/auth/throttle.ts';
import { AppError } from '../../../core/errors.ts';
import { createSession, endOtherSessions, endSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { hashForUnknownUser, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { clearFailures, lockedFor, recordFailure } from '../../platform/auth/throttle-store.ts';
import { users } from '../../platform/db/schema/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { changePasswordRequest, loginRequest, meResponse } from '../../../contracts/auth.ts';
import { loadMe } from './me.ts';

const tooMany = (seconds: number) =>
  new AppError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请${Math.ceil(seconds / 60)}分钟后再试`, {
    details: { retryAfterSeconds: seconds },
  });

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
    const { db } = services.database;
    const now = services.now();
    const keys = throttleKeys(body.username, req.ip);
    const locked = await lockedFor(db, keys, now);
    if (locked > 0) throw tooMany(locked);
    const [user] = await db.select().from(users).where(eq(users.username, body.username));
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await hashForUnknownUser()));
    if (!user || !ok || user.disabled) {
      const lock = await recordFailure(db, keys, services.config.signInThrottle, now);
      if (lock > 0) throw tooMany(lock);
      throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
    }
    await clearFailures(db, keys);
    const session = await createSession(
      db,
      user.id,
      {
        idleMinutes: services.config.sessionIdleMinutes,
        absoluteHours: services.config.sessionAbsoluteHours,
      },
      now,
    );
    await write((_tx, audit) => audit.record({ action: 'sign_in', entityType: 'user', entityId: user.id, after: { signedInAt: now } }));
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: services.config.cookieSecure,
      expires: session.expiresAt,
    });
    return loadMe(db, user.id, session.csrfToken);
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

const changePassword = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  tags: ['auth'],
  access: 'authenticated',
  allowBeforePasswordChange: true,
  summary: '修改密码（首次登录必须修改）',
  body: changePasswordRequest,
  response: z.object({ ok: z.literal(true) }),
  async handler({ body, actor, services, req, write }) {
    const { db } = services.database;
    const [user] = await db.select().from(users).where(eq(users.id, actor!.userId));
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw new AppError('INVALID_CREDENTIALS', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' } });
    }
    const problem = passwordProblem(body.newPassword, user.username);
    if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: { newPassword: problem } });
    if (body.newPassword === body.currentPassword) {
      throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', { fields: { newPassword: '新密码不能与当前密码相同' } });
    }
    const passwordHash = await hashPassword(body.newPassword);
    const now = services.now();
    await write(async (tx, audit) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now }).where(eq(users.id, user.id));
      await audit.record({
        action: 'change_password',
        entityType: 'user',
        entityId: user.id,
        before: { mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt },
        after: { mustChangePassword: false, passwordChangedAt: now },
      });
    });
    await endOtherSessions(db, user.id, req.session!.sessionId);
    return { ok: true as const };
  },
});

export const authRoutes: AnyRoute[] = [login, logout, me, changePassword];
