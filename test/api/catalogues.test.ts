import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemoMajors } from '../../server/catalogues/majors.ts';
import { loadDemoOccupations } from '../../server/catalogues/occupations.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The reference catalogues' editions and the occupation look-up: public reference data, demo subsets marked. */
for (const engine of testEngines()) {
  describe(`catalogues [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());

    test('before any occupation catalogue is loaded the look-up answers an empty list without an edition', async () => {
      const res = await new TestClient(server.url).get('/api/catalogues/occupations');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { edition: null, items: [] });
    });

    test('anyone reads the editions and the eight 大类, marked as a demo subset', async () => {
      await loadDemoMajors(server.services.database.db);
      await loadDemoOccupations(server.services.database.db);
      const anon = new TestClient(server.url);
      const editions = await anon.get('/api/catalogues');
      assert.equal(editions.status, 200);
      const occ = editions.body.items.find((e: { kind: string }) => e.kind === 'occupation');
      assert.deepEqual([occ.edition, occ.isDemoSubset, occ.entries], ['2022-demo-subset', true, 8]);
      assert.ok(editions.body.items.some((e: { kind: string; isDemoSubset: boolean }) => e.kind === 'major' && e.isDemoSubset));

      const all = await anon.get('/api/catalogues/occupations');
      assert.equal(all.status, 200);
      assert.equal(all.body.edition.isDemoSubset, true);
      assert.match(all.body.edition.title, /演示子集/);
      assert.deepEqual(
        all.body.items.map((i: { code: string }) => i.code),
        ['1', '2', '3', '4', '5', '6', '7', '8'],
      );

      const byName = await anon.get('/api/catalogues/occupations?q=专业技术');
      assert.deepEqual(byName.body.items, [{ code: '2', name: '专业技术人员', level: 'major', parentCode: null }]);
      assert.deepEqual(
        (await anon.get('/api/catalogues/occupations?q=6')).body.items.map((i: { code: string }) => i.code),
        ['6'],
      );
      assert.equal((await anon.get('/api/catalogues/occupations?level=occupation')).body.items.length, 0);
      // A wildcard in the query is a character, not a pattern.
      assert.equal((await anon.get('/api/catalogues/occupations?q=%25')).body.items.length, 0);
    });

    test('an unknown edition answers no edition; bad filters are 400', async () => {
      const anon = new TestClient(server.url);
      assert.deepEqual((await anon.get('/api/catalogues/occupations?edition=1999')).body, { edition: null, items: [] });
      assert.equal((await anon.get('/api/catalogues/occupations?level=huge')).status, 400);
      assert.equal((await anon.get('/api/catalogues/occupations?other=1')).status, 400);
    });
  });
}
