import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { todayOf } from '../../core/calendar.ts';
import { surveysPolicy } from '../../policy/index.ts';
import { carrierPartners, carriers, internationalRecords, surveyAnswers, surveyRounds } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { TEST_PASSWORD } from '../support/factory.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 质量年度报告 (issue 17 item 4) over real HTTP: a school writes its seven parts within their limits, submits (the
 * tables freeze with their data date), the bureau returns it with comments per part or approves it, and the
 * published report is public with its A4 PDF and the tables' .xlsx; an enterprise's report is published only once
 * its partner schools confirm; the city's 中职 report combines the published school reports. Every step is audited
 * and another organisation's report is not found.
 */
const SCHOOL_PARTS = ['人才培养', '服务贡献', '文化传承', '国际合作', '产教融合', '发展保障', '面临挑战'];
const SCHOOL_TABLES = ['计分卡', '学生反馈表', '教学资源表', '国际影响表', '服务贡献表', '落实政策表'];
const schoolTexts = {
  talent: '学校坚持立德树人，深化产教融合。\n全年开设专业对接本地产业集群。',
  service: '面向企业职工开展培训。',
  culture: '传承工匠精神。',
  international: '暂未开展国际合作项目。',
  integration: '与合作企业共建实训基地。',
  support: '生均拨款按时足额到位。',
  challenges: '双师型教师比例仍需提升。',
};

