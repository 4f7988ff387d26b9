import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { grantsFor, ROLES, type Permission, type Role } from '../../core/authz/index.ts';
import { seedIfEmpty } from '../../server/demo/seed.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { addressOf, minimalBody, operationsOf, sampleOf, shapeProblem, type Operation } from '../support/openapi.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The authorisation matrix (issue 19, item 3), generated — no case is written by hand: every operation of
 * /api/openapi.json × every role of core/authz/roles.ts (a demo account of the tiny demo city each) and no
 * session at all, with the expectation taken from the operation's `x-access` and core/authz/grants.ts:
 *
 * - no session: 401 on every operation that is not public;
 * - a role the policy does not grant: 403 FORBIDDEN, before any input is read;
 * - a role it grants: past authorisation — a list answers 200 (an answer about the caller's own record it
 *   does not have, 404); an item the role's own list shows answers 200,
 *   one only the bureau's list shows (another organisation's) answers 404, for reads and writes alike; a write
 *   on its own records is sent with an input its schema refuses (400), so the matrix changes nothing.
 *
 * A new route is in the document, so it joins the matrix with nobody writing a case.
 */
const PASSWORD = 'Matrix-Test-2026';
const NOW = new Date('2026-03-02T02:00:00Z');
/** The demo city's account of each role: the "own organisation" of the matrix. */
const ACCOUNTS: Record<Role, string> = {
  city_admin: 'admin',
  department: 'dept_ndrc',
  district: 'district_jinshui',
  school_admin: 'school1',
  teacher: 'teacher1',
  enterprise_admin: 'enterprise1',
  student: 'student1',
  learner: 'learner1',
  evaluator: 'evaluator1',
};
/** Signing out would end the session the rest of the matrix uses; it is every signed-in user's, by design. */
const SKIPPED = new Set(['POST /api/auth/logout']);
const PARALLEL = 4;
/**
 * Lists where a role also sees other organisations' records it may read: every signed-in user reads a published
 * internship post, ended or not (a link to it still opens), though the lists offer only open ones. "Another
 * organisation's record" is then taken from the bureau's list with this filter: records only their owner sees.
 */
const OTHERS_ONLY: Record<string, string> = { '/api/internship-posts': 'status=draft' };
/**
 * Operations whose access is narrower than their list's: every staff account lists every call, but a call's
 * ranking and exports are for the unit that manages it, and exist once its results are published. A role's "own"
 * records for such an operation come from its list with this filter.
 */
const OWN_FOR_ACCESS: Record<string, string> = { 'call.manage': 'mine=true&status=published' };

type Expect = 'unauthenticated' | 'forbidden' | 'granted' | 'public';

/** What the policy says of a role (or no session) on an operation. */
function expectation(access: string, role: Role | null): Expect {
  if (access === 'public') return 'public';
  if (!role) return 'unauthenticated';
  if (access === 'authenticated') return 'granted';
  const [resource, action] = access.split('.') as [string, string];
  return grantsFor({ resource, action } as Permission)[role] ? 'granted' : 'forbidden';
}

const isWrite = (op: Operation) => op.method !== 'GET';
/** The list a `{id}` route's records come from: the path before the id, when the document has it as a GET. */
const listOf = (op: Operation, ops: Operation[]) => {
  const prefix = op.path.split('/{')[0]!;
  return op.path.startsWith(`${prefix}/{id}`) && ops.some((o) => o.method === 'GET' && o.path === prefix && !o.pathParams.length)
    ? prefix
    : null;
};

