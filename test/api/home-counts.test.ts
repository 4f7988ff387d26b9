import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rows } from '../../server/platform/db/engine.ts';
import { organisations } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildRegistryWorld, idNumber, signIn, type RegistryWorld } from './registry-fixtures.ts';

type Section = { kind: string; key: string; items?: { key: string; value: number | null }[]; rows?: Record<string, unknown>[] };

/**
 * The home pages count enrolled students who are in the register: an archived student is no longer counted — at once
 * on a school's and a district's home, with the next daily recompute on the bureau's (city scale: issue 20).
 */
for (const engine of testEngines()) {
  describe(`home counts [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let program: string;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const city = await signIn(server, w, 'cityAdmin');
      program = (await city.post('/api/programs', { schoolId: w.schoolA.id, majorId: w.major('520201'), startYear: 2020 })).body.id;
    });
    after(() => server.close());

    const registry = async (who: 'schoolAdminA' | 'districtA' | 'cityAdmin') => {
      const home = await (await signIn(server, w, who)).get('/api/home');
      assert.equal(home.status, 200);
      return (home.body.sections as Section[]).find((s) => s.kind === 'stats' && s.key === 'registry') as Section & { title: string };
    };
    const studentsStat = async (who: 'schoolAdminA' | 'districtA' | 'cityAdmin') =>
      (await registry(who)).items!.find((i) => i.key === 'students')!.value;
    const recompute = async () => {
      const admin = await signIn(server, w, 'cityAdmin');
      const res = await admin.post('/api/indicators/recompute', {});
      assert.equal(res.status, 202);
      // Waits up to two minutes: the recompute is a job, and a loaded CI machine runs it slowly.
      for (let i = 0; i < 1200; i++) {
        const job = await admin.get(`/api/jobs/${res.body.id}`);
        if (job.body.status === 'succeeded') return;
        assert.notEqual(job.body.status, 'failed', JSON.stringify(job.body));
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail('recompute did not finish');
    };
    const districtSchoolRow = async () => {
      const home = await (await signIn(server, w, 'districtA')).get('/api/home');
      const table = (home.body.sections as Section[]).find((s) => s.key === 'schools');
      const [school] = await w.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, w.schoolA.id));
      return table!.rows!.find((r) => r.name === school!.name)!.students;
    };

    test("archiving a student lowers the school's and the district's student counts", async () => {
      const admin = await signIn(server, w, 'schoolAdminA');
      const enrol = () =>
        admin.post('/api/students', {
          schoolId: w.schoolA.id,
          programId: program,
          name: '李同学',
          cohort: 2024,
          idNumber: idNumber('female'),
        });
      const kept = await enrol();
      const gone = await enrol();
      assert.equal(kept.status, 201, JSON.stringify(kept.body));
      assert.equal(gone.status, 201, JSON.stringify(gone.body));
      const [school, district, row] = [await studentsStat('schoolAdminA'), await studentsStat('districtA'), await districtSchoolRow()];
      assert.equal(school, 2);
      assert.equal((await admin.post(`/api/students/${gone.body.id}/archive`, { version: gone.body.version })).status, 200);
      assert.equal(await studentsStat('schoolAdminA'), school - 1);
      assert.equal(await studentsStat('districtA'), (district as number) - 1);
      assert.equal(await districtSchoolRow(), (row as number) - 1);
    });

    test("the bureau reads the city's counts from the daily recompute, dated, and they match the register", async () => {
      const admin = await signIn(server, w, 'schoolAdminA');
      const enrolled = await admin.post('/api/students', {
        schoolId: w.schoolA.id,
        programId: program,
        name: '王同学',
        cohort: 2024,
        idNumber: idNumber('male'),
      });
      assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body));
      await recompute();
      const live = async () =>
        (
          await rows<{ n: number }>(
            w.db,
            sql`select count(*)::int as n from students s join organisations o on o.id = s.school_id
        where o.kind = 'school' and o.status = 'active' and s.status = 'enrolled' and s.archived_at is null`,
          )
        )[0]!.n;
      const stats = await registry('cityAdmin');
      assert.match(stats.title, /（\d{4}-\d{2}-\d{2} 统计）$/);
      assert.equal(stats.items!.find((i) => i.key === 'students')!.value, await live());
      // The districts table adds up to the same (district A's row as its own home counts it).
      const home = await (await signIn(server, w, 'cityAdmin')).get('/api/home');
      const table = (home.body.sections as Section[]).find((s) => s.key === 'districts')!.rows!;
      const [districtA] = await w.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, w.districtA.id));
      assert.equal(table.find((r) => r.name === districtA!.name)!.students, await studentsStat('districtA'));

      // A change shows on the school's and district's homes at once, on the bureau's with the next recompute.
      const before = await studentsStat('cityAdmin');
      assert.equal((await admin.post(`/api/students/${enrolled.body.id}/archive`, { version: enrolled.body.version })).status, 200);
      assert.equal(await studentsStat('cityAdmin'), before);
      await recompute();
      assert.equal(await studentsStat('cityAdmin'), (before as number) - 1);
      assert.equal(await studentsStat('cityAdmin'), await live());
    });
  });
}
