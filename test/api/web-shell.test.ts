import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { createPiiCipher } from '../../server/platform/pii.ts';
import { openTestDatabase } from '../support/engines.ts';
import type { Services } from '../../server/platform/services.ts';

/** The built web app on the API's port: the shell for client routes, assets by name — also ones built after start. */
let app: FastifyInstance;
let services: Services;
let base: string;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-dist-'));

before(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>shell</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-old.js'), 'console.log("old")');
  services = {
    database: await openTestDatabase({ name: 'pglite' }),
    config: loadConfig({ SEED_DEMO: 'false' }),
    pii: createPiiCipher(Buffer.alloc(32, 7)),
    now: () => new Date(),
    pokeJobs: () => {},
  };
  app = await buildApp(services, { serveWeb: dist, logger: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await services.database.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = async (p: string) => {
  const res = await fetch(base + p);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

test('client routes get the shell; assets are served by name', async () => {
  for (const p of ['/', '/tasks', '/registry/schools/123', '/login?next=%2Faudit']) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.text, /<title>shell/, p);
  }
  const js = await get('/assets/app-old.js');
  assert.equal(js.status, 200);
  assert.match(js.type, /javascript/);
});

test('an asset built after the server started is served; a missing asset is 404, not the shell', async () => {
  fs.writeFileSync(path.join(dist, 'assets', 'app-new.js'), 'console.log("new")');
  const fresh = await get('/assets/app-new.js');
  assert.equal(fresh.status, 200);
  assert.equal(fresh.text, 'console.log("new")');
  const missing = await get('/assets/app-gone.js');
  assert.equal(missing.status, 404);
  assert.equal(JSON.parse(missing.text).code, 'NOT_FOUND');
  assert.equal((await get('/api/nothing-here')).status, 404);
});

test('nothing outside the build folder is reachable; a malformed path is a 400, not a crash', async () => {
  for (const p of ['/..%2Fpackage.json', '/assets/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
    const r = await get(p);
    assert.ok(!r.text.includes('"name": "chanjiao"'), p);
    assert.ok(r.status === 200 || r.status === 404 || r.status === 403, `${p}: ${r.status}`);
  }
  const bad = await get('/%E0%A4%A');
  assert.equal(bad.status, 400, bad.text);
});
