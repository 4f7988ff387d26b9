import { and, asc, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { ENTERPRISE_SIZE_LABELS, enterpriseSpec, labelOf, YES_NO_LABEL } from '../../../core/imports/index.ts';
import type { EnterpriseListQuery } from '../../../contracts/enterprises.ts';
import type { Db } from '../../platform/db/engine.ts';
import { enterprises, industryClusters, organisations } from '../../platform/db/schema/index.ts';
import { enterpriseListWhere } from '../repository/enterprises.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';

const district = alias(organisations, 'district');
const BATCH = 2000;

/**
 * The enterprise list (the filters and scope of GET /api/enterprises; the list pages with offsets, an export
 * walks the whole list) as .xlsx in the import template's columns, paged on the USCC
 * (the unique (kind, code) index) so 20,000 enterprises stream without one large query.
 */
export function exportEnterprises(db: Db, access: Access, q: EnterpriseListQuery) {
  const where = enterpriseListWhere(access, q);
  return streamWorkbook(
    '企业',
    enterpriseSpec.columns.map((c) => ({ header: c.header, width: c.key === 'name' ? 32 : 16 })),
    async (add, drain) => {
      let after = '';
      for (;;) {
        const page = await db
          .select({
            code: organisations.code,
            name: organisations.name,
            districtName: district.name,
            size: enterprises.size,
            industryCode: enterprises.industryCode,
            cluster: industryClusters.name,
            staffCount: enterprises.staffCount,
            payrollYuan: enterprises.payrollYuan,
            above: enterprises.aboveDesignatedSize,
          })
          .from(organisations)
          .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
          .leftJoin(district, eq(district.id, organisations.districtId))
          .leftJoin(industryClusters, eq(industryClusters.code, enterprises.clusterCode))
          .where(and(where, gt(organisations.code, after)))
          .orderBy(asc(organisations.code))
          .limit(BATCH);
        for (const e of page) {
          add([
            e.code,
            e.name,
            e.districtName ?? '',
            labelOf(ENTERPRISE_SIZE_LABELS, e.size),
            e.industryCode,
            e.cluster ?? '',
            e.staffCount,
            e.payrollYuan ?? '',
            YES_NO_LABEL(e.above),
          ]);
        }
        await drain();
        if (page.length < BATCH) break;
        after = page.at(-1)!.code;
      }
    },
  );
}
