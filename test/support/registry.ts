import crypto from 'node:crypto';
import { USCC_CHARSET, makeUscc } from '../../core/codes/index.ts';
import { loadClusters } from '../../server/catalogues/clusters.ts';
import { loadIndustries } from '../../server/catalogues/industry.ts';
import { loadDemoMajors } from '../../server/catalogues/majors.ts';
import type { Db } from '../../server/platform/db/engine.ts';
import { enterprises, organisations } from '../../server/platform/db/schema/index.ts';

/**
 * Fixtures of the enterprise, carrier, cluster and directory tests: the reference catalogues the register
 * checks against (loaded with the real loaders into the test file's own database) and enterprises with
 * valid, unique 统一社会信用代码.
 */
export async function loadRegistryCatalogues(db: Db) {
  await loadIndustries(db);
  await loadClusters(db);
  await loadDemoMajors(db);
}

/** A valid 统一社会信用代码 no other test enterprise has. */
export function uscc(): string {
  const bytes = crypto.randomBytes(8);
  const body = [...bytes].map((b) => USCC_CHARSET[b % USCC_CHARSET.length]).join('');
  return makeUscc('91', '410100', body);
}

/** A valid code with its last (check) character changed: fails only the GB 32100-2015 check. */
export function badCheckUscc(): string {
  const good = uscc();
  const last = good[17]!;
  const other = USCC_CHARSET[(USCC_CHARSET.indexOf(last) + 1) % USCC_CHARSET.length]!;
  return good.slice(0, 17) + other;
}

export async function makeEnterprise(
  db: Db,
  districtId: string,
  opts: {
    name?: string;
    staffCount?: number;
    payrollYuan?: number | null;
    aboveDesignatedSize?: boolean;
    integrationStatus?: typeof enterprises.$inferInsert.integrationStatus;
    status?: 'active' | 'pending' | 'archived';
    clusterCode?: string;
  } = {},
) {
  const [org] = await db
    .insert(organisations)
    .values({
      kind: 'enterprise',
      name: opts.name ?? `测试企业-${crypto.randomBytes(4).toString('hex')}有限公司`,
      code: uscc(),
      districtId,
      status: opts.status ?? 'active',
    })
    .returning();
  await db.insert(enterprises).values({
    organisationId: org!.id,
    size: 'medium',
    industryCode: '3411',
    clusterCode: opts.clusterCode ?? 'equipment',
    staffCount: opts.staffCount ?? 350,
    payrollYuan: opts.payrollYuan === undefined ? 28_000_000 : opts.payrollYuan,
    aboveDesignatedSize: opts.aboveDesignatedSize ?? true,
    integrationStatus: opts.integrationStatus ?? 'none',
  });
  return org!;
}
