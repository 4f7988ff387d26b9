import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { schools, teachers } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { PDF_BYTES, upload } from './plan-fixtures.ts';
import { auditRows, buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * Policy fidelity (issue 18 item 5) over real HTTP: an operating carrier counts toward its target only once the
 * bureau or its district has verified it on evidence — never on its lead's word — and the verification is undone
 * by a change of status; the part-time-teacher rule is judged as 聘足配齐 (a school short of 30% of its quota is
 * flagged, not green), in the school's standing and in the cockpit with its drill-down.
 */
for (const engine of testEngines()) {
  describe(`policy fidelity [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let carrierId: string;
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    async function cockpit(c: TestClient) {
      const run = await c.post('/api/indicators/recompute', {});
      assert.equal((await waitForJob(c, run.body.id)).status, 'succeeded');
      return (await c.get('/api/cockpit')).body.targets as Array<{
        code: string;
        value: number | null;
        numerator?: number;
        status: string;
      }>;
    }
    const target = (targets: Awaited<ReturnType<typeof cockpit>>, code: string) => targets.find((t) => t.code === code)!;

    test('a carrier its lead marks operating does not count until verified; verification needs evidence and the right unit', async () => {
      const lead = await as('schoolAdminA');
      const created = await lead.post('/api/carriers', {
        kind: 'practiceCenter',
        name: '智能制造产教融合实践中心',
        level: 'city',
        leadOrganisationId: w.schoolA.id,
        status: 'operating',
        startDate: '2024-09-01',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      carrierId = created.body.id;
      assert.equal(created.body.operatingVerifiedAt, null);
      const admin = await as('cityAdmin');
      assert.equal(target(await cockpit(admin), 'practice_centers').value, 0, "on the lead's word alone it does not count");
      assert.equal((await admin.get('/api/cockpit/drill/practice_centers')).body.total, 0);

      const district = await as('districtA');
      const bare = await district.post(`/api/carriers/${carrierId}/verify-operating`, { version: created.body.version });
      assert.equal(bare.status, 409);
      assert.equal(bare.body.rule, 'evidenceRequired');
      assert.equal((await upload(await as('schoolAdminB'), `/api/carriers/${carrierId}/evidence`, 'x.pdf', PDF_BYTES)).status, 404);
      assert.equal((await upload(lead, `/api/carriers/${carrierId}/evidence`, '运行情况.pdf', PDF_BYTES)).status, 201);
      assert.equal((await lead.get(`/api/carriers/${carrierId}`)).body.evidence.length, 1);

      assert.equal((await lead.post(`/api/carriers/${carrierId}/verify-operating`, { version: 1 })).status, 403, 'not by its lead');
      assert.equal((await (await as('department')).post(`/api/carriers/${carrierId}/verify-operating`, { version: 1 })).status, 403);
      assert.equal((await (await as('districtB')).post(`/api/carriers/${carrierId}/verify-operating`, { version: 1 })).status, 404);
      const ok = await district.post(`/api/carriers/${carrierId}/verify-operating`, { version: 1 });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.ok(ok.body.operatingVerifiedAt);
      assert.deepEqual(
        (await auditRows(w.db, 'carrier', carrierId)).map((r) => r.action),
        ['create', 'evidence.add', 'verifyOperating'],
      );
      assert.equal((await district.post(`/api/carriers/${carrierId}/verify-operating`, { version: 2 })).status, 409, 'verified once');
      assert.equal(target(await cockpit(admin), 'practice_centers').value, 1);
      assert.equal((await admin.get('/api/cockpit/drill/practice_centers')).body.total, 1);
    });

    test('a change of status undoes the verification: marked operating again, it waits for a new check', async () => {
      const lead = await as('schoolAdminA');
      const paused = await lead.patch(`/api/carriers/${carrierId}`, { status: 'building', version: 2 });
      assert.equal(paused.status, 200, JSON.stringify(paused.body));
      const again = await lead.patch(`/api/carriers/${carrierId}`, { status: 'operating', version: 3 });
      assert.deepEqual([again.body.status, again.body.operatingVerifiedAt], ['operating', null]);
      assert.equal(target(await cockpit(await as('cityAdmin')), 'practice_centers').value, 0);
      const renamed = await lead.patch(`/api/carriers/${carrierId}`, { name: '智能制造实践中心', version: 4 });
      assert.equal(renamed.status, 200);
      const checked = await (await as('cityAdmin')).post(`/api/carriers/${carrierId}/verify-operating`, { version: 5 });
      assert.equal(checked.status, 200, 'the bureau verifies too');
      const kept = await lead.patch(`/api/carriers/${carrierId}`, { name: '智能制造产教融合实践中心', version: 6 });
      assert.ok(kept.body.operatingVerifiedAt, 'an edit that keeps the status keeps the verification');
    });

    test('part-time teachers: a school short of 30% of its quota is flagged, not green; one filled to it counts', async () => {
      const db = w.db;
      // School A: quota 10 asks for 3 part-time teachers and has 3; school B: quota 20 asks for 6 and has none.
      await db.update(schools).set({ staffingQuota: 10 }).where(eq(schools.organisationId, w.schoolA.id));
      await db.update(schools).set({ staffingQuota: 20 }).where(eq(schools.organisationId, w.schoolB.id));
      await db.insert(teachers).values(
        ['甲', '乙', '丙'].map((name) => ({
          schoolId: w.schoolA.id,
          name,
          employment: 'partTime' as const,
          subject: 'specialty' as const,
        })),
      );
      const b = await (await as('schoolAdminB')).get(`/api/schools/${w.schoolB.id}`);
      assert.deepEqual(
        [b.body.standings.partTimeTeachers.met, b.body.standings.partTimeTeachers.fill, b.body.standings.partTimeTeachers.shortfall],
        [false, 'short', 6],
        'no part-time teachers is a shortfall, not green',
      );
      const a = await (await as('schoolAdminA')).get(`/api/schools/${w.schoolA.id}`);
      assert.deepEqual([a.body.standings.partTimeTeachers.met, a.body.standings.partTimeTeachers.fill], [true, 'full']);

      const admin = await as('cityAdmin');
      const t = target(await cockpit(admin), 'part_time_teacher_quota');
      assert.deepEqual([t.value, t.numerator], [50, 1], 'one of the two schools with a quota is filled');
      assert.notEqual(t.status, 'green');
      const drill = await admin.get('/api/cockpit/drill/part_time_teacher_quota');
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.deepEqual(
        drill.body.items.map((i: { name: string; asked: number; partTime: number; fill: string }) => [i.asked, i.partTime, i.fill]),
        [
          [6, 0, '未配齐（差6人）'],
          [3, 3, '已配齐'],
        ],
      );
    });
  });
}
