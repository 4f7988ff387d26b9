import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The input rule at the edge (issue 19, items 1 and 4), case by case for the answers the sweep of the
 * OpenAPI document found as 500s: NUL and lone surrogates in JSON, queries and addresses, a `version` over
 * the `integer` column, an empty or unknown cluster code on a demand, an export asked with a NUL, a
 * credential with a lone surrogate for the canonical JSON; and Fastify's own refusals in the platform shape.
 */
for (const engine of testEngines()) {
  describe(`input rule at the edge [${engine.name}]`, () => {
    let server: TestServer;
    let admin: TestClient;
    let demand: { id: string; version: number };
    let schoolId: string;
    before(async () => {
      server = await startTestServer(engine);
      const db = server.services.database.db;
      const bureau = await makeOrganisation(db, 'bureau');
      const user = await makeUser(db, 'city_admin', bureau.id);
      const district = await makeDistrict(db);
      schoolId = (await makeSchool(db, district.id)).id;
      await makeStudent(db, server.services.pii, schoolId);
      const enterprise = await makeOrganisation(db, 'enterprise', { districtId: district.id });
      await db.execute(
        sql`insert into industry_clusters (code, name, article, sort_order) values ('new_energy', '新能源汽车', '二 (一)', 1) on conflict do nothing`,
      );
      admin = new TestClient(server.url);
      await admin.login(user.username, TEST_PASSWORD);
      const created = await admin.post('/api/demands', { enterpriseId: enterprise.id, kind: 'talent', title: '数控技术员', headcount: 3 });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      demand = created.body;
    });
    after(() => server.close());

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const refused = (res: { status: number; body: any }, field: string) => {
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.code, 'VALIDATION_FAILED');
      assert.ok(res.body.fields?.[field], `names ${field}: ${JSON.stringify(res.body.fields)}`);
      assert.match(res.body.fields[field], /[\u4e00-\u9fa5]/);
      assert.ok(res.body.requestId);
    };

    test('NUL and a lone surrogate in a JSON string are refused naming the field, and nothing is written', async () => {
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, title: '数控\u0000技术员' }), 'title');
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, title: '数控\ud800技术员' }), 'title');
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, skills: ['车工', '\udc00'] }), 'skills.1');
      const after = await admin.get(`/api/demands/${demand.id}`);
      assert.equal(after.body.title, '数控技术员');
      assert.equal(after.body.version, demand.version);
    });

    test('NUL in a query string or an address is refused, never reaching the database', async () => {
      refused(await admin.get('/api/schools?q=a%00b'), 'q');
      refused(await admin.get('/api/demands?clusterCode=new%00energy'), 'clusterCode');
      const path = await admin.get('/api/demands/a%00b');
      assert.equal(path.status, 400);
      assert.equal(path.body.code, 'VALIDATION_FAILED');
    });

    test('an export validates before it sends a byte', async () => {
      const res = await admin.get(`/api/exports/students?q=%00`);
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.ok(res.body.fields.q);
    });

    test('a version over what the column holds is refused, not overflowed', async () => {
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: Number.MAX_SAFE_INTEGER, title: '新名称' }), 'version');
      refused(await admin.patch(`/api/schools/${schoolId}`, { version: 2_147_483_648 }), 'version');
      refused(await admin.get('/api/schools?page=9007199254740991'), 'page');
    });

    test('an empty or unknown cluster code on a demand is a 400 naming clusterCode', async () => {
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, clusterCode: '' }), 'clusterCode');
      refused(await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, clusterCode: 'no_such_cluster' }), 'clusterCode');
      const ok = await admin.patch(`/api/demands/${demand.id}`, { version: demand.version, clusterCode: 'new_energy' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.clusterCode, 'new_energy');
    });

    test("a credential with a lone surrogate is refused before the credit bank's canonical JSON sees it", async () => {
      const res = await new TestClient(server.url).post('/api/public/credentials/verify', {
        id: 'urn:x',
        credentialSubject: { name: '张\ud800三' },
      });
      assert.equal(res.status, 400);
      assert.ok(res.body.fields['credentialSubject.name']);
    });

    test("Fastify's own refusals answer in the platform shape with a Chinese message", async () => {
      const broken = await admin.get('/api/schools/%E0%A4%A');
      assert.equal(broken.status, 400);
      assert.equal(broken.body.code, 'BAD_REQUEST');
      const long = await admin.get(`/api/schools/${'x'.repeat(300)}`);
      assert.equal(long.status, 400);
      assert.equal(long.body.code, 'BAD_REQUEST');
      const plain = await admin.request('PATCH', `/api/demands/${demand.id}`, '<x/>', { 'content-type': 'application/xml' });
      assert.equal(plain.status, 415);
      assert.equal(plain.body.code, 'UNSUPPORTED_MEDIA_TYPE');
      for (const res of [broken, long, plain]) {
        assert.match(res.body.message, /[\u4e00-\u9fa5]/);
        assert.ok(res.body.requestId);
        assert.equal(res.headers.get('cache-control'), 'no-store');
      }
    });

    test('a 100,000-character query string is a 431 in the platform shape', async () => {
      const { status, head, body } = await rawRequest(server.url, `GET /api/schools?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      assert.equal(status, 431);
      assert.match(head, /content-type: application\/json/i);
      const json = JSON.parse(body);
      assert.equal(json.code, 'HEADERS_TOO_LARGE');
      assert.match(json.message, /[\u4e00-\u9fa5]/);
      assert.ok(json.requestId);
    });

    test('API answers are not stored and carry the security headers', async () => {
      const res = await admin.get('/api/auth/me');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    });
  });
}

/** A request written on a socket as it is, so that Node's HTTP parser — not a client library — decides. */
function rawRequest(base: string, request: string): Promise<{ status: number; head: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('utf8');
    });
    socket.on('error', (e) => (data ? undefined : reject(e)));
    socket.on('close', () => {
      const [head, body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head!.split(' ')[1]), head: head!, body });
    });
  });
}
