import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, type Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldErrors } from '../../../core/errors.ts';
import { validateSchoolCode } from '../../../core/registry/school-code.ts';
import type { School, SchoolCreate, SchoolListQuery, SchoolUpdate } from '../../../contracts/registry.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, schools } from '../../platform/db/schema/index.ts';
import { reindexEntity } from '../../search/index.ts';
import { countOf } from '../../platform/db/paging.ts';
import { assertNotArchived, escapeLike, uniqueViolation } from '../../platform/registry-guards.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { syncNameSort } from './name-sort.ts';

const district = alias(organisations, 'district');

const counts = {
  programCount: sql<number>`(select count(*)::int from programs p where p.school_id = ${organisations.id} and p.status = 'active')`,
  teacherCount: sql<number>`(select count(*)::int from teachers t where t.school_id = ${organisations.id} and t.status = 'active')`,
  studentCount: sql<number>`(select count(*)::int from students s where s.school_id = ${organisations.id} and s.status = 'enrolled' and s.archived_at is null)`,
};

function selectSchools(db: Db | Tx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      code: organisations.code,
      level: schools.level,
      ownership: schools.ownership,
      enterpriseRun: schools.enterpriseRun,
      staffingQuota: schools.staffingQuota,
      districtId: organisations.districtId,
      districtName: district.name,
      status: organisations.status,
      isDemo: organisations.isDemo,
      version: organisations.version,
      ...counts,
    })
    .from(organisations)
    .innerJoin(schools, eq(schools.organisationId, organisations.id))
    .leftJoin(district, eq(district.id, organisations.districtId));
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId });

const SORTS: Record<SchoolListQuery['sort'], SQL> = {
  name: asc(organisations.nameSort),
  '-name': desc(organisations.nameSort),
  code: asc(organisations.code),
  '-code': desc(organisations.code),
  students: asc(counts.studentCount),
  '-students': desc(counts.studentCount),
};

/** The list's scope and filters: the page and the export select the same schools. */
export function schoolListWhere(access: Access, q: SchoolListQuery) {
  return and(
    scoped(access),
    q.includeArchived ? undefined : ne(organisations.status, 'archived'),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.level ? eq(schools.level, q.level) : undefined,
    q.ownership ? eq(schools.ownership, q.ownership) : undefined,
    q.enterpriseRun !== undefined ? eq(schools.enterpriseRun, q.enterpriseRun) : undefined,
    q.q ? or(ilike(organisations.name, `%${escapeLike(q.q)}%`), eq(organisations.code, q.q)) : undefined,
  );
}

export async function listSchools(db: Db, access: Access, q: SchoolListQuery) {
  await syncNameSort(db, 'organisations');
  const where = schoolListWhere(access, q);
  const [items, total] = await Promise.all([
    selectSchools(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(organisations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(organisations)
        .innerJoin(schools, eq(schools.organisationId, organisations.id))
        .where(where),
    ),
  ]);
  return { items: items as School[], total, page: q.page, pageSize: q.pageSize };
}

/** A school the access reaches, or NOT_FOUND (never FORBIDDEN: another school's record does not exist for the caller). */
export async function getSchool(db: Db | Tx, access: Access, id: string): Promise<School> {
  const [row] = await selectSchools(db).where(and(eq(organisations.id, id), scoped(access)));
  if (!row) throw notFound('学校');
  return row as School;
}

/** The 学校标识码 normalised, or 400 naming the field with the precise reason. */
function checkedCode(raw: string): string {
  const check = validateSchoolCode(raw);
  if (!check.valid) throw validationFailed({ code: check.reason }, check.reason);
  return check.value;
}

const codeTaken = () => new AppError('CONFLICT', '该学校标识码已登记', { fields: { code: '该学校标识码已登记，请勿重复登记' } });

async function assertCodeFree(db: Db | Tx, code: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'school'), eq(organisations.code, code)));
  if (taken && taken.id !== exceptId) throw codeTaken();
}

/** The district a school is placed in: a district organisation, and one the caller may place schools in. */
async function checkDistrict(db: Db | Tx, districtId: string, access: Access) {
  const fields: FieldErrors = {};
  const [d] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, districtId), eq(organisations.kind, 'district')));
  if (!d) fields.districtId = '所选区县(市)/开发区不存在';
  else if (!inScope(access, { districtId: d.id })) fields.districtId = '所选区县(市)/开发区不在您的管理范围内';
  if (Object.keys(fields).length) throw validationFailed(fields);
}

