import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { auditLog, memberships, students, teachers, users } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeStudent } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * Bulk accounts for a school's teachers and students: numbered usernames from the 学校标识码, one-time
 * passwords returned once and stored only as argon2id hashes, a password change at first sign-in, each
 * account linked to its record and audited; batches of at most 100 with `remaining` for the next call.
 */
for (const engine of testEngines()) {
  describe(`bulk accounts [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const url = (schoolId: string) => `/api/schools/${schoolId}/accounts/bulk`;
    const addTeachers = async (schoolId: string, n: number) =>
      w.db
        .insert(teachers)
        .values(
          Array.from({ length: n }, (_, i) => ({
            schoolId,
            name: `教师${i}`,
            employment: 'fullTime' as const,
            subject: 'specialty' as const,
          })),
        )
        .returning();

    test('all teachers without an account get one: numbered usernames, one-time passwords, linked and audited', async () => {
      const made = await addTeachers(w.schoolA.id, 3);
      const c = await as('schoolAdminA');
      const res = await c.post(url(w.schoolA.id), { allTeachersWithoutAccount: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(
        res.body.created.map((x: { username: string }) => x.username),
        [1, 2, 3].map((n) => `t${w.schoolA.code}-000${n}`),
      );
      assert.deepEqual(res.body.remaining, { teachers: 0, students: 0 });
      assert.equal(res.body.batchLimit, 100);
      const first = res.body.created[0];
      const userRows = await w.db
        .select()
        .from(users)
        .where(
          inArray(
            users.id,
            res.body.created.map((x: { userId: string }) => x.userId),
          ),
        );
      for (const u of userRows) {
        assert.equal(u.mustChangePassword, true);
        assert.match(u.passwordHash, /^\$argon2id\$/);
      }
      const texts = JSON.stringify(userRows) + JSON.stringify(await w.db.select().from(auditLog));
      for (const x of res.body.created) assert.ok(!texts.includes(x.initialPassword), 'the one-time password is stored nowhere');
      const linked = await w.db
        .select({ id: teachers.id, userId: teachers.userId })
        .from(teachers)
        .where(
          inArray(
            teachers.id,
            made.map((t) => t.id),
          ),
        );
      assert.ok(
        linked.every((t) =>
          res.body.created.some((x: { recordId: string; userId: string }) => x.recordId === t.id && x.userId === t.userId),
        ),
      );
      const [m] = await w.db.select().from(memberships).where(eq(memberships.userId, first.userId));
      assert.deepEqual([m!.organisationId, m!.role], [w.schoolA.id, 'teacher']);
      assert.deepEqual(
        (await auditRows(w.db, 'teacher', first.recordId)).map((a) => a.action),
        ['link_account'],
      );
      const userAudit = await auditRows(w.db, 'user', first.userId);
      assert.deepEqual(userAudit[0]!.changes.teacherId, { before: null, after: first.recordId });
      assert.equal(userAudit[0]!.actorUserId, w.users.schoolAdminA.id);
      // The teacher signs in with the one-time password and must change it first.
      const t = new TestClient(server.url);
      const login = await t.login(first.username, first.initialPassword);
      assert.equal(login.status, 200);
      const blocked = await t.get('/api/schools');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.code, 'PASSWORD_CHANGE_REQUIRED');
      // The next batch continues the numbering.
      await addTeachers(w.schoolA.id, 1);
      const next = await c.post(url(w.schoolA.id), { allTeachersWithoutAccount: true });
      assert.deepEqual(
        next.body.created.map((x: { username: string }) => x.username),
        [`t${w.schoolA.code}-0004`],
      );
    });

    test('chosen students: created once, then skipped as already having one; another school’s record is 400', async () => {
      const s1 = await makeStudent(w.db, server.services.pii, w.schoolA.id);
      const s2 = await makeStudent(w.db, server.services.pii, w.schoolA.id);
      const sb = await makeStudent(w.db, server.services.pii, w.schoolB.id);
      const c = await as('schoolAdminA');
      const res = await c.post(url(w.schoolA.id), { studentIds: [s1.id, s2.id] });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.created.map((x: { username: string; kind: string }) => [x.kind, x.username]),
        [
          ['student', `s${w.schoolA.code}-00001`],
          ['student', `s${w.schoolA.code}-00002`],
        ],
      );
      const again = await c.post(url(w.schoolA.id), { studentIds: [s1.id] });
      assert.deepEqual(again.body.created, []);
      assert.deepEqual(
        again.body.skipped.map((x: { recordId: string; reason: string }) => [x.recordId, x.reason]),
        [[s1.id, '已有账号']],
      );
      const foreign = await c.post(url(w.schoolA.id), { studentIds: [s1.id, sb.id] });
      assert.equal(foreign.status, 400);
      assert.ok(foreign.body.fields['studentIds.1']);
      const [row] = await w.db.select({ userId: students.userId }).from(students).where(eq(students.id, s2.id));
      assert.equal(row!.userId, res.body.created[1].userId);
      const [m] = await w.db.select().from(memberships).where(eq(memberships.userId, row!.userId!));
      assert.equal(m!.role, 'student');
    });

    test('who may: the school’s admin and the bureau; another school is 404; district, teacher, department 403', async () => {
      await addTeachers(w.schoolB.id, 1);
      assert.equal((await (await as('schoolAdminA')).post(url(w.schoolB.id), { allTeachersWithoutAccount: true })).status, 404);
      for (const who of ['districtB', 'teacherA', 'department', 'enterpriseAdmin', 'studentA'] as const) {
        assert.equal((await (await as(who)).post(url(w.schoolB.id), { allTeachersWithoutAccount: true })).status, 403, who);
      }
      const city = await (await as('cityAdmin')).post(url(w.schoolB.id), { allTeachersWithoutAccount: true });
      assert.equal(city.status, 200);
      assert.equal(city.body.created.length, 1);
      assert.equal(city.body.created[0].username, `t${w.schoolB.code}-0001`);
    });

    test('bad requests: nothing chosen, too many ids, malformed ids', async () => {
      const c = await as('schoolAdminA');
      const empty = await c.post(url(w.schoolA.id), {});
      assert.equal(empty.status, 400);
      assert.ok(empty.body.fields.teacherIds);
      const many = await c.post(url(w.schoolA.id), { studentIds: Array.from({ length: 101 }, () => crypto.randomUUID()) });
      assert.equal(many.status, 400);
      assert.ok(many.body.fields.studentIds);
      const bad = await c.post(url(w.schoolA.id), { teacherIds: ['x'] });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields['teacherIds.0']);
    });

    test('a batch is at most 100; `remaining` says how many are left for the next call', async () => {
      const school = w.schoolA2;
      await w.db.insert(students).values(
        Array.from({ length: 101 }, (_, i) => ({
          schoolId: school.id,
          name: `批量学生${i}`,
          cohort: 2024,
          birthDate: '2008-01-01',
          sex: 'female' as const,
          idNumberCipher: 'x',
          idNumberIndex: `bulk-${crypto.randomUUID()}`,
          idNumberMasked: '410105********0000',
        })),
      );
      const c = await as('schoolAdminA2');
      const first = await c.post(url(school.id), { allStudentsWithoutAccount: true });
      assert.equal(first.status, 200);
      assert.equal(first.body.created.length, 100);
      assert.deepEqual(first.body.remaining, { teachers: 0, students: 1 });
      assert.equal(new Set(first.body.created.map((x: { username: string }) => x.username)).size, 100);
      const second = await c.post(url(school.id), { allStudentsWithoutAccount: true });
      assert.deepEqual(
        second.body.created.map((x: { username: string }) => x.username),
        [`s${school.code}-00101`],
      );
      assert.deepEqual(second.body.remaining, { teachers: 0, students: 0 });
      const listed = await c.get(`/api/students?schoolId=${school.id}&hasAccount=false`);
      assert.equal(listed.body.total, 0);
    });
  });
}
