import { and, asc, desc, eq, ilike, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { inScope, type Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldErrors } from '../../../core/errors.ts';
import type {
  MajorGroup,
  MajorGroupCreate,
  MajorGroupDetail,
  MajorGroupListQuery,
  MajorGroupUpdate,
} from '../../../contracts/major-groups.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { industryClusters, majorGroupPrograms, majorGroups, majors, organisations, programs } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { assertNotArchived, assertSchoolOpen, escapeLike, schoolForWrite, uniqueViolation } from '../../platform/registry-guards.ts';
import { syncNameSort } from './name-sort.ts';

const columns = {
  id: majorGroups.id,
  schoolId: majorGroups.schoolId,
  schoolName: organisations.name,
  schoolStatus: organisations.status,
  districtId: organisations.districtId,
  name: majorGroups.name,
  clusterCode: majorGroups.clusterCode,
  clusterName: industryClusters.name,
  keyMajor: majorGroups.keyMajor,
  programCount: sql<number>`(select count(*)::int from major_group_programs gp where gp.group_id = ${majorGroups.id})`,
  status: majorGroups.status,
  version: majorGroups.version,
};

function selectGroups(db: Db | Tx) {
  return db
    .select(columns)
    .from(majorGroups)
    .innerJoin(organisations, eq(organisations.id, majorGroups.schoolId))
    .innerJoin(industryClusters, eq(industryClusters.code, majorGroups.clusterCode));
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: majorGroups.schoolId, districtId: organisations.districtId });

const SORTS: Record<MajorGroupListQuery['sort'], SQL> = {
  name: asc(majorGroups.nameSort),
  '-name': desc(majorGroups.nameSort),
  cluster: asc(industryClusters.sortOrder),
  '-cluster': desc(industryClusters.sortOrder),
};

const strip = ({ schoolStatus: _s, ...g }: MajorGroup & { schoolStatus: string }): MajorGroup => g;

