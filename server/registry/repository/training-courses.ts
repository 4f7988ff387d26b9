import { and, asc, desc, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type {
  TrainingCourse,
  TrainingCourseCreate,
  TrainingCourseListQuery,
  TrainingCourseUpdate,
} from '../../../contracts/training-courses.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { majors, organisations, trainingCourses } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { assertNotArchived, assertSchoolOpen, escapeLike, schoolForWrite, uniqueViolation } from '../../platform/registry-guards.ts';

/** 培训课程 of schools (二 (二) 5), kept like the rest of the school side of the register. */

const majorName = sql<
  string | null
>`(select ${majors.name} from ${majors} where ${majors.code} = ${trainingCourses.majorCode} order by ${majors.id} limit 1)`;

const columns = {
  id: trainingCourses.id,
  schoolId: trainingCourses.schoolId,
  schoolName: organisations.name,
  schoolStatus: organisations.status,
  districtId: organisations.districtId,
  name: trainingCourses.name,
  majorCode: trainingCourses.majorCode,
  majorName,
  hours: trainingCourses.hours,
  mode: trainingCourses.mode,
  trainees: trainingCourses.trainees,
  capacityPerYear: trainingCourses.capacityPerYear,
  status: trainingCourses.status,
  version: trainingCourses.version,
};

const selectCourses = (db: Db | Tx) =>
  db.select(columns).from(trainingCourses).innerJoin(organisations, eq(organisations.id, trainingCourses.schoolId));

const scoped = (access: Access) => scopeWhere(access, { organisationId: trainingCourses.schoolId, districtId: organisations.districtId });

const SORTS: Record<TrainingCourseListQuery['sort'], SQL> = {
  name: asc(trainingCourses.name),
  '-name': desc(trainingCourses.name),
  capacity: asc(trainingCourses.capacityPerYear),
  '-capacity': desc(trainingCourses.capacityPerYear),
};

const strip = ({ schoolStatus: _s, ...c }: TrainingCourse & { schoolStatus: string }): TrainingCourse => c;

export async function listTrainingCourses(db: Db, access: Access, q: TrainingCourseListQuery) {
  const where = and(
    scoped(access),
    q.includeArchived ? undefined : ne(trainingCourses.status, 'archived'),
    q.schoolId ? eq(trainingCourses.schoolId, q.schoolId) : undefined,
    q.majorCode ? eq(trainingCourses.majorCode, q.majorCode) : undefined,
    q.mode ? eq(trainingCourses.mode, q.mode) : undefined,
    q.q ? ilike(trainingCourses.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const [rows, total] = await Promise.all([
    selectCourses(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(trainingCourses.name), asc(trainingCourses.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(trainingCourses)
        .innerJoin(organisations, eq(organisations.id, trainingCourses.schoolId))
        .where(where),
    ),
  ]);
  return { items: rows.map(strip), total, page: q.page, pageSize: q.pageSize };
}

async function getCourse(db: Db | Tx, access: Access, id: string) {
  const [row] = await selectCourses(db).where(and(eq(trainingCourses.id, id), scoped(access)));
  if (!row) throw notFound('培训课程');
  return row;
}

export const getTrainingCourse = async (db: Db, access: Access, id: string) => strip(await getCourse(db, access, id));

/** The field must be a major of the catalogue (any edition), as demands name them. */
async function checkMajor(db: Db | Tx, code: string | undefined) {
  if (code === undefined) return;
  const [m] = await db.select({ code: majors.code }).from(majors).where(eq(majors.code, code)).limit(1);
  if (!m) throw new AppError('VALIDATION_FAILED', `专业代码 ${code} 不在专业目录中`, { fields: { majorCode: '专业代码不在专业目录中' } });
}

const nameTaken = () => new AppError('CONFLICT', '本校已有同名培训课程', { fields: { name: '本校已有同名培训课程' } });

const FIELDS = ['name', 'majorCode', 'hours', 'mode', 'trainees', 'capacityPerYear'] as const;

export async function createTrainingCourse(tx: Tx, audit: Auditor, access: Access, input: TrainingCourseCreate, now: Date) {
  const school = await schoolForWrite(tx, access, input.schoolId);
  await checkMajor(tx, input.majorCode);
  const values = {
    schoolId: school.id,
    name: input.name,
    majorCode: input.majorCode,
    hours: input.hours,
    mode: input.mode,
    trainees: input.trainees ?? null,
    capacityPerYear: input.capacityPerYear,
    createdAt: now,
    updatedAt: now,
  };
  let id: string;
  try {
    const [row] = await tx.insert(trainingCourses).values(values).returning({ id: trainingCourses.id });
    id = row!.id;
  } catch (err) {
    if (uniqueViolation(err) !== null) throw nameTaken();
    throw err;
  }
  const { createdAt: _c, updatedAt: _u, ...after } = values;
  await audit.record({ action: 'create', entityType: 'trainingCourse', entityId: id, after });
  return strip(await getCourse(tx, { kind: 'city' }, id));
}

export async function updateTrainingCourse(tx: Tx, audit: Auditor, access: Access, id: string, change: TrainingCourseUpdate, now: Date) {
  const before = await getCourse(tx, access, id);
  assertNotArchived(before.status === 'archived', '培训课程');
  assertSchoolOpen({ status: before.schoolStatus });
  await checkMajor(tx, change.majorCode);
  const touched = FIELDS.filter((k) => change[k] !== undefined && change[k] !== before[k]);
  const set = Object.fromEntries(touched.map((k) => [k, change[k]]));
  let bumped;
  try {
    bumped = await tx
      .update(trainingCourses)
      .set({ ...set, version: sql`${trainingCourses.version} + 1`, updatedAt: now })
      .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, change.version)))
      .returning({ id: trainingCourses.id });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw nameTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: 'update',
    entityType: 'trainingCourse',
    entityId: id,
    before: Object.fromEntries(touched.map((k) => [k, before[k]])),
    after: set,
  });
  return strip(await getCourse(tx, { kind: 'city' }, id));
}

export async function setTrainingCourseArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
) {
  const before = await getCourse(tx, access, id);
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '培训课程已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '培训课程未归档');
  if (!archived) assertSchoolOpen({ status: before.schoolStatus });
  const bumped = await tx
    .update(trainingCourses)
    .set({ status: archived ? 'archived' : 'active', version: sql`${trainingCourses.version} + 1`, updatedAt: now })
    .where(and(eq(trainingCourses.id, id), eq(trainingCourses.version, version)))
    .returning({ id: trainingCourses.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'trainingCourse',
    entityId: id,
    before: { status: before.status },
    after: { status: archived ? 'archived' : 'active' },
  });
  return strip(await getCourse(tx, { kind: 'city' }, id));
}
