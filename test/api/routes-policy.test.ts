import assert from 'node:assert/strict';
import { test } from 'node:test';
import { POLICY } from '../../core/authz/index.ts';
import { allRoutes } from '../../server/routes.ts';

test('every route declares who may call it, and every permission it names exists in the policy table', () => {
  const routes = allRoutes();
  assert.ok(routes.length > 5);
  for (const r of routes) {
    assert.ok(r.access, `${r.method} ${r.url} declares no access policy`);
    if (typeof r.access === 'object') {
      const resource = POLICY[r.access.resource] as Record<string, unknown> | undefined;
      assert.ok(resource, `${r.method} ${r.url}: unknown resource ${r.access.resource}`);
      assert.ok(resource[r.access.action], `${r.method} ${r.url}: unknown action ${r.access.resource}.${r.access.action}`);
    }
  }
});

test('only the declared public routes are public', () => {
  const publicRoutes = allRoutes()
    .filter((r) => r.access === 'public')
    .map((r) => `${r.method} ${r.url}`)
    .sort();
  assert.deepEqual(publicRoutes, [
    'GET /api/catalogues',
    'GET /api/catalogues/occupations',
    'GET /api/clusters',
    'GET /api/clusters/:code',
    'GET /api/directory/carriers',
    'GET /api/directory/enterprises',
    'GET /api/directory/industries',
    'GET /api/directory/options',
    'GET /api/directory/programs',
    'GET /api/directory/schools',
    'GET /api/directory/schools/:id',
    'GET /api/docs',
    'GET /api/health',
    'GET /api/openapi.json',
    'GET /api/public/calls',
    'GET /api/public/calls/:id/decision-list',
    'GET /api/public/certified-enterprises',
    'GET /api/public/credentials/:id',
    'GET /api/public/credit-bank/keys',
    'GET /api/public/employment-reports',
    'GET /api/public/employment-reports/:year/pdf',
    'GET /api/public/employment-reports/:year/xlsx',
    'GET /api/public/online-courses',
    'GET /api/public/practical-courses',
    'GET /api/public/quality-reports',
    'GET /api/public/quality-reports/:id',
    'GET /api/public/quality-reports/:id/pdf',
    'GET /api/public/search',
    'GET /api/public/statistics',
    'POST /api/auth/login',
    'POST /api/codes/validate',
    'POST /api/public/credentials/verify',
    'POST /api/registrations',
  ]);
});

test('every write route names a permission, or is sign-in, the public code check, enterprise self-registration or the public credential check', () => {
  for (const r of allRoutes().filter((x) => x.method !== 'GET')) {
    const isAuth =
      r.url.startsWith('/api/auth/') ||
      r.url === '/api/codes/validate' ||
      (r.method === 'POST' && r.url === '/api/registrations') ||
      (r.method === 'POST' && r.url === '/api/public/credentials/verify');
    assert.ok(isAuth || typeof r.access === 'object', `${r.method} ${r.url} writes without a declared permission`);
  }
});
