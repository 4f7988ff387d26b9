import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 91350100M000100Y43: a USCC whose check characters were verified in test/core/codes.test.ts.
const GOOD_USCC = '91350100M000100Y43';

for (const engine of testEngines()) {
  describe(`POST /api/codes/validate [${engine.name}]`, () => {
    let server: TestServer;
    const logs: string[] = [];
    before(async () => {
      const stream = new PassThrough();
      stream.on('data', (chunk) => logs.push(String(chunk)));
      server = await startTestServer(engine, { LOG_LEVEL: 'debug' }, stream);
    });
    after(() => server.close());

    test('a valid USCC and a valid ID number', async () => {
      const c = new TestClient(server.url);
      assert.deepEqual((await c.post('/api/codes/validate', { kind: 'uscc', value: GOOD_USCC })).body, { valid: true });
      assert.deepEqual((await c.post('/api/codes/validate', { kind: 'idNumber', value: '11010519491231002X' })).body, { valid: true });
    });

    test('an invalid code answers 200 valid:false with a Chinese reason', async () => {
      const res = await new TestClient(server.url).post('/api/codes/validate', { kind: 'uscc', value: '91350100M000100Y44' });
      assert.equal(res.status, 200);
      assert.equal(res.body.valid, false);
      assert.match(res.body.reason, /[\u4e00-\u9fa5]/);
    });

    test('an unknown kind is a 400 naming the field', async () => {
      const res = await new TestClient(server.url).post('/api/codes/validate', { kind: 'passport', value: 'x' });
      assert.equal(res.status, 400);
      assert.ok(res.body.fields.kind);
    });

    test('the checked values never reach the logs', () => {
      const all = logs.join('');
      assert.ok(all.includes('/api/codes/validate'), 'requests are logged');
      assert.ok(!all.includes(GOOD_USCC) && !all.includes('11010519491231002X'));
    });

    test('it is rate-limited per client', async () => {
      const c = new TestClient(server.url);
      let limited: { status: number; body: { code: string } } | undefined;
      for (let i = 0; i < 70 && !limited; i++) {
        const res = await c.post('/api/codes/validate', { kind: 'uscc', value: GOOD_USCC });
        if (res.status === 429) limited = res;
      }
      assert.ok(limited, 'the 61st request in a minute is refused');
      assert.equal(limited.body.code, 'RATE_LIMITED');
    });
  });
}
