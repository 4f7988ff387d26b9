import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { students } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { makeStudent } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, makeNewEdition, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 开设专业: school × a catalogue edition's major, with intake and graduates by year and the practice-teaching
 * share against the plan's minimum (read from the policy file). Scope, validation, versions, archive, audit.
 */
for (const engine of testEngines()) {
  describe(`programs [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let progA: { id: string; version: number };
    let progB: { id: string };
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const city = await signIn(server, w, 'cityAdmin');
      progA = (
        await city.post('/api/programs', { schoolId: w.schoolA.id, majorId: w.major('510201'), startYear: 2019, practiceShare: 0.6 })
      ).body;
      progB = (
        await city.post('/api/programs', { schoolId: w.schoolB.id, majorId: w.major('510201'), startYear: 2019, practiceShare: 0.4 })
      ).body;
      assert.ok(progA.id && progB.id);
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);

    test('a school admin creates a program of its school with years; enrolment is the latest year’s; audited', async () => {
      const c = await as('schoolAdminA');
      const res = await c.post('/api/programs', {
        schoolId: w.schoolA.id,
        majorId: w.major('460101'),
        startYear: 2018,
        practiceShare: 0.45,
        years: [
          { year: 2023, enrolment: 110, graduates: 95 },
          { year: 2024, enrolment: 120 },
          { year: 2022, enrolment: 100, graduates: 90 },
        ],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.enrolment, res.body.practiceShare, res.body.practiceShareMet, res.body.majorCode, res.body.version],
        [120, 0.45, false, '460101', 1],
      );
      const d = await c.get(`/api/programs/${res.body.id}`);
      assert.deepEqual(d.body.years, [
        { year: 2022, enrolment: 100, graduates: 90 },
        { year: 2023, enrolment: 110, graduates: 95 },
        { year: 2024, enrolment: 120, graduates: null },
      ]);
      assert.deepEqual([d.body.practice.limit, d.body.practice.comparator, d.body.practice.met], [0.5, '>=', false]);
      assert.match(d.body.practice.article, /二 \(三\) 8/);
      const audits = await auditRows(w.db, 'program', res.body.id);
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.action, 'create');
      assert.equal((audits[0]!.changes.years!.after as unknown[]).length, 3);
    });

    test('who may create: not in another school (404), not a teacher or department (403); a district within its district', async () => {
      const body = (schoolId: string, code: string) => ({ schoolId, majorId: w.major(code), startYear: 2020 });
      const other = await (await as('schoolAdminA')).post('/api/programs', body(w.schoolA2.id, '510202'));
      assert.equal(other.status, 404);
      assert.ok(other.body.fields.schoolId);
      assert.equal((await (await as('teacherA')).post('/api/programs', body(w.schoolA.id, '510202'))).status, 403);
      assert.equal((await (await as('department')).post('/api/programs', body(w.schoolA.id, '510202'))).status, 403);
      assert.equal((await (await as('enterpriseAdmin')).post('/api/programs', body(w.schoolA.id, '510202'))).status, 403);
      const district = await as('districtA');
      assert.equal((await district.post('/api/programs', body(w.schoolA2.id, '510202'))).status, 201);
      assert.equal((await district.post('/api/programs', body(w.schoolB.id, '510202'))).status, 404);
    });

    test('bad input is 400 naming the field: unknown major, share above 1, a year twice, a malformed id', async () => {
      const c = await as('schoolAdminA');
      const unknown = await c.post('/api/programs', {
        schoolId: w.schoolA.id,
        majorId: '00000000-0000-4000-8000-000000000000',
        startYear: 2020,
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.code, 'VALIDATION_FAILED');
      assert.match(unknown.body.fields.majorId, /专业目录/);
      const share = await c.post('/api/programs', {
        schoolId: w.schoolA.id,
        majorId: w.major('510203'),
        startYear: 2020,
        practiceShare: 55,
      });
      assert.equal(share.status, 400);
      assert.ok(share.body.fields.practiceShare);
      const twice = await c.post('/api/programs', {
        schoolId: w.schoolA.id,
        majorId: w.major('510203'),
        startYear: 2020,
        years: [
          { year: 2023, enrolment: 1 },
          { year: 2023, enrolment: 2 },
        ],
      });
      assert.equal(twice.status, 400);
      assert.match(twice.body.fields['years.1.year'], /重复/);
      const negative = await c.post('/api/programs', {
        schoolId: w.schoolA.id,
        majorId: w.major('510203'),
        startYear: 2020,
        years: [{ year: 2023, enrolment: -1 }],
      });
      assert.equal(negative.status, 400);
      assert.ok(negative.body.fields['years.0.enrolment']);
      const malformed = await c.post('/api/programs', { schoolId: w.schoolA.id, majorId: 'x', startYear: 2020 });
      assert.equal(malformed.status, 400);
      assert.ok(malformed.body.fields.majorId);
      const dup = await c.post('/api/programs', { schoolId: w.schoolA.id, majorId: w.major('510201'), startYear: 2020 });
      assert.equal(dup.status, 409);
      assert.ok(dup.body.fields.majorId);
    });

    test('lists within scope, with filters on practice share and level', async () => {
      const ids = async (who: keyof RegistryWorld['users'], qs = '') =>
        (await (await as(who)).get(`/api/programs?pageSize=200${qs}`)).body.items as { id: string; schoolId: string }[];
      const district = await ids('districtA');
      assert.ok(district.every((p) => p.schoolId === w.schoolA.id || p.schoolId === w.schoolA2.id));
      assert.ok(!district.some((p) => p.id === progB.id));
      assert.ok((await ids('schoolAdminA')).every((p) => p.schoolId === w.schoolA.id));
      assert.ok((await ids('teacherA')).some((p) => p.id === progA.id));
      assert.ok((await ids('department')).some((p) => p.id === progB.id));
      assert.equal((await (await as('enterpriseAdmin')).get('/api/programs')).status, 403);
      assert.equal((await (await as('studentA')).get('/api/programs')).status, 403);
      const met = await ids('cityAdmin', '&practiceMet=true');
      assert.ok(met.some((p) => p.id === progA.id) && !met.some((p) => p.id === progB.id));
      const unmet = await ids('cityAdmin', '&practiceMet=false');
      assert.ok(unmet.some((p) => p.id === progB.id) && !unmet.some((p) => p.id === progA.id));
      assert.equal((await ids('cityAdmin', '&majorLevel=secondary')).length, 0);
      const sorted = (await (await as('cityAdmin')).get('/api/programs?sort=-practiceShare&pageSize=200')).body.items as {
        practiceShare: number | null;
      }[];
      const shares = sorted.map((p) => p.practiceShare).filter((s) => s !== null) as number[];
      assert.deepEqual(
        shares,
        [...shares].sort((a, b) => b - a),
      );
    });

    test('another school’s program is 404 to read, edit and archive', async () => {
      const c = await as('schoolAdminA');
      assert.equal((await c.get(`/api/programs/${progB.id}`)).status, 404);
      assert.equal((await c.patch(`/api/programs/${progB.id}`, { version: 1, practiceShare: 0.9 })).status, 404);
      assert.equal((await c.post(`/api/programs/${progB.id}/archive`, { version: 1 })).status, 404);
      assert.equal((await (await as('districtA')).get(`/api/programs/${progB.id}`)).status, 404);
    });

    test('edit with the version read: years replaced, enrolment follows; a stale version is 409', async () => {
      const c = await as('schoolAdminA');
      const cur = await c.get(`/api/programs/${progA.id}`);
      const ok = await c.patch(`/api/programs/${progA.id}`, {
        version: cur.body.version,
        practiceShare: 0.5,
        years: [{ year: 2025, enrolment: 88 }],
      });
      assert.equal(ok.status, 200);
      assert.deepEqual([ok.body.enrolment, ok.body.practiceShare, ok.body.practiceShareMet], [88, 0.5, true]);
      const stale = await c.patch(`/api/programs/${progA.id}`, { version: cur.body.version, practiceShare: 0.7 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      const audits = await auditRows(w.db, 'program', progA.id);
      const last = audits.at(-1)!;
      assert.equal(last.action, 'update');
      assert.deepEqual(last.changes.practiceShare, { before: 0.6, after: 0.5 });
      assert.deepEqual(last.changes.years, { before: [], after: [{ year: 2025, enrolment: 88, graduates: null }] });
      progA.version = ok.body.version;
    });

    test('a program names a catalogue edition’s entry: moving to a newer edition keeps the older one valid', async () => {
      const c = await as('cityAdmin');
      const { edition, majorId } = await makeNewEdition(w.db, '510201', '计算机应用技术');
      const moved = await c.patch(`/api/programs/${progB.id}`, { version: 1, majorId });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.edition, edition.edition);
      assert.equal(moved.body.majorCode, '510201');
      // School A's program still points at the 2021 entry and reads as before.
      const a = await c.get(`/api/programs/${progA.id}`);
      assert.equal(a.status, 200);
      assert.notEqual(a.body.edition, edition.edition);
      assert.equal(a.body.majorId, w.major('510201'));
    });

    test('archive keeps the students that refer to the program; hidden by default; restore', async () => {
      const c = await as('schoolAdminA');
      const p = await c.post('/api/programs', { schoolId: w.schoolA.id, majorId: w.major('520201'), startYear: 2020 });
      const student = await makeStudent(w.db, server.services.pii, w.schoolA.id);
      await w.db.update(students).set({ programId: p.body.id }).where(eq(students.id, student.id));
      assert.equal((await (await as('teacherA')).post(`/api/programs/${p.body.id}/archive`, { version: 1 })).status, 403);
      const archived = await c.post(`/api/programs/${p.body.id}/archive`, { version: 1 });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.status, 'archived');
      const [still] = await w.db.select().from(students).where(eq(students.id, student.id));
      assert.equal(still!.programId, p.body.id);
      assert.equal((await c.get(`/api/students/${student.id}`)).body.programName, '护理');
      const listed = (await c.get('/api/programs?pageSize=200')).body.items.map((x: { id: string }) => x.id);
      assert.ok(!listed.includes(p.body.id));
      assert.ok(
        (await c.get('/api/programs?pageSize=200&includeArchived=true')).body.items.some((x: { id: string }) => x.id === p.body.id),
      );
      assert.equal((await c.patch(`/api/programs/${p.body.id}`, { version: archived.body.version, startYear: 2021 })).status, 409);
      // A student cannot be placed in an archived program.
      const place = await c.patch(`/api/students/${student.id}`, { version: 1, programId: p.body.id });
      assert.equal(place.status, 400);
      assert.ok(place.body.fields.programId);
      const restored = await c.post(`/api/programs/${p.body.id}/restore`, { version: archived.body.version });
      assert.equal(restored.status, 200);
      assert.deepEqual(
        (await auditRows(w.db, 'program', p.body.id)).map((a) => a.action),
        ['create', 'archive', 'restore'],
      );
    });
  });
}
