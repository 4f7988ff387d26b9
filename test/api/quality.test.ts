import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { rows } from '../../server/platform/db/engine.ts';
import { teachers } from '../../server/platform/db/schema/index.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * The multi-party quality evaluation (issue 17; 三 18) over real HTTP: the indicator system and its weight check,
 * collected indicators entered by the party that owns them, the bureau's evaluation job (resumable, no duplicate
 * rows), results, rank and trend in each party's scope, process monitoring, and the third-party evaluator who sees
 * only the schools it is commissioned for and enters findings within the policy's limit.
 */
for (const engine of testEngines()) {
  describe(`quality [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let evaluatorUser: { username: string };
    let otherEvaluatorUser: { username: string };
    let evaluatorOrg: { id: string };
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const login = async (username: string) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(username, TEST_PASSWORD)).status, 200);
      return c;
    };
    const year = Number(todayOf(new Date()).slice(0, 4)) - 1;

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const db = w.db;
      // School A: three full-time specialty teachers, one dual-qualified (33.3%, short of the 50% floor).
      await db.insert(teachers).values(
        [true, false, false].map((dual, k) => ({
          schoolId: w.schoolA.id,
          name: `教师${k}`,
          employment: 'fullTime' as const,
          subject: 'specialty' as const,
          dualQualified: dual,
        })),
      );
      evaluatorOrg = await makeOrganisation(db, 'evaluator', { name: '测试评价机构' });
      evaluatorUser = await makeUser(db, 'evaluator', evaluatorOrg.id);
      otherEvaluatorUser = await makeUser(db, 'evaluator', (await makeOrganisation(db, 'evaluator')).id);
    });
    after(() => server.close());

    test('the indicator system of a year: four core dimensions; a draft whose weights do not add up is refused naming the place', async () => {
      const c = await as('cityAdmin');
      const res = await c.get(`/api/quality/system?year=${year}`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.system.dimensions.map((d: { name: string }) => d.name),
        ['产教融合', '技能水平', '就业质量', '服务贡献'],
      );
      const draft = structuredClone(res.body.system);
      draft.fromYear = year + 2;
      assert.equal((await c.post('/api/quality/systems/check', { system: draft })).status, 200);
      draft.dimensions[0].weight = 0.5;
      draft.parties[0].weight = 0.1;
      const bad = await c.post('/api/quality/systems/check', { system: draft });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'VALIDATION_FAILED');
      assert.match(bad.body.fields['system.dimensions'], /各维度权重之和应为1（现为1\.2）/);
      assert.match(bad.body.fields['system.parties'], /多方权重之和应为1/);
      assert.equal((await (await as('schoolAdminA')).post('/api/quality/systems/check', { system: draft })).status, 403);
    });

    test('a collected indicator is entered by the school that owns the fact, with evidence, audited; a computed one never', async () => {
      const c = await as('schoolAdminA');
      const url = (code: string, school = w.schoolA.id) => `/api/quality/collected/${year}/${school}/${code}`;
      const res = await put(c, url('enterprise_investment'), { value: 120, evidence: '2025年度企业捐赠设备清单及合作协议' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.value, 120);
      const [row] = await rows<{ id: string }>(w.db, sql`select id from quality_collected where school_id = ${w.schoolA.id}`);
      assert.equal((await auditRows(w.db, 'qualityCollected', row!.id)).length, 1);
      const computed = await put(c, url('dual_qualified_share'), { value: 90, evidence: '学校自报的双师型比例' });
      assert.equal(computed.status, 400);
      assert.match(computed.body.fields.code, /由平台根据已有数据计算，不能填报/);
      const survey = await put(c, url('student_satisfaction'), { value: 99, evidence: '学校自评满意度' });
      assert.match(survey.body.fields.code, /来自问卷调查/);
      assert.equal((await put(c, url('enterprise_investment'), { value: 1, evidence: '无' })).status, 400, 'evidence too short');
      assert.equal((await put(c, url('enterprise_investment', w.schoolB.id), { value: 1, evidence: '另一所学校的数据' })).status, 404);
      const stale = await put(c, url('enterprise_investment'), { value: 130, evidence: '更正后的捐赠清单' });
      assert.equal(stale.status, 409, 'a correction names the version it read');
      const bureau = await put(await as('cityAdmin'), url('enterprise_investment'), { value: 5, evidence: '市教育局代填' });
      assert.equal(bureau.status, 400, 'the school owns this fact, not the bureau');
      const list = await (await as('districtA')).get(`/api/quality/collected?year=${year}&schoolId=${w.schoolA.id}`);
      assert.equal(list.status, 200);
      const item = list.body.items.find((i: { code: string }) => i.code === 'enterprise_investment');
      assert.deepEqual([item.value, item.canEnter], [120, false]);
    });

    test('the bureau evaluates a year in a job; results, rank and the data behind each value; a re-run adds no row', async () => {
      const c = await as('cityAdmin');
      const queued = await c.post(`/api/quality/evaluations/${year}`, {});
      assert.equal(queued.status, 202);
      const done = await waitForJob(c, queued.body.id);
      assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
      const ranking = await c.get(`/api/quality/results?year=${year}`);
      assert.equal(ranking.status, 200);
      const a = ranking.body.items.find((i: { schoolId: string }) => i.schoolId === w.schoolA.id);
      assert.ok(a && a.rank >= 1 && a.total !== null);
      const detail = await c.get(`/api/quality/results/${year}/${w.schoolA.id}`);
      assert.equal(detail.status, 200);
      const ind = (code: string) =>
        detail.body.dimensions.flatMap((d: { indicators: unknown[] }) => d.indicators).find((i: { code: string }) => i.code === code);
      assert.deepEqual(
        [ind('dual_qualified_share').value, ind('dual_qualified_share').numerator, ind('dual_qualified_share').denominator],
        [33.3, 1, 3],
      );
      assert.equal(ind('enterprise_investment').value, 120);
      assert.deepEqual(
        [ind('employer_satisfaction').value, ind('employer_satisfaction').score],
        [null, null],
        'no survey yet: no data, not 0',
      );
      assert.equal(ind('employment_rate').value, null, 'no destinations recorded: no data');
      assert.equal(ind('funding_per_student').value, null);
      const again = await c.post(`/api/quality/evaluations/${year}`, {});
      assert.equal((await waitForJob(c, again.body.id)).status, 'succeeded');
      const [{ n, prev }] = (await rows<{ n: number; prev: number }>(
        w.db,
        sql`select count(*)::int as n, count(previous_values)::int as prev from quality_results where year = ${year} and school_id = ${w.schoolA.id}`,
      )) as [{ n: number; prev: number }];
      assert.deepEqual([n, prev], [1, 1]);
    });

    test('a school sees its own result, rank and trend; another school’s is not found; a district its own schools', async () => {
      const c = await as('schoolAdminA');
      const own = await c.get(`/api/quality/results/${year}/${w.schoolA.id}`);
      assert.equal(own.status, 200);
      assert.ok(own.body.ranked >= 3);
      assert.deepEqual(
        own.body.trend.map((t: { year: number }) => t.year),
        [year],
      );
      assert.equal((await c.get(`/api/quality/results/${year}/${w.schoolB.id}`)).status, 404);
      const list = await c.get(`/api/quality/results?year=${year}`);
      assert.deepEqual(
        list.body.items.map((i: { schoolId: string }) => i.schoolId),
        [w.schoolA.id],
      );
      const district = await (await as('districtA')).get(`/api/quality/results?year=${year}`);
      const ids = district.body.items.map((i: { schoolId: string }) => i.schoolId);
      assert.ok(ids.includes(w.schoolA.id) && ids.includes(w.schoolA2.id) && !ids.includes(w.schoolB.id));
      assert.equal((await (await as('enterpriseAdmin')).get(`/api/quality/results?year=${year}`)).status, 403);
    });

    test('process monitoring: the school sees this year’s indicators computed now and those slipping', async () => {
      const c = await as('schoolAdminA');
      const res = await c.get(`/api/quality/monitoring/${w.schoolA.id}`);
      assert.equal(res.status, 200);
      const dual = res.body.slipping.find((s: { code: string }) => s.code === 'dual_qualified_share');
      assert.ok(dual, 'short of its floor');
      assert.deepEqual([dual.value, dual.floor, dual.reasons], [33.3, 50, ['below_floor']]);
      assert.equal((await c.get(`/api/quality/monitoring/${w.schoolB.id}`)).status, 404);
      // Once the running year is evaluated (daily), the school's home reminds it of what is slipping.
      const bureau = await as('cityAdmin');
      const run = await bureau.post(`/api/quality/evaluations/${year + 1}`, {});
      assert.equal((await waitForJob(bureau, run.body.id)).status, 'succeeded');
      const home = await c.get('/api/home');
      const todo = home.body.sections.find((x: { kind: string }) => x.kind === 'todo');
      const item = todo.items.find((i: { key: string }) => i.key === 'qualitySlipping');
      assert.ok(item && item.count >= 1 && item.href === '/quality/mine', JSON.stringify(todo.items));
    });

    test('a third-party evaluator reads only the schools it is commissioned for, and enters findings within the limit, audited', async () => {
      const bureau = await as('cityAdmin');
      const list = await bureau.get('/api/quality/commissions');
      assert.ok(list.body.evaluators.some((e: { id: string }) => e.id === evaluatorOrg.id));
      const made = await bureau.post('/api/quality/commissions', { year, evaluatorId: evaluatorOrg.id, schoolIds: [w.schoolA.id] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal((await auditRows(w.db, 'qualityCommission', made.body.id)).length, 1);
      const twice = await bureau.post('/api/quality/commissions', { year, evaluatorId: evaluatorOrg.id, schoolIds: [w.schoolB.id] });
      assert.equal(twice.status, 409);
      const notEvaluator = await bureau.post('/api/quality/commissions', { year, evaluatorId: w.schoolB.id, schoolIds: [w.schoolA.id] });
      assert.equal(notEvaluator.status, 400);
      assert.ok(notEvaluator.body.fields.evaluatorId);

      const ev = await login(evaluatorUser.username);
      const mine = await ev.get('/api/quality/commissions');
      assert.deepEqual(
        mine.body.items.map((c: { id: string }) => c.id),
        [made.body.id],
      );
      const result = await ev.get(`/api/quality/results/${year}/${w.schoolA.id}`);
      assert.equal(result.status, 200);
      assert.equal(result.body.canReview, true);
      assert.equal((await ev.get(`/api/quality/results/${year}/${w.schoolB.id}`)).status, 404);
      assert.equal((await ev.get(`/api/quality/results/${year - 1}/${w.schoolA.id}`)).status, 404, 'commissioned for one year only');
      assert.equal((await ev.get(`/api/quality/collected?year=${year}&schoolId=${w.schoolB.id}`)).status, 404);
      assert.equal(
        (await ev.get(`/api/quality/collected?year=${year}&schoolId=${w.schoolA.id}`)).status,
        200,
        'the evidence of its school',
      );
      assert.deepEqual(
        (await ev.get(`/api/quality/results?year=${year}`)).body.items.map((i: { schoolId: string }) => i.schoolId),
        [w.schoolA.id],
      );

      const findingUrl = (school: string) => `/api/quality/findings/${year}/${school}/integration`;
      const over = await put(ev, findingUrl(w.schoolA.id), { text: '现场核查合作企业协议，部分协议已过期未续签。', adjustment: 9 });
      assert.equal(over.status, 400);
      assert.match(over.body.fields.adjustment, /±5/);
      const before = result.body.dimensions[0];
      const ok = await put(ev, findingUrl(w.schoolA.id), { text: '现场核查合作企业协议，部分协议已过期未续签。', adjustment: -3 });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const after = (await ev.get(`/api/quality/results/${year}/${w.schoolA.id}`)).body;
      assert.deepEqual(
        [after.dimensions[0].adjustment, after.dimensions[0].score],
        [-3, Math.max(0, Math.round((before.computed - 3) * 10) / 10)],
      );
      assert.equal(after.findings.length, 1);
      const [f] = await rows<{ id: string }>(w.db, sql`select id from quality_findings where school_id = ${w.schoolA.id}`);
      assert.equal((await auditRows(w.db, 'qualityFinding', f!.id)).length, 1);
      assert.equal((await put(ev, findingUrl(w.schoolB.id), { text: '未受委托学校的评价意见，不应写入。', adjustment: 0 })).status, 404);
      const other = await login(otherEvaluatorUser.username);
      assert.equal((await other.get(`/api/quality/results/${year}/${w.schoolA.id}`)).status, 404);
      assert.equal((await put(other, findingUrl(w.schoolA.id), { text: '另一家机构的评价意见，不应写入。', adjustment: 0 })).status, 404);
      // The school sees the finding on its result.
      const school = await (await as('schoolAdminA')).get(`/api/quality/results/${year}/${w.schoolA.id}`);
      assert.equal(school.body.findings[0].adjustment, -3);
      assert.equal(school.body.canReview, false);
    });
  });
}
