import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Signs in from a chosen loopback address (Linux answers on all of 127.0.0.0/8), so the server sees different
 * client addresses without trusting a proxy header.
 */
function signInFrom(server: TestServer, localAddress: string, username: string, password: string) {
  const url = new URL('/api/auth/login', server.url);
  const body = JSON.stringify({ username, password });
  return new Promise<{ status: number; code?: string }>((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, code: res.statusCode === 200 ? undefined : JSON.parse(text).code }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

for (const engine of testEngines()) {
  describe(`sign-in throttling by account and address [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const rules = () => server.services.config.signInThrottle;

    test('wrong passwords from one address lock that address only: the right password from another still signs in', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const clerk = await makeUser(db(), 'city_admin', bureau.id);
      const guesses: number[] = [];
      for (let i = 0; i < rules().pair.maxFailures; i++)
        guesses.push((await signInFrom(server, '127.0.0.2', clerk.username, 'Wrong-password-1')).status);
      assert.deepEqual(guesses, [...Array(rules().pair.maxFailures - 1).fill(401), 429]);
      assert.deepEqual(await signInFrom(server, '127.0.0.2', clerk.username, TEST_PASSWORD), { status: 429, code: 'TOO_MANY_ATTEMPTS' });
      assert.deepEqual(await signInFrom(server, '127.0.0.3', clerk.username, TEST_PASSWORD), { status: 200, code: undefined });
      // Another account from the locked address is not locked either: the pair is.
      const colleague = await makeUser(db(), 'city_admin', bureau.id);
      assert.equal((await signInFrom(server, '127.0.0.2', colleague.username, TEST_PASSWORD)).status, 200);
    });

    test('the per-account ceiling holds against a guess spread over many addresses', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const clerk = await makeUser(db(), 'city_admin', bureau.id);
      const { pair, account } = rules();
      // Each address stays under the pair limit; together they reach one short of the account's ceiling.
      const perAddress = pair.maxFailures - 1;
      let failures = 0;
      for (let a = 0; failures < account.maxFailures - 1; a++) {
        for (let i = 0; i < perAddress && failures < account.maxFailures - 1; i++, failures++) {
          assert.equal((await signInFrom(server, `127.0.1.${a + 1}`, clerk.username, 'Wrong-password-1')).status, 401);
        }
      }
      assert.equal(
        (await signInFrom(server, '127.0.2.1', clerk.username, TEST_PASSWORD)).status,
        200,
        'below the ceiling the clerk signs in',
      );
      assert.deepEqual(await signInFrom(server, '127.0.2.2', clerk.username, 'Wrong-password-1'), {
        status: 429,
        code: 'TOO_MANY_ATTEMPTS',
      });
      assert.deepEqual(await signInFrom(server, '127.0.2.3', clerk.username, TEST_PASSWORD), { status: 429, code: 'TOO_MANY_ATTEMPTS' });
    });
  });
}