/** Schools are created by the bureau (school.create), each with its 学校标识码, district and level. */
export async function createSchool(tx: Tx, audit: Auditor, access: Access, input: SchoolCreate, now: Date): Promise<School> {
  const code = checkedCode(input.code);
  await checkDistrict(tx, input.districtId, access);
  await assertCodeFree(tx, code);
  let id: string;
  try {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: 'school',
        name: input.name,
        code,
        districtId: input.districtId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organisations.id });
    id = org!.id;
  } catch (err) {
    if (uniqueViolation(err) !== null) throw codeTaken();
    throw err;
  }
  await tx.insert(schools).values({
    organisationId: id,
    level: input.level,
    ownership: input.ownership,
    enterpriseRun: input.enterpriseRun,
    staffingQuota: input.staffingQuota ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const after = await getSchool(tx, { kind: 'city' }, id);
  await audit.record({ action: 'create', entityType: 'school', entityId: id, after: auditable(after) });
  await reindexEntity(tx, 'school', id);
  return after;
}

/**
 * An edit of the school's own facts (bureau, district, the school's admin), naming the version it read.
 * The 学校标识码, district and level are corrections (`correct`: the district or the bureau).
 */
export async function updateSchool(
  tx: Tx,
  audit: Auditor,
  access: Access,
  correct: Access,
  id: string,
  change: SchoolUpdate,
  now: Date,
): Promise<School> {
  const before = await getSchool(tx, access, id);
  const corrections = (['code', 'districtId', 'level'] as const).filter((k) => change[k] !== undefined);
  if (corrections.length && !inScope(correct, { organisationId: before.id, districtId: before.districtId })) {
    const reason = '学校标识码、所在区县和办学层次由区县或市教育局更正';
    throw new AppError('FORBIDDEN', reason, { fields: Object.fromEntries(corrections.map((k) => [k, reason])) });
  }
  assertNotArchived(before.status === 'archived', '学校');
  const code = change.code === undefined ? undefined : checkedCode(change.code);
  if (change.districtId !== undefined && change.districtId !== before.districtId) await checkDistrict(tx, change.districtId, correct);
  if (code !== undefined && code !== before.code) await assertCodeFree(tx, code, id);

  const { version, name, districtId, ownership, enterpriseRun, staffingQuota, level } = change;
  let bumped;
  try {
    bumped = await tx
      .update(organisations)
      .set({
        version: sql`${organisations.version} + 1`,
        updatedAt: now,
        ...(name !== undefined && { name }),
        ...(code !== undefined && { code }),
        ...(districtId !== undefined && { districtId }),
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning({ id: organisations.id });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw codeTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  const details = {
    ...(ownership !== undefined && { ownership }),
    ...(enterpriseRun !== undefined && { enterpriseRun }),
    ...(staffingQuota !== undefined && { staffingQuota }),
    ...(level !== undefined && { level }),
  };
  if (Object.keys(details).length)
    await tx
      .update(schools)
      .set({ ...details, updatedAt: now })
      .where(eq(schools.organisationId, id));
  const after = await getSchool(tx, { kind: 'city' }, id);
  const touched = Object.keys(change).filter((k) => k !== 'version');
  await audit.record({ action: 'update', entityType: 'school', entityId: id, before: pick(before, touched), after: pick(after, touched) });
  await reindexEntity(tx, 'school', id);
  return after;
}

/**
 * Archive (归档) instead of delete: programs, teachers, students, carriers and audit rows refer to the school,
 * so they all stay as they are and readable; lists hide the school unless `includeArchived`.
 */
export async function setSchoolArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
): Promise<School> {
  const before = await getSchool(tx, access, id);
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '学校已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '学校未归档');
  const bumped = await tx
    .update(organisations)
    .set({ status: archived ? 'archived' : 'active', version: sql`${organisations.version} + 1`, updatedAt: now })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  if (!bumped.length) throw versionConflict();
  const after = await getSchool(tx, { kind: 'city' }, id);
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'school',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  await reindexEntity(tx, 'school', id);
  return after;
}

/** The fields an edit touched, for the audit diff. */
function pick(row: School, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k as keyof School]]));
}

/** The stored facts of a school for an audit row (derived counts and names left out). */
function auditable(s: School): Record<string, unknown> {
  const { programCount: _p, teacherCount: _t, studentCount: _s, districtName: _d, isDemo: _x, ...rest } = s;
  return rest;
}