for (const engine of testEngines()) {
  describe(`authorisation matrix: every route × every role × own and other organisation [${engine.name}]`, () => {
    let server: TestServer;
    let ops: Operation[];
    const clients = new Map<Role, TestClient>();
    const counts = {
      operations: 0,
      requests: 0,
      byExpectation: {} as Record<string, number>,
      byStatus: {} as Record<string, number>,
      ownItems: 0,
      otherItems: 0,
    };
    const problems: string[] = [];

    before(async () => {
      server = await startTestServer(engine, { LOG_LEVEL: 'warn' });
      // The tiny demo city as `npm start` seeds it: internships, demands and the credit bank's learner included.
      const config = { ...server.services.config, seedDemo: true, demoScale: 'tiny' as const, demoPassword: PASSWORD };
      await seedIfEmpty({ ...server.services, config, now: () => NOW }, () => {});
      for (const role of ROLES) {
        const c = new TestClient(server.url);
        const res = await c.login(ACCOUNTS[role], PASSWORD);
        assert.equal(res.status, 200, `${role} ${ACCOUNTS[role]} signs in`);
        clients.set(role, c);
      }
      ops = operationsOf((await clients.get('city_admin')!.get('/api/openapi.json')).body).filter(
        (op) => !SKIPPED.has(`${op.method} ${op.path}`),
      );
      counts.operations = ops.length;
    });
    after(async () => {
      await server?.close();
      console.log(JSON.stringify({ matrix: engine.name, ...counts }));
    });

    /** Sends one request and checks its status against what is expected; every answer also in the error shape. */
    async function check(
      c: TestClient,
      label: string,
      op: Operation,
      url: string,
      body: unknown,
      ok: (status: number, code?: string, fields?: Record<string, string>) => boolean,
      what: string,
    ) {
      counts.requests++;
      const res = await c.request(op.method, url, body);
      counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
      const shape = shapeProblem(res.status, res.body);
      if (shape) problems.push(`${label} ${op.method} ${url}: ${shape}`);
      else if (!ok(res.status, res.body?.code, res.body?.fields))
        problems.push(`${label} ${op.method} ${url}: expected ${what}, got ${res.status} ${res.body?.code ?? ''}`);
    }

    /** The ids of a list as a role sees it, and whether that is all of them. */
    async function listed(c: TestClient, list: string, filter = '') {
      const res = await c.get(`${list}?pageSize=200${filter && `&${filter}`}`);
      const items = Array.isArray(res.body?.items) ? (res.body.items as { id?: unknown }[]) : null;
      if (res.status !== 200 || !items) return null;
      return {
        ids: items.map((i) => i.id).filter((id): id is string => typeof id === 'string'),
        complete: typeof res.body.total === 'number' && res.body.total <= items.length,
      };
    }

    const baseAddress = (op: Operation) =>
      addressOf(
        op,
        {},
        op.queryParams
          .filter((p) => p.required)
          .map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema)))}`)
          .join('&'),
      );
    /** An input the operation's schema refuses, so a granted write stops at validation (after authorisation). */
    function refusedInput(op: Operation): { url: string; body: unknown } | null {
      if (op.pathParams.some((p) => p.schema.format === 'uuid')) {
        return {
          url: addressOf(
            op,
            Object.fromEntries(op.pathParams.map((p) => [p.name, p.schema.format === 'uuid' ? 'not-an-id' : String(sampleOf(p.schema))])),
          ),
          body: op.body ? minimalBody(op.body) : undefined,
        };
      }
      if (op.body) return { url: baseAddress(op), body: [] };
      if (op.queryParams.length)
        return { url: `${baseAddress(op)}${op.queryParams.some((p) => p.required) ? '&' : '?'}zz=1`, body: undefined };
      return null;
    }

    async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>) {
      for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(fn));
    }

    test('without a session every route but the public ones answers 401', async () => {
      problems.length = 0;
      const anonymous = new TestClient(server.url);
      await inParallel(ops, async (op) => {
        const e = expectation(op.access, null);
        counts.byExpectation[e] = (counts.byExpectation[e] ?? 0) + 1;
        const body = op.body ? minimalBody(op.body) : undefined;
        if (e === 'unauthenticated') await check(anonymous, 'anonymous', op, baseAddress(op), body, (s) => s === 401, '401');
        // A public write is not sent: self-registration and the like would act; their refusals are their own tests'.
        else if (!isWrite(op)) await check(anonymous, 'anonymous', op, baseAddress(op), body, (s) => s !== 401 && s !== 403, 'no 401/403');
      });
      assert.deepEqual(problems, []);
    });

    for (const role of ROLES) {
      test(`${role}: refused where the policy refuses, 404 on another organisation's records, through where it grants`, async () => {
        problems.length = 0;
        const c = clients.get(role)!;
        const admin = clients.get('city_admin')!;
        const lists = new Map<string, { own: string[]; other: string[] }>();
        for (const list of new Set(ops.map((op) => listOf(op, ops)).filter((l): l is string => !!l))) {
          const [mine, all] = [await listed(c, list), await listed(admin, list, OTHERS_ONLY[list])];
          if (!mine || !all) continue;
          lists.set(list, {
            own: mine.ids.slice(0, 2),
            other: mine.complete ? all.ids.filter((id) => !mine.ids.includes(id)).slice(0, 2) : [],
          });
        }
        await inParallel(ops, async (op) => {
          const e = expectation(op.access, role);
          counts.byExpectation[e] = (counts.byExpectation[e] ?? 0) + 1;
          const body = op.body ? minimalBody(op.body) : undefined;
          if (e === 'forbidden')
            return check(c, role, op, addressOf(op, {}), body, (s, code) => s === 403 && code === 'FORBIDDEN', '403 FORBIDDEN');
          if (e === 'public' && isWrite(op)) return;
          const list = listOf(op, ops);
          const listedRecords = list ? lists.get(list) : undefined;
          const ownFilter = list && OWN_FOR_ACCESS[op.access];
          const records =
            ownFilter && listedRecords
              ? { ...listedRecords, own: ((await listed(c, list, ownFilter))?.ids ?? []).slice(0, 2) }
              : listedRecords;
          for (const id of records?.other ?? []) {
            counts.otherItems++;
            // Another organisation's record is not found (never 403, which would say it exists); a write's input
            // may be refused first, but it never succeeds.
            await check(
              c,
              role,
              op,
              addressOf(op, { id }),
              body,
              (s) => s === 404 || (isWrite(op) && s === 400),
              isWrite(op) ? '404 (or 400 for its input)' : '404',
            );
          }
          if (isWrite(op)) {
            const refused = refusedInput(op);
            if (refused)
              await check(
                c,
                role,
                op,
                refused.url,
                refused.body,
                (s, code) => s === 400 && code === 'VALIDATION_FAILED',
                '400 VALIDATION_FAILED (past authorisation)',
              );
            return;
          }
          // Granted and no record named: 200 — or 404 where the answer is the caller's own record (a profile, a
          // learning account) the account does not have, or a required query names nothing. Never 401/403.
          if (!op.pathParams.length)
            return check(
              c,
              role,
              op,
              baseAddress(op),
              undefined,
              (s, code) => s === 200 || (s === 404 && code === 'NOT_FOUND'),
              '200 (or 404: no such record of its own)',
            );
          // A record inside one of its own (a report's evidence file) is named by a second id the lists do not
          // give: the answer is past authorisation — found, or not found under that record. Likewise a record the
          // query names (a school asks whether *its student* may apply: which student, the matrix does not know).
          const nested = op.pathParams.length > 1;
          const queried = (fields?: Record<string, string>) => !!fields && op.queryParams.some((p) => p.name in fields);
          for (const id of records?.own ?? []) {
            counts.ownItems++;
            await check(
              c,
              role,
              op,
              addressOf(op, { id }),
              undefined,
              (s, code, fields) => s === 200 || ((nested || queried(fields)) && s === 404 && code === 'NOT_FOUND'),
              nested ? '200 or 404 NOT_FOUND under its own record' : '200 on its own record',
            );
          }
          if (!records?.own.length) {
            const refused = refusedInput(op);
            if (refused)
              await check(
                c,
                role,
                op,
                refused.url,
                undefined,
                (s, code) => s === 400 && code === 'VALIDATION_FAILED',
                '400 VALIDATION_FAILED (past authorisation)',
              );
          }
        });
        assert.deepEqual(problems, []);
      });
    }
  });
}
