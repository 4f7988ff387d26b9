import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

for (const engine of testEngines()) {
  describe(`one error shape [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine, { BODY_LIMIT_BYTES: '2048' });
    });
    after(() => server.close());

    test('health answers ok once the database is ready', async () => {
      const res = await new TestClient(server.url).get('/api/health');
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ok');
    });

    test('malformed JSON → 400 INVALID_JSON with a Chinese message and a request id', async () => {
      const res = await new TestClient(server.url).request('POST', '/api/auth/login', '{"username": ', {
        'content-type': 'application/json',
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'INVALID_JSON');
      assert.match(res.body.message, /[\u4e00-\u9fa5]/);
      assert.ok(res.body.requestId);
    });

    test('a body over the size limit → 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await new TestClient(server.url).post('/api/auth/login', { username: 'x', password: 'y'.repeat(5000) });
      assert.equal(res.status, 413);
      assert.equal(res.body.code, 'PAYLOAD_TOO_LARGE');
    });

    test('wrong types and unknown fields → 400 with the fields at fault', async () => {
      const res = await new TestClient(server.url).post('/api/auth/login', { username: 42, password: 'x', admin: true });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'VALIDATION_FAILED');
      assert.ok(res.body.fields.username);
      assert.equal(res.body.fields.admin, '不允许的字段');
    });

    test('query parameters are validated too', async () => {
      const bureau = await makeOrganisation(server.services.database.db, 'bureau');
      const user = await makeUser(server.services.database.db, 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      await c.login(user.username, TEST_PASSWORD);
      const res = await c.get('/api/schools?pageSize=100000&bogus=1');
      assert.equal(res.status, 400);
      assert.ok(res.body.fields.pageSize);
      assert.ok(res.body.fields.bogus);
    });

    test('an unknown API path → 404 NOT_FOUND in the same shape', async () => {
      const res = await new TestClient(server.url).get('/api/nothing-here');
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'NOT_FOUND');
    });

    test('the OpenAPI document describes every route with its access policy', async () => {
      const res = await new TestClient(server.url).get('/api/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      assert.equal(res.body.paths['/api/auth/login'].post['x-access'], 'public');
      assert.equal(res.body.paths['/api/schools/{id}'].patch['x-access'], 'school.update');
      assert.ok(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties.username);
      const docs = await fetch(`${server.url}/api/docs`);
      assert.match(docs.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await docs.text(), /\/api\/schools\/\{id\}/);
    });
  });
}
