import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisations } from '../../server/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildRegistryWorld, idNumber, signIn, type RegistryWorld } from './registry-fixtures.ts';

type Section = { kind: string; key: string; items?: { key: string; value: number | null }[]; rows?: Record<string, unknown>[] };

/** The home pages count enrolled students who are in the register: an archived student is no longer counted. */
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

    const studentsStat = async (who: 'schoolAdminA' | 'districtA') => {
      const home = await (await signIn(server, w, who)).get('/api/home');
      assert.equal(home.status, 200);
      const stats = (home.body.sections as Section[]).find((s) => s.kind === 'stats' && s.key === 'registry');
      return stats!.items!.find((i) => i.key === 'students')!.value;
    };
    const districtSchoolRow = async () => {
      const home = await (await signIn(server, w, 'districtA')).get('/api/home');
      const table = (home.body.sections as Section[]).find((s) => s.key === 'schools');
      const [school] = await w.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, w.schoolA.id));
      return table!.rows!.find((r) => r.name === school!.name)!.students;
    };

    test('archiving a student lowers the school\'s and the district\'s student counts', async () => {
      const admin = await signIn(server, w, 'schoolAdminA');
      const enrol = () => admin.post('/api/students', { schoolId: w.schoolA.id, programId: program, name: '李同学', cohort: 2024, idNumber: idNumber('female') });
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
  });
}
