import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../core/authz/index.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import type { Db } from '../../server/platform/db/engine.ts';
import { memberships, organisations, schools, students, users } from '../../server/platform/db/schema/index.ts';
import type { PiiCipher } from '../../server/platform/pii.ts';

/**
 * Builders for test data. Every test makes its own organisations and users with unique names, so tests never
 * share fixtures and can run against one server database side by side.
 */
export const TEST_PASSWORD = 'Test-Password-42';
let passwordHash: Promise<string> | undefined;

const uid = () => crypto.randomBytes(5).toString('hex');

type Kind = 'bureau' | 'department' | 'school' | 'enterprise' | 'evaluator';

export async function makeOrganisation(db: Db, kind: Kind, opts: { districtId?: string; name?: string } = {}) {
  const [org] = await db
    .insert(organisations)
    .values({
      kind,
      name: opts.name ?? `测试${kind}-${uid()}`,
      code: `T-${uid()}`,
      districtId: opts.districtId ?? null,
    })
    .returning();
  return org!;
}

export async function makeDistrict(db: Db) {
  const [d] = await db
    .insert(organisations)
    .values({ kind: 'district', name: `测试区-${uid()}`, code: `T-${uid()}` })
    .returning();
  await db.update(organisations).set({ districtId: d!.id }).where(eq(organisations.id, d!.id));
  return { ...d!, districtId: d!.id };
}

export async function makeSchool(db: Db, districtId: string) {
  const org = await makeOrganisation(db, 'school', { districtId, name: `测试职业学校-${uid()}` });
  await db.insert(schools).values({ organisationId: org.id, level: 'secondary', ownership: 'public' });
  return org;
}

export async function makeUser(db: Db, role: Role, organisationId: string, opts: { mustChangePassword?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      username: `u_${role}_${uid()}`,
      displayName: `测试${role}`,
      passwordHash: await passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, organisationId, role });
  return user!;
}

/** A student of a school, with personal information protected as the app stores it. */
export async function makeStudent(db: Db, pii: PiiCipher, schoolId: string, opts: { userId?: string; idNumber?: string } = {}) {
  const idNumber = opts.idNumber ?? '11010519491231002X';
  const [s] = await db
    .insert(students)
    .values({
      schoolId,
      userId: opts.userId ?? null,
      name: `学生${uid()}`,
      cohort: 2024,
      birthDate: '2007-05-01',
      sex: 'female',
      // A unique blind index per test student; the cipher holds the (shared, valid) sample number.
      idNumberCipher: pii.encrypt(idNumber),
      idNumberIndex: pii.index(`${idNumber}:${uid()}`),
      idNumberMasked: '110105********002X',
      phoneCipher: pii.encrypt('13812345678'),
      phoneMasked: '138****5678',
    })
    .returning();
  return s!;
}
