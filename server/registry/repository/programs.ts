import { and, asc, desc, eq, gte, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { practiceShareStanding } from '../../../core/registry/shares.ts';
import type { Program, ProgramCreate, ProgramDetail, ProgramListQuery, ProgramUpdate, ProgramYear } from '../../../contracts/programs.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { catalogueEditions, majors, organisations, programs, programYears } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { reindexEntity } from '../../search/index.ts';
import { countOf } from '../../platform/db/paging.ts';
import { assertNotArchived, assertSchoolOpen, escapeLike, schoolForWrite, uniqueViolation } from '../../platform/registry-guards.ts';
import { planShareRule } from './registry-rules.ts';
import { syncNameSort } from './name-sort.ts';

const studentCount = sql<number>`(select count(*)::int from students s where s.program_id = ${programs.id} and s.status = 'enrolled' and s.archived_at is null)`;

const columns = {
  id: programs.id,
  schoolId: programs.schoolId,
  schoolName: organisations.name,
  schoolStatus: organisations.status,
  districtId: organisations.districtId,
  majorId: programs.majorId,
  majorCode: majors.code,
  majorName: majors.name,
  majorLevel: majors.level,
  edition: catalogueEditions.edition,
  startYear: programs.startYear,
  enrolment: programs.enrolment,
  practiceShare: programs.practiceShare,
  studentCount,
  status: programs.status,
  version: programs.version,
};

function selectPrograms(db: Db | Tx) {
  return db
    .select(columns)
    .from(programs)
    .innerJoin(organisations, eq(organisations.id, programs.schoolId))
    .innerJoin(majors, eq(majors.id, programs.majorId))
    .innerJoin(catalogueEditions, eq(catalogueEditions.id, majors.editionId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPrograms>['where']>>[number];

/** Stored shares are numeric (text from the driver); the plan's minimum comes from the policy file. */
function toProgram(row: Row): Program & { schoolStatus: string } {
  const share = row.practiceShare === null ? null : Number(row.practiceShare);
  return { ...row, practiceShare: share, practiceShareMet: practiceShareStanding(share, planShareRule('practice_teaching_share')).met };
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: programs.schoolId, districtId: organisations.districtId });

const SORTS: Record<ProgramListQuery['sort'], SQL[]> = {
  code: [asc(majors.code)],
  '-code': [desc(majors.code)],
  name: [asc(majors.nameSort)],
  '-name': [desc(majors.nameSort)],
  enrolment: [asc(programs.enrolment)],
  '-enrolment': [desc(programs.enrolment)],
  practiceShare: [sql`${programs.practiceShare} asc nulls last`],
  '-practiceShare': [sql`${programs.practiceShare} desc nulls last`],
};

/** The list's scope and filters: the page and the export select the same programs. */
export function programListWhere(access: Access, q: ProgramListQuery) {
  const minimum = String(planShareRule('practice_teaching_share').value);
  return and(
    scoped(access),
    q.includeArchived ? undefined : ne(programs.status, 'archived'),
    q.schoolId ? eq(programs.schoolId, q.schoolId) : undefined,
    q.majorId ? eq(programs.majorId, q.majorId) : undefined,
    q.majorLevel ? eq(majors.level, q.majorLevel) : undefined,
    q.practiceMet === undefined ? undefined : q.practiceMet ? gte(programs.practiceShare, minimum) : lt(programs.practiceShare, minimum),
    q.q
      ? or(ilike(majors.name, `%${escapeLike(q.q)}%`), eq(majors.code, q.q), ilike(organisations.name, `%${escapeLike(q.q)}%`))
      : undefined,
  );
}

export async function listPrograms(db: Db, access: Access, q: ProgramListQuery) {
  await syncNameSort(db, 'majors');
  await syncNameSort(db, 'organisations');
  const where = programListWhere(access, q);
  const [rows, total] = await Promise.all([
    selectPrograms(db)
      .where(where)
      .orderBy(...SORTS[q.sort], asc(organisations.nameSort), asc(programs.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(programs)
        .innerJoin(organisations, eq(organisations.id, programs.schoolId))
        .innerJoin(majors, eq(majors.id, programs.majorId))
        .where(where),
    ),
  ]);
  return { items: rows.map((r) => stripStatus(toProgram(r))), total, page: q.page, pageSize: q.pageSize };
}

/** A program the access reaches, or NOT_FOUND: another school's program does not exist for the caller. */
export async function getProgram(db: Db | Tx, access: Access, id: string) {
  const [row] = await selectPrograms(db).where(and(eq(programs.id, id), scoped(access)));
  if (!row) throw notFound('开设专业');
  return toProgram(row);
}

async function yearsOf(db: Db | Tx, id: string) {
  return db
    .select({ year: programYears.year, enrolment: programYears.enrolment, graduates: programYears.graduates })
    .from(programYears)
    .where(eq(programYears.programId, id))
    .orderBy(asc(programYears.year));
}

export async function getProgramDetail(db: Db, access: Access, id: string): Promise<ProgramDetail> {
  const { schoolStatus: _s, ...p } = await getProgram(db, access, id);
  return { ...p, years: await yearsOf(db, id), practice: practiceShareStanding(p.practiceShare, planShareRule('practice_teaching_share')) };
}

/** A major entry of any catalogue edition (old editions stay valid), or 400 naming the field. */
async function assertMajor(db: Db | Tx, majorId: string) {
  const [m] = await db.select({ id: majors.id }).from(majors).where(eq(majors.id, majorId));
  if (!m) throw validationFailed({ majorId: '所选专业不在职业教育专业目录中' });
}

const majorTaken = () => new AppError('CONFLICT', '该校已开设此专业', { fields: { majorId: '该校已开设此专业（已归档的可恢复）' } });

async function assertMajorFree(db: Db | Tx, schoolId: string, majorId: string) {
  const [taken] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.schoolId, schoolId), eq(programs.majorId, majorId)));
  if (taken) throw majorTaken();
}

/** The intake lists show: the latest year that records an enrolment. */
function currentEnrolment(years: readonly ProgramYear[]): number | undefined {
  const known = years.filter((y) => y.enrolment != null).sort((a, b) => b.year - a.year);
  return known[0]?.enrolment ?? undefined;
}

async function replaceYears(tx: Tx, id: string, years: readonly ProgramYear[]) {
  await tx.delete(programYears).where(eq(programYears.programId, id));
  if (years.length) {
    await tx
      .insert(programYears)
      .values(years.map((y) => ({ programId: id, year: y.year, enrolment: y.enrolment ?? null, graduates: y.graduates ?? null })));
  }
}

const shareText = (s: number | null | undefined) => (s == null ? null : s.toFixed(3));

export async function createProgram(tx: Tx, audit: Auditor, access: Access, input: ProgramCreate, now: Date) {
  await schoolForWrite(tx, access, input.schoolId);
  await assertMajor(tx, input.majorId);
  await assertMajorFree(tx, input.schoolId, input.majorId);
  const years = input.years ?? [];
  let id: string;
  try {
    const [row] = await tx
      .insert(programs)
      .values({
        schoolId: input.schoolId,
        majorId: input.majorId,
        startYear: input.startYear,
        enrolment: currentEnrolment(years) ?? 0,
        practiceShare: shareText(input.practiceShare),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: programs.id });
    id = row!.id;
  } catch (err) {
    if (uniqueViolation(err) !== null) throw majorTaken();
    throw err;
  }
  await replaceYears(tx, id, years);
  const after = await getProgram(tx, { kind: 'city' }, id);
  await audit.record({
    action: 'create',
    entityType: 'program',
    entityId: id,
    after: { ...auditable(after), years: await yearsOf(tx, id) },
  });
  await reindexEntity(tx, 'program', id);
  return stripStatus(after);
}

export async function updateProgram(tx: Tx, audit: Auditor, access: Access, id: string, change: ProgramUpdate, now: Date) {
  const before = await getProgram(tx, access, id);
  assertNotArchived(before.status === 'archived', '开设专业');
  assertSchoolOpen({ status: before.schoolStatus });
  if (change.majorId !== undefined && change.majorId !== before.majorId) {
    await assertMajor(tx, change.majorId);
    await assertMajorFree(tx, before.schoolId, change.majorId);
  }
  const yearsBefore = await yearsOf(tx, id);
  const enrolment = change.years ? currentEnrolment(change.years) : undefined;
  let bumped;
  try {
    bumped = await tx
      .update(programs)
      .set({
        version: sql`${programs.version} + 1`,
        updatedAt: now,
        ...(change.majorId !== undefined && { majorId: change.majorId }),
        ...(change.startYear !== undefined && { startYear: change.startYear }),
        ...(change.practiceShare !== undefined && { practiceShare: shareText(change.practiceShare) }),
        ...(enrolment !== undefined && { enrolment }),
      })
      .where(and(eq(programs.id, id), eq(programs.version, change.version)))
      .returning({ id: programs.id });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw majorTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  if (change.years) await replaceYears(tx, id, change.years);
  const after = await getProgram(tx, { kind: 'city' }, id);
  const touched = Object.keys(change).filter((k) => k !== 'version' && k !== 'years');
  const pickOf = (p: Program) => Object.fromEntries(touched.map((k) => [k, p[k as keyof Program]]));
  await audit.record({
    action: 'update',
    entityType: 'program',
    entityId: id,
    before: { ...pickOf(before), ...(change.years && { years: yearsBefore }) },
    after: { ...pickOf(after), ...(change.years && { years: await yearsOf(tx, id) }) },
  });
  await reindexEntity(tx, 'program', id);
  return stripStatus(after);
}

/**
 * Archive instead of delete: students and major groups refer to the program; they keep pointing at it,
 * and it stays readable with `includeArchived`.
 */
export async function setProgramArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
) {
  const before = await getProgram(tx, access, id);
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '开设专业已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '开设专业未归档');
  if (!archived) assertSchoolOpen({ status: before.schoolStatus });
  const bumped = await tx
    .update(programs)
    .set({ status: archived ? 'archived' : 'active', version: sql`${programs.version} + 1`, updatedAt: now })
    .where(and(eq(programs.id, id), eq(programs.version, version)))
    .returning({ id: programs.id });
  if (!bumped.length) throw versionConflict();
  const after = await getProgram(tx, { kind: 'city' }, id);
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'program',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  await reindexEntity(tx, 'program', id);
  return stripStatus(after);
}

const stripStatus = ({ schoolStatus: _s, ...p }: Program & { schoolStatus: string }): Program => p;

function auditable(p: Program): Record<string, unknown> {
  return { schoolId: p.schoolId, majorId: p.majorId, startYear: p.startYear, enrolment: p.enrolment, practiceShare: p.practiceShare };
}