for (const engine of testEngines()) {
  describe(`quality reports [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const year = Number(todayOf(new Date()).slice(0, 4)) - 1;
    const mine = `/api/quality-reports/mine/${year}`;
    let reportId = '';

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    test('a blank draft shows the seven parts with their limits and the six tables from data, 暂无数据 where there is none', async () => {
      const c = await as('schoolAdminA');
      assert.equal((await put(c, `/api/funding/my-declarations/${year}`, { appropriationYuan: 24_000_000, students: 1200 })).status, 200);
      // The year's students' satisfaction round with enough answers (all 4 of 5: 75 points); the graduates' with too few.
      const round = async (kind: 'student_satisfaction' | 'graduate_satisfaction', answers: number) => {
        const questions = surveysPolicy.kinds[kind].questions;
        const [r] = await w.db
          .insert(surveyRounds)
          .values({
            kind,
            year,
            title: kind,
            schoolId: w.schoolA.id,
            ownerId: w.schoolA.id,
            status: 'closed',
            closesOn: `${year}-12-01`,
            questions,
            freeTextPrompt: '',
            policyVersion: 'test',
          })
          .returning();
        for (let i = 0; i < answers; i++)
          await w.db.insert(surveyAnswers).values({
            roundId: r!.id,
            schoolId: w.schoolA.id,
            values: Object.fromEntries(questions.map((q) => [q.code, 4])),
            score: 75,
          });
      };
      await round('student_satisfaction', surveysPolicy.minResponses);
      await round('graduate_satisfaction', surveysPolicy.minResponses - 1);
      // 国际影响表 counts what the bureau verified: 12 students abroad counts, an exchange awaiting the bureau does not.
      const exchange = {
        organisationId: w.schoolA.id,
        kind: 'exchange',
        title: '赴德研修',
        country: '德国',
        partner: '某应用技术大学',
        year,
        direction: 'outbound',
        participant: 'student',
      } as const;
      await w.db.insert(internationalRecords).values([
        { ...exchange, startedOn: `${year}-03-01`, people: 12, status: 'verified' },
        { ...exchange, startedOn: `${year}-09-01`, people: 30, status: 'submitted' },
      ]);
      const res = await c.get(mine);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body;
      assert.deepEqual([r.id, r.status, r.kind, r.tablesFrozen], [null, 'draft', 'school', false]);
      assert.deepEqual(
        r.parts.map((p: { title: string }) => p.title),
        SCHOOL_PARTS,
      );
      assert.equal(r.parts[0].maxChars, 8000);
      assert.deepEqual(
        r.tables.map((t: { title: string }) => t.title),
        SCHOOL_TABLES,
      );
      const row = (table: string, label: RegExp) =>
        r.tables.find((t: { title: string }) => t.title === table).rows.find((x: { label: string }) => label.test(x.label));
      const funding = row('落实政策表', /生均财政拨款/);
      assert.deepEqual([funding.value, funding.display, funding.source], [20000, '20,000 元', '生均拨款申报']);
      assert.equal(funding.dataDate, `${year}-12-31`, 'a past year is as of its last day');
      const employment = row('计分卡', /毕业去向落实率/);
      assert.deepEqual([employment.value, employment.display], [null, '暂无数据'], 'no destinations recorded: no data, never 0');
      const students = row('计分卡', /在校生数/);
      assert.equal(students.display, '暂无数据', 'no student on the register');
      assert.deepEqual([row('学生反馈表', /^在校生满意度$/).display, row('学生反馈表', /^在校生满意度$/).source], ['75 分', '满意度调查']);
      assert.equal(row('学生反馈表', /^毕业生满意度$/).display, '暂无数据', 'too few answers to show');
      assert.deepEqual([row('国际影响表', /出国（境）交流/).value, row('国际影响表', /出国（境）交流/).source], [12, '国际交流与合作']);
      const foreign = row('国际影响表', /留学生/);
      assert.deepEqual([foreign.display, foreign.source], ['暂无数据', null]);
      assert.ok(r.missing.includes('国际影响表：全日制国（境）外留学生人数'), r.missing.join('；'));
    });

    test('a part over its limit is refused naming the part; nothing is saved', async () => {
      const c = await as('schoolAdminA');
      const res = await put(c, mine, { parts: { talent: '字'.repeat(8001), service: '好' } });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match(res.body.fields['parts.talent'], /人才培养.*8000/);
      const unknown = await put(c, mine, { parts: { sports: '体育' } });
      assert.ok(unknown.body.fields['parts.sports']);
      assert.equal((await c.get(mine)).body.id, null, 'nothing written');
    });

    test('the school saves parts (audited), cannot submit before every part is written, and submits: tables frozen, read-only', async () => {
      const c = await as('schoolAdminA');
      const saved = await put(c, mine, { parts: { talent: schoolTexts.talent } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      reportId = saved.body.id;
      assert.equal(saved.body.parts[0].text, schoolTexts.talent);
      const early = await c.post(`${mine}/submit`, { version: saved.body.version });
      assert.equal(early.status, 400);
      assert.match(early.body.fields['parts.culture'], /文化传承.*尚未填写/);
      assert.equal((await put(c, mine, { parts: schoolTexts })).status, 409, 'an edit without the version read');
      const all = await put(c, mine, { parts: schoolTexts, version: saved.body.version });
      assert.equal(all.status, 200);
      const submitted = await c.post(`${mine}/submit`, { version: all.body.version });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.deepEqual([submitted.body.status, submitted.body.tablesFrozen, submitted.body.canEdit], ['submitted', true, false]);
      const again = await put(c, mine, { parts: { talent: '改' }, version: submitted.body.version });
      assert.deepEqual([again.status, again.body.code], [409, 'INVALID_STATE']);
      assert.deepEqual((await auditRows(w.db, 'qualityReport', reportId)).map((a: { action: string }) => a.action).sort(), [
        'create',
        'submit',
        'update',
      ]);
      // The school corrects its funding after submitting: what the bureau reviews stays the snapshot.
      const decl = (await c.get('/api/funding/my-declarations')).body.items[0];
      await put(c, `/api/funding/my-declarations/${year}`, { appropriationYuan: 36_000_000, students: 1200, version: decl.version });
      const frozen = (await c.get(`/api/quality-reports/${reportId}`)).body;
      const funding = frozen.tables.find((t: { code: string }) => t.code === 'policy').rows[0];
      assert.equal(funding.value, 20000, 'the frozen table, not today’s 30,000');
    });

    test('another school, another district and the public do not see a report under review; its district and the departments do', async () => {
      for (const who of ['schoolAdminA2', 'schoolAdminB', 'districtB', 'enterpriseAdmin'] as const) {
        const res = await (await as(who)).get(`/api/quality-reports/${reportId}`);
        assert.equal(res.status, 404, who);
        assert.equal((await (await as(who)).get(`/api/quality-reports/${reportId}/pdf`)).status, 404, `${who} pdf`);
      }
      for (const who of ['districtA', 'department', 'cityAdmin'] as const) {
        const res = await (await as(who)).get(`/api/quality-reports/${reportId}`);
        assert.equal(res.status, 200, who);
      }
      for (const who of ['teacherA', 'studentA'] as const)
        assert.equal((await (await as(who)).get('/api/quality-reports')).status, 403, who);
      assert.equal((await new TestClient(server.url).get(`/api/public/quality-reports/${reportId}`)).status, 404);
      const review = (await (await as('cityAdmin')).get(`/api/quality-reports?status=submitted&year=${year}`)).body.items;
      assert.ok(review.some((r: { id: string }) => r.id === reportId));
      for (const who of ['schoolAdminA', 'districtA'] as const) {
        const res = await (await as(who)).post(`/api/quality-reports/${reportId}/approve`, { version: 1 });
        assert.equal(res.status, 403, who);
      }
    });

    test('the bureau returns it with comments per part; the school edits and resubmits; the bureau approves and it is public', async () => {
      const admin = await as('cityAdmin');
      const c = await as('schoolAdminA');
      const current = (await admin.get(`/api/quality-reports/${reportId}`)).body;
      assert.equal(current.canReview, true);
      const empty = await admin.post(`/api/quality-reports/${reportId}/return`, { comments: { talent: ' ' }, version: current.version });
      assert.equal(empty.status, 400);
      assert.ok(empty.body.fields.comments);
      const badPart = await admin.post(`/api/quality-reports/${reportId}/return`, { comments: { sports: '改' }, version: current.version });
      assert.ok(badPart.body.fields['comments.sports']);
      const returned = await admin.post(`/api/quality-reports/${reportId}/return`, {
        comments: { challenges: '请补充改进措施和时间表。' },
        version: current.version,
      });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.deepEqual([returned.body.status, returned.body.tablesFrozen], ['returned', false]);
      const seen = (await c.get(mine)).body;
      assert.equal(seen.parts.find((p: { code: string }) => p.code === 'challenges').comment, '请补充改进措施和时间表。');
      assert.equal(seen.canEdit, true);
      const edited = await put(c, mine, { parts: { challenges: '双师型教师比例仍需提升，明年完成培训计划。' }, version: seen.version });
      assert.equal(edited.status, 200);
      const resubmitted = await c.post(`${mine}/submit`, { version: edited.body.version });
      assert.equal(resubmitted.status, 200);
      assert.equal(
        resubmitted.body.tables.find((t: { code: string }) => t.code === 'policy').rows[0].value,
        30000,
        'frozen again at the new submission',
      );
      const stale = await admin.post(`/api/quality-reports/${reportId}/approve`, { version: current.version });
      assert.equal(stale.status, 409);
      const approved = await admin.post(`/api/quality-reports/${reportId}/approve`, { version: resubmitted.body.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'published');
      const twice = await admin.post(`/api/quality-reports/${reportId}/approve`, { version: approved.body.version });
      assert.deepEqual([twice.status, twice.body.code], [409, 'INVALID_STATE']);
      assert.deepEqual(
        (await auditRows(w.db, 'qualityReport', reportId)).map((a: { action: string }) => a.action).filter((a: string) => a !== 'update'),
        ['create', 'submit', 'return', 'submit', 'approve'],
      );

      const anyone = new TestClient(server.url);
      const list = (await anyone.get(`/api/public/quality-reports?year=${year}`)).body.items;
      assert.ok(list.some((r: { id: string; organisationName: string }) => r.id === reportId));
      const pub = await anyone.get(`/api/public/quality-reports/${reportId}`);
      assert.equal(pub.status, 200);
      assert.equal(
        pub.body.parts.every((p: { comment: string | null }) => p.comment === null),
        true,
        'no review comments in public',
      );
    });

    test('the published report prints as an A4 PDF with its parts and every table row with its data date; its tables as .xlsx', async () => {
      const res = await fetch(`${server.url}/api/public/quality-reports/${reportId}/pdf`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const text = (await pdfPages(Buffer.from(await res.arrayBuffer()))).join('\n');
      for (const [i, title] of SCHOOL_PARTS.entries()) assert.ok(text.includes(`${'一二三四五六七'[i]}、${title}`), title);
      for (const title of SCHOOL_TABLES) assert.ok(text.includes(title), title);
      for (const t of [
        '学校坚持立德树人',
        '明年完成培训计划',
        '生均财政拨款（学校申报）',
        '30,000 元',
        '暂无数据',
        `数据日期：${year}-12-31`,
        '平台暂未采集',
      ])
        assert.ok(text.includes(t), `prints ${t}`);
      assert.ok(text.includes('暂无数据的指标'), 'the missing rows are listed');

      const c = await as('schoolAdminA');
      const x = await fetch(`${server.url}/api/quality-reports/${reportId}/xlsx`, { headers: { cookie: c.cookie } });
      assert.equal(x.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await x.arrayBuffer());
      const out: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      assert.deepEqual(out[0]!.slice(0, 3), ['表', '指标', '数值']);
      const fundingRow = out.find((r) => r[1] === '生均财政拨款（学校申报）')!;
      assert.deepEqual([fundingRow[2], fundingRow[5]], [30000, `${year}-12-31`]);
      const foreign = out.find((r) => String(r[1]).includes('留学生'))!;
      assert.deepEqual([foreign[2] ?? null, foreign[4]], [null, '暂无数据'], 'no value, not 0');
      assert.equal(out.length, 1 + 7 + 6 + 4 + 8 + 4 + 3);
    });

    test('an enterprise report needs partner schools, which confirm it before the bureau may publish it', async () => {
      const e = await as('enterpriseAdmin');
      const draft = (await e.get(mine)).body;
      assert.deepEqual([draft.kind, draft.parts.length, draft.tables.length, draft.partners.length], ['enterprise', 5, 3, 0]);
      const texts = Object.fromEntries(draft.parts.map((p: { code: string }) => [p.code, `本企业${p.code}情况。`]));
      const saved = await put(e, mine, { parts: texts });
      assert.equal(saved.status, 200);
      const lonely = await e.post(`${mine}/submit`, { version: saved.body.version });
      assert.deepEqual([lonely.status, lonely.body.code], [422, 'RULE_VIOLATION']);
      // A training base the enterprise leads with school A as partner: school A becomes its partner school.
      const [base] = await w.db
        .insert(carriers)
        .values({ kind: 'trainingBase', name: '共建实训基地', level: 'city', leadOrganisationId: w.enterprise.id, status: 'operating' })
        .returning();
      await w.db.insert(carrierPartners).values({ carrierId: base!.id, organisationId: w.schoolA.id });
      const submitted = await e.post(`${mine}/submit`, { version: saved.body.version });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const id = submitted.body.id;
      assert.deepEqual(
        submitted.body.partners.map((p: { schoolId: string; confirmed: boolean }) => [p.schoolId, p.confirmed]),
        [[w.schoolA.id, false]],
      );
      const cooperation = submitted.body.tables.find((t: { code: string }) => t.code === 'cooperation').rows;
      assert.deepEqual(
        cooperation.map((r: { value: number | null }) => r.value),
        [1, 1, 0],
      );
      const training = submitted.body.tables.find((t: { code: string }) => t.code === 'training').rows;
      assert.ok(
        training.every((r: { display: string }) => r.display === '暂无数据'),
        'no yearly declaration',
      );

      const admin = await as('cityAdmin');
      const early = await admin.post(`/api/quality-reports/${id}/approve`, { version: submitted.body.version });
      assert.deepEqual([early.status, early.body.code], [409, 'INVALID_STATE']);
      assert.match(early.body.message, /尚待确认/);
      const other = await as('schoolAdminA2');
      assert.equal((await other.post(`/api/quality-reports/${id}/confirm`)).status, 404, 'not its partner');
      const partner = await as('schoolAdminA');
      const listed = (await partner.get('/api/quality-reports?kind=enterprise')).body.items;
      assert.deepEqual(
        listed.map((r: { id: string }) => r.id),
        [id],
        'a partner school lists the reports naming it',
      );
      const detail = (await partner.get(`/api/quality-reports/${id}`)).body;
      assert.deepEqual([detail.canConfirm, detail.canEdit], [true, false]);
      const confirmed = await partner.post(`/api/quality-reports/${id}/confirm`);
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.equal((await partner.post(`/api/quality-reports/${id}/confirm`)).status, 409);
      const approved = await admin.post(`/api/quality-reports/${id}/approve`, { version: confirmed.body.version });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal((await auditRows(w.db, 'qualityReport', id)).filter((a: { action: string }) => a.action === 'confirm').length, 1);
      const pdf = await fetch(`${server.url}/api/public/quality-reports/${id}/pdf`);
      const text = (await pdfPages(Buffer.from(await pdf.arrayBuffer()))).join('\n');
      assert.ok(text.includes('联合发布学校') && text.includes('已确认'), text.slice(0, 400));
    });

    test('the city’s 中职 report combines the published school reports and is published on submission', async () => {
      const admin = await as('cityAdmin');
      const draft = (await admin.get(mine)).body;
      assert.equal(draft.kind, 'city');
      const policy = draft.tables.find((t: { code: string }) => t.code === 'policy').rows[0];
      assert.deepEqual([policy.value, policy.basis], [30000, 1], 'the one published 中职 report');
      const employment = draft.tables.find((t: { code: string }) => t.code === 'scorecard').rows[1];
      assert.deepEqual([employment.display, employment.basis], ['暂无数据', 0]);
      const texts = Object.fromEntries(draft.parts.map((p: { code: string }) => [p.code, `全市${p.code}。`]));
      const saved = await put(admin, mine, { parts: texts });
      const published = await admin.post(`${mine}/submit`, { version: saved.body.version });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.status, 'published');
      const list = (await new TestClient(server.url).get(`/api/public/quality-reports?kind=city`)).body.items;
      assert.equal(list.length, 1);
      const pdf = await fetch(`${server.url}/api/public/quality-reports/${published.body.id}/pdf`);
      const text = (await pdfPages(Buffer.from(await pdf.arrayBuffer()))).join('\n');
      assert.ok(text.includes(`郑州市中等职业教育质量年度报告（${year}年度）`) && text.includes('有数据学校数'));
    });

    test('another school’s draft is not found on any route, for any school, district or the public', async () => {
      const b = await as('schoolAdminB');
      const draft = await put(b, mine, { parts: { talent: '乙校草稿。' } });
      assert.equal(draft.status, 200);
      const id = draft.body.id;
      for (const who of ['schoolAdminA', 'schoolAdminA2', 'districtA', 'enterpriseAdmin'] as const) {
        const c = await as(who);
        for (const path of [`/api/quality-reports/${id}`, `/api/quality-reports/${id}/pdf`, `/api/quality-reports/${id}/xlsx`])
          assert.equal((await c.get(path)).status, 404, `${who} ${path}`);
        assert.ok(!(await c.get('/api/quality-reports')).body.items.some((r: { id: string }) => r.id === id), `${who} list`);
      }
      assert.equal((await (await as('schoolAdminA')).post(`/api/quality-reports/${id}/confirm`)).status, 404);
      assert.equal((await new TestClient(server.url).get(`/api/public/quality-reports/${id}/pdf`)).status, 404);
      assert.equal((await (await as('districtB')).get(`/api/quality-reports/${id}`)).status, 200, 'its own district reads it');
      const admin = await as('cityAdmin');
      const approve = await admin.post(`/api/quality-reports/${id}/approve`, { version: draft.body.version });
      assert.deepEqual([approve.status, approve.body.code], [409, 'INVALID_STATE'], 'a draft cannot be approved');
    });

    test('years outside the policy’s range and roles without a report are refused', async () => {
      const c = await as('schoolAdminA');
      const future = await c.get(`/api/quality-reports/mine/${year + 2}`);
      assert.equal(future.status, 400);
      assert.ok(future.body.fields.year);
      assert.equal((await c.get('/api/quality-reports/mine/2010')).status, 400);
      const dept = new TestClient(server.url);
      await dept.login(w.users.department.username, TEST_PASSWORD);
      assert.equal((await dept.get(mine)).status, 403);
    });
  });
}
