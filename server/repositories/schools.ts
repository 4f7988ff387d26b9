import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../core/authz/index.ts';
import { notFound, versionConflict } from '../../core/errors.ts';
import type { School, SchoolListQuery, SchoolUpdate } from '../../contracts/registry.ts';
import type { Auditor } from '../audit/auditor.ts';
import type { Db, Tx } from '../db/engine.ts';
import { organisations, schools } from '../db/schema/index.ts';
import { countOf } from './paging.ts';
import { scopeWhere } from '../http/scope-sql.ts';

const district = alias(organisations, 'district');

const counts = {
  programCount: sql<number>`(select count(*)::int from programs p where p.school_id = ${organisations.id} and p.status = 'active')`,
  teacherCount: sql<number>`(select count(*)::int from teachers t where t.school_id = ${organisations.id} and t.status = 'active')`,
  studentCount: sql<number>`(select count(*)::int from students s where s.school_id = ${organisations.id} and s.status = 'enrolled')`,
};

function selectSchools(db: Db | Tx) {
  return db
    .select({
      id: organisations.id, name: organisations.name, code: organisations.code,
      level: schools.level, ownership: schools.ownership, enterpriseRun: schools.enterpriseRun, staffingQuota: schools.staffingQuota,
      districtId: organisations.districtId, districtName: district.name,
      status: organisations.status, isDemo: organisations.isDemo, version: organisations.version,
      ...counts,
    })
    .from(organisations)
    .innerJoin(schools, eq(schools.organisationId, organisations.id))
    .leftJoin(district, eq(district.id, organisations.districtId));
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId });

const SORTS: Record<SchoolListQuery['sort'], SQL> = {
  name: asc(organisations.name), '-name': desc(organisations.name),
  code: asc(organisations.code), '-code': desc(organisations.code),
  students: asc(counts.studentCount), '-students': desc(counts.studentCount),
};

export async function listSchools(db: Db, access: Access, q: SchoolListQuery) {
  const where = and(
    scoped(access),
    q.includeArchived ? undefined : ne(organisations.status, 'archived'),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.level ? eq(schools.level, q.level) : undefined,
    q.q ? or(ilike(organisations.name, `%${q.q}%`), eq(organisations.code, q.q)) : undefined,
  );
  const [items, total] = await Promise.all([
    selectSchools(db).where(where).orderBy(SORTS[q.sort], asc(organisations.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    countOf(db.select({ total: sql<number>`count(*)::int` }).from(organisations).innerJoin(schools, eq(schools.organisationId, organisations.id)).where(where)),
  ]);
  return { items: items as School[], total, page: q.page, pageSize: q.pageSize };
}

/** A school the access reaches, or NOT_FOUND (never FORBIDDEN: another school's record does not exist for the caller). */
export async function getSchool(db: Db | Tx, access: Access, id: string): Promise<School> {
  const [row] = await selectSchools(db).where(and(eq(organisations.id, id), scoped(access)));
  if (!row) throw notFound('学校');
  return row as School;
}

export async function updateSchool(tx: Tx, audit: Auditor, access: Access, id: string, change: SchoolUpdate, now: Date): Promise<School> {
  const before = await getSchool(tx, access, id);
  const { version, name, ...details } = change;
  const bumped = await tx.update(organisations)
    .set({ version: sql`${organisations.version} + 1`, updatedAt: now, ...(name !== undefined && { name }) })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  if (!bumped.length) throw versionConflict();
  if (Object.keys(details).length) await tx.update(schools).set({ ...details, updatedAt: now }).where(eq(schools.organisationId, id));
  const after = await getSchool(tx, access, id);
  await audit.record({ action: 'update', entityType: 'school', entityId: id, before: pick(before, change), after: pick(after, change) });
  return after;
}

/** The fields an edit touched, for the audit diff. */
function pick(row: School, change: SchoolUpdate): Record<string, unknown> {
  return Object.fromEntries(Object.keys(change).map((k) => [k, row[k as keyof School]]));
}
