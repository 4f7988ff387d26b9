import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * Teachers: employment, specialty or general subject, 双师型 with its evidence, enterprise-practice periods and
 * the 1-year-in-5 standing (rule from the policy file); scope, validation, versions, archive, audit.
 */
for (const engine of testEngines()) {
  describe(`teachers [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let teacherB: { id: string };
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      teacherB = (
        await (
          await signIn(server, w, 'schoolAdminB')
        ).post('/api/teachers', {
          schoolId: w.schoolB.id,
          name: '王老师',
          employment: 'fullTime',
          subject: 'general',
        })
      ).body;
      assert.ok(teacherB.id);
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const evidence = {
      certificateName: '高级技师职业资格证书',
      certificateNumber: 'GJ-2021-0001',
      issuer: '河南省人力资源和社会保障厅',
      issuedOn: '2021-06-30',
    };

    test('a school admin registers a dual-qualified specialty teacher with evidence and practice periods', async () => {
      const c = await as('schoolAdminA');
      const res = await c.post('/api/teachers', {
        schoolId: w.schoolA.id,
        name: '李老师',
        employment: 'fullTime',
        subject: 'specialty',
        subjectName: '数控技术',
        dualQualified: true,
        dualQualifiedEvidence: evidence,
        practicePeriods: [
          { enterpriseId: w.enterprise.id, startDate: '2021-07-01', endDate: '2021-12-31' },
          { enterpriseName: '郑州某精密机械有限公司', startDate: '2021-10-01', endDate: '2022-06-30' },
        ],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual([res.body.dualQualified, res.body.subjectName, res.body.hasAccount, res.body.version], [true, '数控技术', false, 1]);
      const d = await c.get(`/api/teachers/${res.body.id}?asOf=2025-06-30`);
      assert.equal(d.status, 200);
      assert.deepEqual(d.body.dualQualifiedEvidence, evidence);
      assert.equal(d.body.practicePeriods.length, 2);
      assert.equal(d.body.practicePeriods[0].enterpriseName, w.enterprise.name); // a registered enterprise shows its register name
      // 2021-07-01 … 2022-06-30 once the overlap is merged: 365 days, the year is met.
      assert.deepEqual(
        [d.body.enterprisePractice.days, d.body.enterprisePractice.requiredDays, d.body.enterprisePractice.met],
        [365, 365, true],
      );
      assert.equal(d.body.enterprisePractice.windowStart, '2020-07-01');
      assert.match(d.body.enterprisePractice.article, /二 \(三\) 10/);
      // Five years on, that practice has left the window.
      const later = await c.get(`/api/teachers/${res.body.id}?asOf=2027-01-01`);
      assert.equal(later.body.enterprisePractice.met, false);
      const audits = await auditRows(w.db, 'teacher', res.body.id);
      assert.equal(audits[0]!.action, 'create');
      assert.equal((audits[0]!.changes.practicePeriods!.after as unknown[]).length, 2);
    });

    test('bad input is 400 naming the field: dual-qualified without evidence, a period ending before it starts, a bad date, an unknown enterprise', async () => {
      const c = await as('schoolAdminA');
      const base = { schoolId: w.schoolA.id, name: '赵老师', employment: 'fullTime', subject: 'specialty' };
      const noEvidence = await c.post('/api/teachers', { ...base, dualQualified: true });
      assert.equal(noEvidence.status, 400);
      assert.ok(noEvidence.body.fields.dualQualifiedEvidence);
      const backwards = await c.post('/api/teachers', {
        ...base,
        practicePeriods: [{ enterpriseName: '某企业', startDate: '2024-05-01', endDate: '2024-04-30' }],
      });
      assert.equal(backwards.status, 400);
      assert.ok(backwards.body.fields['practicePeriods.0.endDate']);
      const badDate = await c.post('/api/teachers', { ...base, practicePeriods: [{ enterpriseName: '某企业', startDate: '2023-02-29' }] });
      assert.equal(badDate.status, 400);
      assert.match(badDate.body.fields['practicePeriods.0.startDate'], /YYYY-MM-DD/);
      const noEnterprise = await c.post('/api/teachers', { ...base, practicePeriods: [{ startDate: '2024-01-01' }] });
      assert.equal(noEnterprise.status, 400);
      assert.ok(noEnterprise.body.fields['practicePeriods.0.enterpriseName']);
      const unknown = await c.post('/api/teachers', {
        ...base,
        practicePeriods: [{ enterpriseId: w.schoolB.id, startDate: '2024-01-01' }],
      });
      assert.equal(unknown.status, 400);
      assert.ok(unknown.body.fields['practicePeriods.0.enterpriseId']);
      const badEmployment = await c.post('/api/teachers', { ...base, employment: 'volunteer' });
      assert.equal(badEmployment.status, 400);
      assert.ok(badEmployment.body.fields.employment);
      const badIssued = await c.post('/api/teachers', {
        ...base,
        dualQualified: true,
        dualQualifiedEvidence: { ...evidence, issuedOn: '2021-13-01' },
      });
      assert.equal(badIssued.status, 400);
      assert.ok(badIssued.body.fields['dualQualifiedEvidence.issuedOn']);
    });

    test('scope: another school’s teacher is 404; a district sees its district; department reads; others 403', async () => {
      const a = await as('schoolAdminA');
      assert.equal((await a.get(`/api/teachers/${teacherB.id}`)).status, 404);
      assert.equal((await a.patch(`/api/teachers/${teacherB.id}`, { version: 1, name: '改名' })).status, 404);
      assert.equal((await a.post(`/api/teachers/${teacherB.id}/archive`, { version: 1 })).status, 404);
      assert.equal(
        (await a.post('/api/teachers', { schoolId: w.schoolB.id, name: '越权', employment: 'fullTime', subject: 'general' })).status,
        404,
      );
      const district = (await (await as('districtA')).get('/api/teachers?pageSize=200')).body.items as { schoolId: string }[];
      assert.ok(district.every((t) => t.schoolId === w.schoolA.id || t.schoolId === w.schoolA2.id));
      assert.equal((await (await as('districtA')).get(`/api/teachers/${teacherB.id}`)).status, 404);
      assert.equal((await (await as('districtB')).get(`/api/teachers/${teacherB.id}`)).status, 200);
      assert.equal((await (await as('department')).get(`/api/teachers/${teacherB.id}`)).status, 200);
      assert.equal(
        (
          await (
            await as('department')
          ).post('/api/teachers', { schoolId: w.schoolB.id, name: 'x', employment: 'fullTime', subject: 'general' })
        ).status,
        403,
      );
      const teacher = await as('teacherA');
      assert.equal((await teacher.get('/api/teachers')).status, 200);
      assert.equal(
        (await teacher.post('/api/teachers', { schoolId: w.schoolA.id, name: 'x', employment: 'fullTime', subject: 'general' })).status,
        403,
      );
      assert.equal((await (await as('enterpriseAdmin')).get('/api/teachers')).status, 403);
      assert.equal((await (await as('studentA')).get('/api/teachers')).status, 403);
    });

    test('filters: employment, subject, dual-qualified, account', async () => {
      const c = await as('schoolAdminA');
      await c.post('/api/teachers', { schoolId: w.schoolA.id, name: '产业导师甲', employment: 'industryMentor', subject: 'specialty' });
      const mentors = (await c.get('/api/teachers?employment=industryMentor')).body.items as { employment: string }[];
      assert.ok(mentors.length >= 1 && mentors.every((t) => t.employment === 'industryMentor'));
      const dual = (await c.get('/api/teachers?dualQualified=true')).body.items as { dualQualified: boolean }[];
      assert.ok(dual.length >= 1 && dual.every((t) => t.dualQualified));
      assert.ok(((await c.get('/api/teachers?hasAccount=true')).body.items as unknown[]).length === 0);
      assert.equal((await c.get('/api/teachers?employment=bogus')).status, 400);
    });

    test('edit with the version read: periods replaced, evidence required only when the status is touched; stale 409', async () => {
      const c = await as('schoolAdminA');
      const t = await c.post('/api/teachers', { schoolId: w.schoolA.id, name: '孙老师', employment: 'fullTime', subject: 'specialty' });
      const renamed = await c.patch(`/api/teachers/${t.body.id}`, { version: 1, name: '孙老师（新）' });
      assert.equal(renamed.status, 200);
      const claim = await c.patch(`/api/teachers/${t.body.id}`, { version: renamed.body.version, dualQualified: true });
      assert.equal(claim.status, 400);
      assert.ok(claim.body.fields.dualQualifiedEvidence);
      const ok = await c.patch(`/api/teachers/${t.body.id}`, {
        version: renamed.body.version,
        dualQualified: true,
        dualQualifiedEvidence: evidence,
        practicePeriods: [{ enterpriseName: '郑州某汽车有限公司', startDate: '2024-07-01', endDate: null }],
      });
      assert.equal(ok.status, 200);
      const d = await c.get(`/api/teachers/${t.body.id}?asOf=2025-06-30`);
      assert.deepEqual([d.body.enterprisePractice.days, d.body.enterprisePractice.met], [365, true]); // open period runs to the reference date
      const dropEvidence = await c.patch(`/api/teachers/${t.body.id}`, { version: ok.body.version, dualQualifiedEvidence: null });
      assert.equal(dropEvidence.status, 400);
      const stale = await c.patch(`/api/teachers/${t.body.id}`, { version: renamed.body.version, name: '过期' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      const audits = await auditRows(w.db, 'teacher', t.body.id);
      assert.deepEqual(
        audits.map((a) => a.action),
        ['create', 'update', 'update'],
      );
      assert.deepEqual(audits[2]!.changes.dualQualified, { before: false, after: true });
      assert.deepEqual(audits[2]!.changes.practicePeriods!.before, []);
    });

    test('archive keeps the record; hidden by default; edits refused until restored', async () => {
      const c = await as('schoolAdminA');
      const t = await c.post('/api/teachers', { schoolId: w.schoolA.id, name: '周老师', employment: 'partTime', subject: 'general' });
      assert.equal((await (await as('teacherA')).post(`/api/teachers/${t.body.id}/archive`, { version: 1 })).status, 403);
      const archived = await c.post(`/api/teachers/${t.body.id}/archive`, { version: 1 });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.status, 'archived');
      assert.ok(!(await c.get('/api/teachers?pageSize=200')).body.items.some((x: { id: string }) => x.id === t.body.id));
      assert.ok(
        (await c.get('/api/teachers?pageSize=200&includeArchived=true')).body.items.some((x: { id: string }) => x.id === t.body.id),
      );
      assert.equal((await c.get(`/api/teachers/${t.body.id}`)).status, 200);
      assert.equal((await c.patch(`/api/teachers/${t.body.id}`, { version: archived.body.version, name: 'x' })).status, 409);
      assert.equal((await c.post(`/api/teachers/${t.body.id}/restore`, { version: archived.body.version })).status, 200);
      assert.deepEqual(
        (await auditRows(w.db, 'teacher', t.body.id)).map((a) => a.action),
        ['create', 'archive', 'restore'],
      );
    });
  });
}
