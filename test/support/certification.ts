import { sql } from 'drizzle-orm';
import type { Db } from '../../server/platform/db/engine.ts';
import { certificationCases } from '../../server/platform/db/schema/index.ts';

/**
 * A case certified at city level on `certifiedOn`, valid until `validUntil`, written as the lifecycle leaves it
 * after the objection period (the full path through every stage is test/api/certification-cases.test.ts's):
 * tests of what follows certification (documents, reports, reminders, expiry, the surcharge credit) start here.
 */
export async function certifiedCase(db: Db, enterpriseId: string, certifiedOn: string, validUntil: string, documentNo = '郑教〔2025〕1号') {
  const [row] = await db
    .insert(certificationCases)
    .values({
      enterpriseId,
      stage: 'certified',
      appliedOn: '2023-03-01',
      prefill: {},
      statement: '本企业与职业院校共建专业，接收学生实习。',
      reserveOn: '2023-06-01',
      planDueOn: '2023-09-01',
      planPublishedOn: '2023-07-01',
      planTitle: '三年建设规划',
      planUrl: 'https://example.org/plan',
      level: 'city',
      documentNo,
      certifiedOn,
      objectionUntil: certifiedOn,
      validUntil,
    })
    .returning({ id: certificationCases.id });
  await db.execute(sql`update enterprises set integration_status = 'certified_city' where organisation_id = ${enterpriseId}`);
  return row!.id;
}
