import { eq } from 'drizzle-orm';
import { passwordProblem } from '../../../core/auth/password-policy.ts';
import { AppError } from '../../../core/errors.ts';
import { endOtherSessions } from '../../platform/auth/sessions.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { users } from '../../platform/db/schema/index.ts';
import type { RouteContext } from '../../platform/http/route.ts';
import type { Services } from '../../platform/services.ts';

/**
 * A person changes their own password: the current one proves it is them, the new one meets the policy and
 * differs from it; the change is audited and every other session of the account ends (a stolen session does
 * not outlive the change).
 */
export async function changePassword(
  services: Services,
  write: RouteContext<unknown, unknown, unknown>['write'],
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const { db } = services.database;
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' } });
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: { newPassword: problem } });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', { fields: { newPassword: '新密码不能与当前密码相同' } });
  }
  const passwordHash = await hashPassword(input.newPassword);
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
  await endOtherSessions(db, user.id, input.sessionId);
}
