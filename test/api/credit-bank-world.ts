import crypto from 'node:crypto';
import { catalogueEditions, majors, programs, students } from '../../server/platform/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser } from '../support/factory.ts';
import type { TestServer } from '../support/server.ts';

/** The credit-bank test world: two schools with a program each, an enterprise, and a student of each school. */
export async function buildCreditBankWorld(server: TestServer) {
  const db = server.services.database.db;
  const pii = server.services.pii;
  const uid = crypto.randomBytes(4).toString('hex');
  const [edition] = await db
    .insert(catalogueEditions)
    .values({ kind: 'major', edition: `t-${uid}`, title: '测试目录', source: 'test' })
    .returning();
  const [major] = await db
    .insert(majors)
    .values({
      editionId: edition!.id,
      level: 'higher',
      code: `46${uid.slice(0, 4)}`,
      name: '工业机器人技术',
      categoryCode: '4603',
      categoryName: '自动化类',
      divisionCode: '46',
      divisionName: '装备制造大类',
    })
    .returning();
  const bureau = await makeOrganisation(db, 'bureau');
  const district = await makeDistrict(db);
  const schoolA = await makeSchool(db, district.id);
  const schoolB = await makeSchool(db, district.id);
  const enterprise = await makeOrganisation(db, 'enterprise', { districtId: district.id });
  const [programA] = await db.insert(programs).values({ schoolId: schoolA.id, majorId: major!.id, startYear: 2020 }).returning();
  const [programB] = await db.insert(programs).values({ schoolId: schoolB.id, majorId: major!.id, startYear: 2020 }).returning();
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    schoolAdminB: await makeUser(db, 'school_admin', schoolB.id),
    enterpriseAdmin: await makeUser(db, 'enterprise_admin', enterprise.id),
    studentA: await makeUser(db, 'student', schoolA.id),
    studentB: await makeUser(db, 'student', schoolB.id),
  };
  const studentA = await makeStudent(db, pii, schoolA.id, { userId: users.studentA.id });
  const studentB = await makeStudent(db, pii, schoolB.id, { userId: users.studentB.id });
  await db.update(students).set({ programId: programA!.id }).where(eq(students.id, studentA.id));
  await db.update(students).set({ programId: programB!.id }).where(eq(students.id, studentB.id));
  return { district, schoolA, schoolB, enterprise, programA: programA!, programB: programB!, studentA, studentB, users };
}
