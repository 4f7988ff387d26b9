import { BULK_ACCOUNT_BATCH, bulkAccountRequest, bulkAccountResult } from '../../../contracts/bulk-accounts.ts';
import { idParams } from '../../../contracts/common.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { credentialsFor, planBulkAccounts, remainingWithoutAccount, writeBulkAccounts } from '../repository/bulk-accounts.ts';

/**
 * Bulk account creation for a school's teachers and students. Synchronous and bounded rather than a job:
 * a job's result is stored (and re-read after a reload, a retry or a takeover), so the one-time passwords
 * would have to be kept somewhere; here they exist only in this answer. A batch of BULK_ACCOUNT_BATCH hashes
 * takes a few seconds, hashed before the transaction opens; `remaining` tells the page to call again.
 */
const bulk = defineRoute({
  method: 'POST',
  url: '/api/schools/:id/accounts/bulk',
  tags: ['schools', 'accounts'],
  access: { resource: 'account', action: 'bulkCreate' },
  summary: `为本校教师、学生批量开通账号（每次最多${BULK_ACCOUNT_BATCH}人；初始密码仅在本次响应中返回一次，首次登录须修改）`,
  params: idParams,
  body: bulkAccountRequest,
  response: bulkAccountResult,
  async handler({ services, access, actor, params, body, write, reply }) {
    const db = services.database.db;
    const plan = await planBulkAccounts(db, access, params.id, body);
    const credentials = await credentialsFor(plan.targets);
    const outcome = await write((tx, audit) => writeBulkAccounts(tx, audit, actor!, plan, credentials));
    reply.header('cache-control', 'no-store');
    return { ...outcome, remaining: await remainingWithoutAccount(db, plan.school.id), batchLimit: BULK_ACCOUNT_BATCH };
  },
});

export const bulkAccountRoutes: AnyRoute[] = [bulk];
