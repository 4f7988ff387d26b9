import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { labelOf, OWNERSHIP_LABELS, SCHOOL_LEVEL_LABELS, schoolSpec, YES_NO_LABEL } from '../../../core/imports/index.ts';
import type { SchoolListQuery } from '../../../contracts/registry.ts';
import type { Db } from '../../platform/db/engine.ts';
import { organisations, schools } from '../../platform/db/schema/index.ts';
import { schoolListWhere } from '../repository/schools.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';

const district = alias(organisations, 'district');

/**
 * The schools list (the filters and scope of GET /api/schools; the list pages with offsets, an export takes
 * all) as .xlsx in the import template's columns. At most a few hundred schools: one query.
 */
export function exportSchools(db: Db, access: Access, q: SchoolListQuery) {
  const where = schoolListWhere(access, q);
  return streamWorkbook(
    '学校',
    schoolSpec.columns.map((c) => ({ header: c.header, width: c.key === 'name' ? 32 : 14 })),
    async (add) => {
      const list = await db
        .select({
          code: organisations.code,
          name: organisations.name,
          level: schools.level,
          districtName: district.name,
          ownership: schools.ownership,
          enterpriseRun: schools.enterpriseRun,
          staffingQuota: schools.staffingQuota,
        })
        .from(organisations)
        .innerJoin(schools, eq(schools.organisationId, organisations.id))
        .leftJoin(district, eq(district.id, organisations.districtId))
        .where(where)
        .orderBy(asc(organisations.code));
      for (const s of list) {
        add([
          s.code,
          s.name,
          labelOf(SCHOOL_LEVEL_LABELS, s.level),
          s.districtName ?? '',
          labelOf(OWNERSHIP_LABELS, s.ownership),
          YES_NO_LABEL(s.enterpriseRun),
          s.staffingQuota ?? '',
        ]);
      }
    },
  );
}
