import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { buildPlanWorld, signedIn, type PlanWorld } from './plan-fixtures.ts';

/**
 * Reminders of the task list's reports, delivered to the units' inboxes. The clock is at 10 May 2024:
 * 2023Q4 and 2024Q1 are past due, so every unit that has not reported owes an overdue digest.
 */
const NOW = new Date('2024-05-10T10:00:00+08:00');

for (const engine of testEngines()) {
  describe(`notifications and report reminders [${engine.name}]`, () => {
    let server: TestServer;
    let w: PlanWorld;
    before(async () => {
      server = await startTestServer(engine);
      server.services.now = () => NOW;
      w = await buildPlanWorld(server);
    });
    after(() => server.close());
    const as = (who: keyof PlanWorld['users']) => signedIn(server, w.users[who].username);
    const remind = async (c: TestClient) => {
      const res = await c.post('/api/tasks/reminders', {});
      assert.equal(res.status, 202, JSON.stringify(res.body));
      return waitForJob(c, res.body.id);
    };

    test('the bureau sends reminders; each unit hears of what it owes, once', async () => {
      const hrss = await as('hrss');
      await hrss.post('/api/tasks/9/reports', { period: '2023Q4', text: '已完成年度工作部署。', figures: [] });
      const bureau = await as('cityAdmin');
      const job = await remind(bureau);
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      assert.ok(job.result.delivered >= 6, `one digest for each unit's user: ${JSON.stringify(job.result)}`);

      const inbox = await hrss.get('/api/notifications');
      assert.equal(inbox.status, 200);
      assert.equal(inbox.body.unread, 1);
      const [n] = inbox.body.items;
      assert.equal(n.kind, 'report_overdue');
      assert.equal(n.link, '/tasks');
      // 市人社局 leads or co-leads 7 tasks × 2 periods due, less the one it reported.
      assert.equal(n.title, '有13份任务进展报告逾期未报送');
      assert.match(n.body, /第9、10、15、16、24、25、27项任务/);

      const again = await remind(bureau);
      assert.equal(again.result.delivered, 0, 'the same cycle reminds nobody twice');
      assert.equal((await hrss.get('/api/notifications')).body.total, 1);

      const [row] = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'supervision.remind'));
      assert.equal(row?.actorName, '系统（督导提醒）');
    });

    test('an inbox is its owner’s: another person’s message is 404; schools get none; anonymous is 401', async () => {
      const union = await as('union');
      const theirs = (await union.get('/api/notifications')).body.items[0];
      assert.ok(theirs, 'the union owes reports too');
      const hrss = await as('hrss');
      const res = await hrss.post(`/api/notifications/${theirs.id}/read`, {});
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'NOT_FOUND');
      assert.equal((await union.get('/api/notifications?unread=true')).body.total, 1, 'still unread');

      const school = await as('schoolAdmin');
      assert.deepEqual((await school.get('/api/notifications')).body.items, []);
      assert.equal((await school.post('/api/tasks/reminders', {})).status, 403);
      assert.equal((await (await as('hrss')).post('/api/tasks/reminders', {})).status, 403, 'only the bureau sends on demand');
      assert.equal((await new TestClient(server.url).get('/api/notifications')).status, 401);
    });

    test('reading one message, then all: the unread count follows and the first reading time is kept', async () => {
      const district = await as('districtA');
      const inbox = (await district.get('/api/notifications')).body;
      assert.equal(inbox.unread, 1);
      const read = await district.post(`/api/notifications/${inbox.items[0].id}/read`, {});
      assert.equal(read.status, 200);
      assert.ok(read.body.readAt);
      const twice = await district.post(`/api/notifications/${inbox.items[0].id}/read`, {});
      assert.equal(twice.body.readAt, read.body.readAt);
      assert.equal((await district.get('/api/notifications')).body.unread, 0);
      assert.equal((await district.get('/api/notifications?unread=true')).body.total, 0);

      const union = await as('union');
      const all = await union.post('/api/notifications/read-all', {});
      assert.deepEqual(all.body, { updated: 1 });
      assert.equal((await union.get('/api/notifications')).body.unread, 0);
      assert.equal((await union.post('/api/notifications/not-a-uuid/read', {})).status, 400);
    });
  });
}
