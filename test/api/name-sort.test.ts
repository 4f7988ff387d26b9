import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { organisations, students } from '../../server/platform/db/schema/index.ts';
import { nameSortKeyOf, nameSortPrefixRange, syncNameSort } from '../../server/registry/repository/name-sort.ts';
import { makeSchool, makeStudent } from '../support/factory.ts';
import { makeEnterprise } from '../support/registry.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { download } from './imports-fixtures.ts';
import { buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * Issue 13: sorting by 名称 follows pinyin on both engines — in every list with a name sort and in the exports —
 * whatever wrote the row (the API, a rename, SQL by hand). Every name set below sorts differently by code point.
 */
const byKey = (names: string[], person = false) =>
  [...names].sort((a, b) => (nameSortKeyOf(a, person) < nameSortKeyOf(b, person) ? -1 : 1));

test('the key: pinyin order, words read as words (重庆 chóng, 长沙 cháng, 银行 háng), surnames as surnames (单 shàn, 曾 zēng)', () => {
  assert.deepEqual(byKey(['郑州', '北京', '重庆', '安阳']), ['安阳', '北京', '重庆', '郑州']);
  assert.deepEqual(['郑州', '北京', '重庆', '安阳'].sort(), ['北京', '安阳', '郑州', '重庆']); // what code points give
  assert.match(nameSortKeyOf('重庆', false), /^chong2 qing4\t重庆$/);
  assert.match(nameSortKeyOf('长沙职业技术学院', false), /^chang2 sha1 /);
  assert.match(nameSortKeyOf('中国银行', false), /^zhong1 guo2 yin2 hang2\t/);
  assert.match(nameSortKeyOf('单田芳', true), /^shan4 /);
  assert.match(nameSortKeyOf('曾小明', true), /^zeng1 /);
  // A name before its own continuation; the same pinyin ordered by the characters; Latin letters and digits lower-cased.
  assert.deepEqual(byKey(['郑州市', '郑州']), ['郑州', '郑州市']);
  assert.ok(nameSortKeyOf('郑州', false) !== nameSortKeyOf('正州', false));
  assert.match(nameSortKeyOf('ABC科技', false), /^a b c ke1 ji4\t/);
  // A prefix's span of keys holds every reading of its first character.
  const span = nameSortPrefixRange('重')!;
  for (const n of ['重庆', '重要']) {
    const k = nameSortKeyOf(n, false);
    assert.ok(k >= span.from && k < span.to, `${n} ${k} in ${JSON.stringify(span)}`);
  }
  assert.ok(nameSortKeyOf('北京', false) < span.from && nameSortKeyOf('郑州', false) < span.to && nameSortKeyOf('坐标', false) > span.to);
});

for (const engine of testEngines()) {
  describe(`名称 in pinyin order [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name);

    test('schools and enterprises of a district: 安阳 < 北京 < 重庆 < 郑州, reversed with -name; rows written by SQL are keyed', async () => {
      const db = w.db;
      for (const n of ['郑州', '北京', '重庆', '安阳']) {
        const s = await makeSchool(db, w.districtB.id);
        await db
          .update(organisations)
          .set({ name: `${n}职业技术学院` })
          .where(eq(organisations.id, s.id));
        await makeEnterprise(db, w.districtB.id, { name: `${n}机械有限公司` });
      }
      const c = await as('cityAdmin');
      const schools = await c.get(`/api/schools?districtId=${w.districtB.id}&sort=name&pageSize=50`);
      assert.equal(schools.status, 200, JSON.stringify(schools.body));
      const ours = names(schools).filter((n) => n.endsWith('职业技术学院'));
      assert.deepEqual(ours, ['安阳职业技术学院', '北京职业技术学院', '重庆职业技术学院', '郑州职业技术学院']);
      const desc = names(await c.get(`/api/schools?districtId=${w.districtB.id}&sort=-name&pageSize=50`)).filter((n) =>
        n.endsWith('职业技术学院'),
      );
      assert.deepEqual(desc, [...ours].reverse());
      const ents = names(await c.get(`/api/enterprises?districtId=${w.districtB.id}&sort=name&pageSize=50`)).filter((n) =>
        n.endsWith('机械有限公司'),
      );
      assert.deepEqual(ents, ['安阳机械有限公司', '北京机械有限公司', '重庆机械有限公司', '郑州机械有限公司']);
      // A rename by hand (no repository involved) moves the row on the next list.
      const [zz] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, '郑州职业技术学院'));
      await db.execute(sql`update organisations set name = '艾家职业技术学院' where id = ${zz!.id}`);
      const renamed = names(await c.get(`/api/schools?districtId=${w.districtB.id}&sort=name&pageSize=50`)).filter((n) =>
        n.endsWith('职业技术学院'),
      );
      assert.deepEqual(renamed, ['艾家职业技术学院', '安阳职业技术学院', '北京职业技术学院', '重庆职业技术学院']);
    });

    test('teachers: created and renamed through the API, listed and exported in pinyin order (surname readings)', async () => {
      const c = await as('schoolAdminA2');
      const ids: Record<string, string> = {};
      for (const n of ['张伟', '单田芳', '安娜', '曾明']) {
        const res = await c.post('/api/teachers', { schoolId: w.schoolA2.id, name: n, employment: 'fullTime', subject: 'general' });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        ids[n] = res.body.id;
      }
      const list = async () => names(await c.get(`/api/teachers?schoolId=${w.schoolA2.id}&sort=name`));
      assert.deepEqual(await list(), ['安娜', '单田芳', '曾明', '张伟']); // code points: 单 安 张 曾
      const renamed = await c.patch(`/api/teachers/${ids['安娜']}`, { version: 1, name: '朱安娜' });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.deepEqual(await list(), ['单田芳', '曾明', '张伟', '朱安娜']);
      const sheet = await download(c, `/api/exports/teachers?schoolId=${w.schoolA2.id}&sort=name`);
      assert.equal(sheet.status, 200);
      assert.deepEqual(
        sheet.rows.slice(1).map((r) => r[2]),
        ['单田芳', '曾明', '张伟', '朱安娜'],
      );
    });

    test('students: list by name and by cohort then name, and the export, in pinyin order', async () => {
      const db = w.db;
      for (const n of ['张三', '单雄信', '安然', '曾巩']) {
        const s = await makeStudent(db, server.services.pii, w.schoolB.id);
        await db.update(students).set({ name: n }).where(eq(students.id, s.id));
      }
      const c = await as('schoolAdminB');
      const want = ['安然', '单雄信', '曾巩', '张三'];
      assert.deepEqual(names(await c.get(`/api/students?schoolId=${w.schoolB.id}&sort=name`)), want);
      assert.deepEqual(names(await c.get(`/api/students?schoolId=${w.schoolB.id}&sort=cohort`)), want);
      assert.deepEqual(names(await c.get(`/api/students?schoolId=${w.schoolB.id}&sort=-name`)), [...want].reverse());
      // A name search keeps every match whatever the first character's reading (曾 céng / zēng, 单 dān / shàn).
      assert.deepEqual(names(await c.get(`/api/students?schoolId=${w.schoolB.id}&q=${encodeURIComponent('曾')}&sort=name`)), ['曾巩']);
      assert.deepEqual(names(await c.get(`/api/students?schoolId=${w.schoolB.id}&q=${encodeURIComponent('单雄')}&sort=name`)), ['单雄信']);
      const sheet = await download(c, `/api/exports/students?schoolId=${w.schoolB.id}`);
      assert.equal(sheet.status, 200);
      const nameCol = (sheet.rows[0] as string[]).findIndex((h) => String(h).includes('姓名'));
      assert.ok(nameCol >= 0, JSON.stringify(sheet.rows[0]));
      assert.deepEqual(
        sheet.rows.slice(1).map((r) => r[nameCol]),
        want,
      );
    });

    test('a table in sync costs nothing to check; a stale key is found and replaced', async () => {
      const db = server.services.database.db;
      await syncNameSort(db, 'students');
      assert.equal(await syncNameSort(db, 'students'), 0);
      await db.execute(sql`update students set name_sort = null where name = '张三'`);
      await db.execute(sql`update students set name = '安然然' where name = '安然'`); // the key still names 安然
      assert.equal(await syncNameSort(db, 'students'), 2);
      assert.equal(await syncNameSort(db, 'students'), 0);
    });
  });
}
