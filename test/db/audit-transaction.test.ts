import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAuditor } from '../../server/platform/audit/auditor.ts';
import type { Database } from '../../server/platform/db/engine.ts';
import { auditLog, organisations } from '../../server/platform/db/schema/index.ts';
import { openTestDatabase, testEngines } from '../support/engines.ts';
import { makeDistrict } from '../support/factory.ts';

const ctx = { actorUserId: null, actorName: '测试', actorOrganisationId: null, requestId: 'req-test' };

for (const engine of testEngines()) {
  describe(`audit rows commit or roll back with their write [${engine.name}]`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(engine);
    });
    after(() => database.close());

    test('a committed write leaves its audit row with the changed fields', async () => {
      const d = await makeDistrict(database.db);
      await database.db.transaction(async (tx) => {
        await tx
          .update(organisations)
          .set({ name: `${d.name}-改` })
          .where(eq(organisations.id, d.id));
        await createAuditor(tx, ctx).record({
          action: 'update',
          entityType: 'organisation',
          entityId: d.id,
          before: { name: d.name },
          after: { name: `${d.name}-改` },
        });
      });
      const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]!.changes, { name: { before: d.name, after: `${d.name}-改` } });
    });

    test('a write that fails after auditing leaves neither the write nor the audit row', async () => {
      const d = await makeDistrict(database.db);
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await tx.update(organisations).set({ name: 'rolled back' }).where(eq(organisations.id, d.id));
          await createAuditor(tx, ctx).record({
            action: 'update',
            entityType: 'organisation',
            entityId: d.id,
            before: { name: d.name },
            after: { name: 'rolled back' },
          });
          throw new Error('boom');
        }),
        /boom/,
      );
      const [org] = await database.db.select().from(organisations).where(eq(organisations.id, d.id));
      assert.equal(org!.name, d.name);
      assert.equal((await database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id))).length, 0);
    });
  });
}