export async function listMajorGroups(db: Db, access: Access, q: MajorGroupListQuery) {
  await syncNameSort(db, 'majorGroups');
  const where = and(
    scoped(access),
    q.includeArchived ? undefined : ne(majorGroups.status, 'archived'),
    q.schoolId ? eq(majorGroups.schoolId, q.schoolId) : undefined,
    q.clusterCode ? eq(majorGroups.clusterCode, q.clusterCode) : undefined,
    q.keyMajor !== undefined ? eq(majorGroups.keyMajor, q.keyMajor) : undefined,
    q.q ? ilike(majorGroups.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const [rows, total] = await Promise.all([
    selectGroups(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(majorGroups.nameSort), asc(majorGroups.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(majorGroups)
        .innerJoin(organisations, eq(organisations.id, majorGroups.schoolId))
        .where(where),
    ),
  ]);
  return { items: rows.map(strip), total, page: q.page, pageSize: q.pageSize };
}

export async function getMajorGroup(db: Db | Tx, access: Access, id: string) {
  const [row] = await selectGroups(db).where(and(eq(majorGroups.id, id), scoped(access)));
  if (!row) throw notFound('专业群');
  return row;
}

async function membersOf(db: Db | Tx, id: string) {
  return db
    .select({
      id: programs.id,
      majorCode: majors.code,
      majorName: majors.name,
      status: programs.status,
      inCluster: sql<boolean>`exists (select 1 from cluster_majors cm where cm.cluster_code = ${majorGroups.clusterCode} and cm.major_code = ${majors.code})`,
    })
    .from(majorGroupPrograms)
    .innerJoin(majorGroups, eq(majorGroups.id, majorGroupPrograms.groupId))
    .innerJoin(programs, eq(programs.id, majorGroupPrograms.programId))
    .innerJoin(majors, eq(majors.id, programs.majorId))
    .where(eq(majorGroupPrograms.groupId, id))
    .orderBy(asc(majors.code));
}

export async function getMajorGroupDetail(db: Db, access: Access, id: string): Promise<MajorGroupDetail> {
  const g = strip(await getMajorGroup(db, access, id));
  return { ...g, programs: await membersOf(db, id) };
}

/** The cluster and the member programs (active, of the group's school), every problem at once. */
async function checkRefs(db: Db | Tx, schoolId: string, clusterCode: string | undefined, programIds: readonly string[] | undefined) {
  const fields: FieldErrors = {};
  if (clusterCode !== undefined) {
    const [c] = await db.select({ code: industryClusters.code }).from(industryClusters).where(eq(industryClusters.code, clusterCode));
    if (!c) fields.clusterCode = `产业集群“${clusterCode}”不是《实施方案》列出的产业集群`;
  }
  if (programIds?.length) {
    const found = await db
      .select({ id: programs.id })
      .from(programs)
      .where(and(inArray(programs.id, [...programIds]), eq(programs.schoolId, schoolId), eq(programs.status, 'active')));
    const ok = new Set(found.map((p) => p.id));
    programIds.forEach((pid, i) => {
      if (!ok.has(pid)) fields[`programIds.${i}`] = '该专业不是本校在办的开设专业';
    });
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

function assertMayDesignate(designate: Access, schoolId: string, districtId: string | null) {
  if (!inScope(designate, { organisationId: schoolId, districtId })) {
    throw new AppError('FORBIDDEN', '产教融合型重点专业（群）由市教育局认定', {
      fields: { keyMajor: '产教融合型重点专业（群）由市教育局认定' },
    });
  }
}

const nameTaken = () => new AppError('CONFLICT', '本校已有同名专业群', { fields: { name: '本校已有同名专业群' } });

async function replaceMembers(tx: Tx, id: string, programIds: readonly string[]) {
  await tx.delete(majorGroupPrograms).where(eq(majorGroupPrograms.groupId, id));
  if (programIds.length) await tx.insert(majorGroupPrograms).values(programIds.map((programId) => ({ groupId: id, programId })));
}

const memberIds = async (db: Db | Tx, id: string) =>
  (await db.select({ id: majorGroupPrograms.programId }).from(majorGroupPrograms).where(eq(majorGroupPrograms.groupId, id)))
    .map((r) => r.id)
    .sort();

export async function createMajorGroup(tx: Tx, audit: Auditor, access: Access, designate: Access, input: MajorGroupCreate, now: Date) {
  const school = await schoolForWrite(tx, access, input.schoolId);
  if (input.keyMajor) assertMayDesignate(designate, school.id, school.districtId);
  await checkRefs(tx, school.id, input.clusterCode, input.programIds);
  let id: string;
  try {
    const [row] = await tx
      .insert(majorGroups)
      .values({
        schoolId: school.id,
        name: input.name,
        clusterCode: input.clusterCode,
        keyMajor: input.keyMajor ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: majorGroups.id });
    id = row!.id;
  } catch (err) {
    if (uniqueViolation(err) !== null) throw nameTaken();
    throw err;
  }
  await replaceMembers(tx, id, input.programIds);
  const after = strip(await getMajorGroup(tx, { kind: 'city' }, id));
  await audit.record({
    action: 'create',
    entityType: 'majorGroup',
    entityId: id,
    after: {
      schoolId: after.schoolId,
      name: after.name,
      clusterCode: after.clusterCode,
      keyMajor: after.keyMajor,
      programIds: await memberIds(tx, id),
    },
  });
  return after;
}

export async function updateMajorGroup(
  tx: Tx,
  audit: Auditor,
  access: Access,
  designate: Access,
  id: string,
  change: MajorGroupUpdate,
  now: Date,
) {
  const before = await getMajorGroup(tx, access, id);
  if (change.keyMajor !== undefined && change.keyMajor !== before.keyMajor)
    assertMayDesignate(designate, before.schoolId, before.districtId);
  assertNotArchived(before.status === 'archived', '专业群');
  assertSchoolOpen({ status: before.schoolStatus });
  await checkRefs(tx, before.schoolId, change.clusterCode, change.programIds);
  const membersBefore = await memberIds(tx, id);
  let bumped;
  try {
    bumped = await tx
      .update(majorGroups)
      .set({
        version: sql`${majorGroups.version} + 1`,
        updatedAt: now,
        ...(change.name !== undefined && { name: change.name }),
        ...(change.clusterCode !== undefined && { clusterCode: change.clusterCode }),
        ...(change.keyMajor !== undefined && { keyMajor: change.keyMajor }),
      })
      .where(and(eq(majorGroups.id, id), eq(majorGroups.version, change.version)))
      .returning({ id: majorGroups.id });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw nameTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  if (change.programIds) await replaceMembers(tx, id, change.programIds);
  const after = strip(await getMajorGroup(tx, { kind: 'city' }, id));
  const touched = (['name', 'clusterCode', 'keyMajor'] as const).filter((k) => change[k] !== undefined);
  const view = (g: MajorGroup) => Object.fromEntries(touched.map((k) => [k, g[k]]));
  await audit.record({
    action: 'update',
    entityType: 'majorGroup',
    entityId: id,
    before: { ...view(strip(before)), ...(change.programIds && { programIds: membersBefore }) },
    after: { ...view(after), ...(change.programIds && { programIds: await memberIds(tx, id) }) },
  });
  return after;
}

/** Archive keeps the group and its member list (the plan's key-major count reads them by year). */
export async function setMajorGroupArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
) {
  const before = await getMajorGroup(tx, access, id);
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '专业群已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '专业群未归档');
  if (!archived) assertSchoolOpen({ status: before.schoolStatus });
  const bumped = await tx
    .update(majorGroups)
    .set({ status: archived ? 'archived' : 'active', version: sql`${majorGroups.version} + 1`, updatedAt: now })
    .where(and(eq(majorGroups.id, id), eq(majorGroups.version, version)))
    .returning({ id: majorGroups.id });
  if (!bumped.length) throw versionConflict();
  const after = strip(await getMajorGroup(tx, { kind: 'city' }, id));
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'majorGroup',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  return after;
}
