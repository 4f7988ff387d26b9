import crypto from 'node:crypto';
import type { Role } from '../../../core/authz/index.ts';
import type { Auditor } from '../audit/auditor.ts';
import type { Tx } from '../db/engine.ts';
import { memberships, users } from '../db/schema/index.ts';
import { hashPassword } from './passwords.ts';

/**
 * Account rows on the shared floor: every capability that opens an account (account administration, bulk
 * accounts of a school, a learner's credit-bank account) inserts it here.
 */

/** A one-time password that meets the password rules: the user must replace it at first sign-in. */
export function initialPassword(): string {
  const body = crypto.randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Cj-${body}7a`;
}

export interface Credentials {
  password: string;
  passwordHash: string;
}

/**
 * A new account's one-time password and its argon2id hash. Hashing is the slow part (~50 ms): bulk creation
 * computes these before opening its transaction.
 */
export async function newCredentials(): Promise<Credentials> {
  const password = initialPassword();
  return { password, passwordHash: await hashPassword(password) };
}

export interface NewAccount {
  username: string;
  displayName: string;
  organisationId: string;
  role: Role;
}

/**
 * The one place a user account is inserted: the user, who must change the password at first sign-in, its
 * membership and the audit row. Callers check scope, role assignment and the username first. `audited`
 * adds facts to the audit row (e.g. the teacher or student the account belongs to).
 */
export async function insertAccount(
  tx: Tx,
  audit: Auditor,
  account: NewAccount,
  credentials: Credentials,
  audited: Record<string, unknown> = {},
) {
  const [user] = await tx
    .insert(users)
    .values({
      username: account.username,
      displayName: account.displayName,
      passwordHash: credentials.passwordHash,
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  await tx.insert(memberships).values({ userId: user!.id, organisationId: account.organisationId, role: account.role });
  await audit.record({
    action: 'create',
    entityType: 'user',
    entityId: user!.id,
    after: { ...account, ...audited, mustChangePassword: true },
  });
  return { id: user!.id, username: account.username, initialPassword: credentials.password };
}
