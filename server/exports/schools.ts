import { and, asc, eq, ilike, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../core/authz/index.ts';
import { labelOf, OWNERSHIP_LABELS, SCHOOL_LEVEL_LABELS, schoolSpec, YES_NO_LABEL } from '../../core/imports/index.ts';
import type { SchoolListQuery } from '../../contracts/registry.ts';
import type { Db } from '../db/engine.ts';
import { organisations, schools } from '../db/schema/index.ts';
import { scopeWhere } from '../http/scope-sql.ts';
import { escapeLike } from '../repositories/schools.ts';
import { streamWorkbook } from './xlsx-stream.ts';

const district = alias(organisations, 'district');

/**
 * The schools list (the filters and scope of GET /api/schools, repeated from listSchools: the list pages with
 * offsets, an export takes all) as .xlsx in the import template's columns. At most a few hundred schools: one query.
 */
export function exportSchools(db: Db, access: Access, q: SchoolListQuery) {
  const where = and(
    scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
    q.includeArchived ? undefined : ne(organisations.status, 'archived'),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.level ? eq(schools.level, q.level) : undefined,
    q.ownership ? eq(schools.ownership, q.ownership) : undefined,
    q.enterpriseRun !== undefined ? eq(schools.enterpriseRun, q.enterpriseRun) : undefined,
    q.q ? or(ilike(organisations.name, `%${escapeLike(q.q)}%`), eq(organisations.code, q.q)) : undefined,
  );
  return streamWorkbook('学校', schoolSpec.columns.map((c) => ({ header: c.header, width: c.key === 'name' ? 32 : 14 })), async (add) => {
    const list = await db.select({
      code: organisations.code, name: organisations.name, level: schools.level, districtName: district.name,
      ownership: schools.ownership, enterpriseRun: schools.enterpriseRun, staffingQuota: schools.staffingQuota,
    }).from(organisations).innerJoin(schools, eq(schools.organisationId, organisations.id))
      .leftJoin(district, eq(district.id, organisations.districtId))
      .where(where).orderBy(asc(organisations.code));
    for (const s of list) {
      add([s.code, s.name, labelOf(SCHOOL_LEVEL_LABELS, s.level), s.districtName ?? '', labelOf(OWNERSHIP_LABELS, s.ownership), YES_NO_LABEL(s.enterpriseRun), s.staffingQuota ?? '']);
    }
  });
}
