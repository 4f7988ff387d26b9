import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../core/authz/index.ts';
import { makeIdNumber } from '../../core/codes/index.ts';
import type { Db } from '../../server/platform/db/engine.ts';
import { auditLog, catalogueEditions, clusterMajors, majors, organisations } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import type { TestServer } from '../support/server.ts';

/**
 * The world of the school-register tests (schools, programs, major groups, teachers, students, bulk
 * accounts): two districts, three schools with real-looking 学校标识码 (two in district A), the reference
 * catalogues, an enterprise, and a user of every role. Each test file builds its own in its own database.
 */
let serial = 0;
/** A 学校标识码 no other school of the test database has. */
export const schoolCode = () => `41${String(process.pid % 10000).padStart(4, '0')}${String(++serial).padStart(4, '0')}`;

let idSerial = 0;
/** A valid, unique 居民身份证号码 of a student born in 2007–2010. */
export function idNumber(sex: 'male' | 'female' = 'female'): string {
  const n = ++idSerial;
  const day = new Date(Date.UTC(2007, 0, 1) + (n % 1400) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const seq = (Math.floor(n / 1400) % 500) * 2 + (sex === 'male' ? 1 : 0);
  return makeIdNumber('410105', day, String(seq).padStart(3, '0'));
}

async function withCode(db: Db, org: { id: string }) {
  const code = schoolCode();
  await db.update(organisations).set({ code }).where(eq(organisations.id, org.id));
  return { ...org, code };
}

export async function buildRegistryWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const schoolA = await withCode(db, await makeSchool(db, districtA.id));
  const schoolA2 = await withCode(db, await makeSchool(db, districtA.id));
  const schoolB = await withCode(db, await makeSchool(db, districtB.id));
  const enterprise = await makeEnterprise(db, districtA.id);
  const majorRows = await db.select({ id: majors.id, code: majors.code }).from(majors);
  const major = (code: string) => {
    const m = majorRows.find((x) => x.code === code);
    assert.ok(m, `major ${code} loaded`);
    return m.id;
  };
  // 机械设计与制造 feeds 装备制造 (an editable mapping; set here so alignment can be checked).
  await db.insert(clusterMajors).values({ clusterCode: 'equipment', majorCode: '460101' }).onConflictDoNothing();
  const user = (role: Role, org: string) => makeUser(db, role, org);
  const users = {
    cityAdmin: await user('city_admin', bureau.id),
    department: await user('department', dept.id),
    districtA: await user('district', districtA.id),
    districtB: await user('district', districtB.id),
    schoolAdminA: await user('school_admin', schoolA.id),
    schoolAdminA2: await user('school_admin', schoolA2.id),
    schoolAdminB: await user('school_admin', schoolB.id),
    teacherA: await user('teacher', schoolA.id),
    studentA: await user('student', schoolA.id),
    enterpriseAdmin: await user('enterprise_admin', enterprise.id),
  };
  return { db, bureau, districtA, districtB, schoolA, schoolA2, schoolB, enterprise, users, major };
}

export type RegistryWorld = Awaited<ReturnType<typeof buildRegistryWorld>>;

/** A signed-in client for one of the world's users. */
export async function signIn(server: TestServer, w: RegistryWorld, who: keyof RegistryWorld['users']): Promise<TestClient> {
  const c = new TestClient(server.url);
  const res = await c.login(w.users[who].username, TEST_PASSWORD);
  assert.equal(res.status, 200);
  return c;
}

/** Every audit row of one record, oldest first. */
export async function auditRows(db: Db, entityType: string, entityId: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)));
  return rows.sort((a, b) => a.id - b.id);
}

/** A second edition of the major catalogue holding one entry, so a program can point at either edition. */
export async function makeNewEdition(db: Db, code: string, name: string) {
  const [edition] = await db
    .insert(catalogueEditions)
    .values({
      kind: 'major',
      edition: `test-${crypto.randomBytes(3).toString('hex')}`,
      title: '测试版专业目录',
      source: 'test',
      isDemoSubset: true,
    })
    .returning();
  const [m] = await db
    .insert(majors)
    .values({
      editionId: edition!.id,
      level: 'higher',
      code,
      name,
      categoryCode: code.slice(0, 4),
      categoryName: '测试类',
      divisionCode: code.slice(0, 2),
      divisionName: '测试大类',
    })
    .returning();
  return { edition: edition!, majorId: m!.id };
}

export const put = (c: TestClient, path: string, body: unknown) => c.request('PUT', path, body);
