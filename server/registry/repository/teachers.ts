import { and, asc, desc, eq, ilike, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { enterprisePracticeStanding } from '../../../core/registry/teacher-practice.ts';
import type {
  DualQualifiedEvidence,
  Teacher,
  TeacherCreate,
  TeacherDetail,
  TeacherListQuery,
  TeacherUpdate,
} from '../../../contracts/teachers.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, teacherIdNumbers, teachers } from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { assertNotArchived, assertSchoolOpen, escapeLike, schoolForWrite } from '../../platform/registry-guards.ts';
import { planPracticeRule } from './registry-rules.ts';
import { checkTeacherIdNumber, setTeacherIdNumber, storedTeacherIdIndex } from './teacher-identity.ts';
import { checkPeriods, periodsForAudit, periodsOf, replacePeriods } from './teacher-periods.ts';
import { syncNameSort } from './name-sort.ts';

const columns = {
  id: teachers.id,
  schoolId: teachers.schoolId,
  schoolName: organisations.name,
  schoolStatus: organisations.status,
  districtId: organisations.districtId,
  name: teachers.name,
  employment: teachers.employment,
  subject: teachers.subject,
  subjectName: teachers.subjectName,
  dualQualified: teachers.dualQualified,
  hasAccount: sql<boolean>`${teachers.userId} is not null`,
  status: teachers.status,
  version: teachers.version,
  certificateName: teachers.dualCertificateName,
  certificateNumber: teachers.dualCertificateNumber,
  issuer: teachers.dualCertificateIssuer,
  issuedOn: teachers.dualCertificateDate,
};

function selectTeachers(db: Db | Tx) {
  return db.select(columns).from(teachers).innerJoin(organisations, eq(organisations.id, teachers.schoolId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectTeachers>['where']>>[number];

function toTeacher({ schoolStatus: _s, certificateName: _c, certificateNumber: _n, issuer: _i, issuedOn: _d, ...t }: Row): Teacher {
  return t;
}

function evidenceOf(r: Row): TeacherDetail['dualQualifiedEvidence'] {
  if (r.certificateName === null) return null;
  return { certificateName: r.certificateName, certificateNumber: r.certificateNumber, issuer: r.issuer, issuedOn: r.issuedOn };
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: teachers.schoolId, districtId: organisations.districtId });

const SORTS: Record<TeacherListQuery['sort'], SQL> = {
  name: asc(teachers.nameSort),
  '-name': desc(teachers.nameSort),
  updated: asc(teachers.updatedAt),
  '-updated': desc(teachers.updatedAt),
};

/** The list's scope and filters: the page and the export select the same teachers. */
export function teacherListWhere(access: Access, q: TeacherListQuery) {
  return and(
    scoped(access),
    q.includeArchived ? undefined : ne(teachers.status, 'archived'),
    q.schoolId ? eq(teachers.schoolId, q.schoolId) : undefined,
    q.employment ? eq(teachers.employment, q.employment) : undefined,
    q.subject ? eq(teachers.subject, q.subject) : undefined,
    q.dualQualified !== undefined ? eq(teachers.dualQualified, q.dualQualified) : undefined,
    q.hasAccount === undefined ? undefined : q.hasAccount ? isNotNull(teachers.userId) : isNull(teachers.userId),
    q.q ? ilike(teachers.name, `%${escapeLike(q.q)}%`) : undefined,
  );
}

export async function listTeachers(db: Db, access: Access, q: TeacherListQuery) {
  await syncNameSort(db, 'teachers');
  const where = teacherListWhere(access, q);
  const [rows, total] = await Promise.all([
    selectTeachers(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(teachers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(teachers)
        .innerJoin(organisations, eq(organisations.id, teachers.schoolId))
        .where(where),
    ),
  ]);
  return { items: rows.map(toTeacher), total, page: q.page, pageSize: q.pageSize };
}

async function getRow(db: Db | Tx, access: Access, id: string): Promise<Row> {
  const [row] = await selectTeachers(db).where(and(eq(teachers.id, id), scoped(access)));
  if (!row) throw notFound('教师');
  return row;
}

/** The record with its evidence, its periods and the 1-year-in-5 standing on `asOf` (rule from the policy file). */
export async function getTeacherDetail(db: Db, access: Access, id: string, asOf: string): Promise<TeacherDetail> {
  const row = await getRow(db, access, id);
  const periods = await periodsOf(db, id);
  const [masked] = await db
    .select({ value: teacherIdNumbers.idNumberMasked })
    .from(teacherIdNumbers)
    .where(eq(teacherIdNumbers.teacherId, id));
  return {
    ...toTeacher(row),
    dualQualifiedEvidence: evidenceOf(row),
    practicePeriods: periods,
    idNumberMasked: masked?.value ?? null,
    enterprisePractice: enterprisePracticeStanding(
      periods.map((p) => ({ start: p.startDate, end: p.endDate })),
      asOf,
      planPracticeRule(),
    ),
  };
}

const evidenceRequired = () => validationFailed({ dualQualifiedEvidence: '认定为“双师型”教师须填写证书名称等佐证信息' });

const evidenceColumns = (e: DualQualifiedEvidence | null) => ({
  dualCertificateName: e?.certificateName ?? null,
  dualCertificateNumber: e?.certificateNumber ?? null,
  dualCertificateIssuer: e?.issuer ?? null,
  dualCertificateDate: e?.issuedOn ?? null,
});

function auditView(row: Row): Record<string, unknown> {
  return {
    schoolId: row.schoolId,
    name: row.name,
    employment: row.employment,
    subject: row.subject,
    subjectName: row.subjectName,
    dualQualified: row.dualQualified,
    dualQualifiedEvidence: evidenceOf(row),
  };
}

/** The ID number enters the audit log only as its blind index, redacted ("changed"). */
const PERSONAL = ['idNumber'] as const;

export async function createTeacher(
  tx: Tx,
  audit: Auditor,
  access: Access,
  input: TeacherCreate,
  now: Date,
  pii: PiiCipher,
): Promise<Teacher> {
  await schoolForWrite(tx, access, input.schoolId);
  if (input.dualQualified && !input.dualQualifiedEvidence) throw evidenceRequired();
  const idNumber = input.idNumber ? checkTeacherIdNumber(input.idNumber, now) : null;
  await checkPeriods(tx, input.practicePeriods);
  const [row] = await tx
    .insert(teachers)
    .values({
      schoolId: input.schoolId,
      name: input.name,
      employment: input.employment,
      subject: input.subject,
      subjectName: input.subjectName ?? null,
      dualQualified: input.dualQualified,
      ...evidenceColumns(input.dualQualifiedEvidence ?? null),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: teachers.id });
  const id = row!.id;
  await replacePeriods(tx, id, input.practicePeriods);
  const idIndex = idNumber ? await setTeacherIdNumber(tx, pii, id, idNumber) : null;
  const after = await getRow(tx, { kind: 'city' }, id);
  await audit.record({
    action: 'create',
    entityType: 'teacher',
    entityId: id,
    redact: PERSONAL,
    after: { ...auditView(after), practicePeriods: await periodsForAudit(tx, id), ...(idIndex && { idNumber: idIndex }) },
  });
  return toTeacher(after);
}

export async function updateTeacher(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  change: TeacherUpdate,
  now: Date,
  pii: PiiCipher,
): Promise<Teacher> {
  const before = await getRow(tx, access, id);
  assertNotArchived(before.status === 'archived', '教师');
  assertSchoolOpen({ status: before.schoolStatus });
  // Checked only when the edit touches the status or its evidence: records imported without evidence stay editable.
  if (change.dualQualified !== undefined || change.dualQualifiedEvidence !== undefined) {
    const dual = change.dualQualified ?? before.dualQualified;
    const evidence = change.dualQualifiedEvidence !== undefined ? change.dualQualifiedEvidence : evidenceOf(before);
    if (dual && !evidence) throw evidenceRequired();
  }
  if (change.practicePeriods) await checkPeriods(tx, change.practicePeriods);
  const newIdNumber = change.idNumber ? checkTeacherIdNumber(change.idNumber, now) : change.idNumber;
  const periodsBefore = change.practicePeriods ? await periodsForAudit(tx, id) : null;
  const idBefore = newIdNumber !== undefined ? await storedTeacherIdIndex(tx, id) : null;
  const { version, practicePeriods, dualQualifiedEvidence, idNumber: _id, ...facts } = change;
  const bumped = await tx
    .update(teachers)
    .set({
      ...facts,
      ...(dualQualifiedEvidence !== undefined && evidenceColumns(dualQualifiedEvidence)),
      version: sql`${teachers.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(teachers.id, id), eq(teachers.version, version)))
    .returning({ id: teachers.id });
  if (!bumped.length) throw versionConflict();
  if (practicePeriods) await replacePeriods(tx, id, practicePeriods);
  const idAfter = newIdNumber !== undefined ? await setTeacherIdNumber(tx, pii, id, newIdNumber) : null;
  const after = await getRow(tx, { kind: 'city' }, id);
  const touched = Object.keys(change).filter((k) => k !== 'version' && k !== 'practicePeriods' && k !== 'idNumber');
  const view = (r: Row) => {
    const v = auditView(r);
    return Object.fromEntries(touched.map((k) => [k, v[k]]));
  };
  await audit.record({
    action: 'update',
    entityType: 'teacher',
    entityId: id,
    redact: PERSONAL,
    before: {
      ...view(before),
      ...(periodsBefore && { practicePeriods: periodsBefore }),
      ...(newIdNumber !== undefined && { idNumber: idBefore }),
    },
    after: {
      ...view(after),
      ...(practicePeriods && { practicePeriods: await periodsForAudit(tx, id) }),
      ...(newIdNumber !== undefined && { idNumber: idAfter }),
    },
  });
  return toTeacher(after);
}

/** Archive instead of delete: the teacher's account, practice periods and audit rows keep referring to it. */
export async function setTeacherArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
): Promise<Teacher> {
  const before = await getRow(tx, access, id);
  if (archived && before.status === 'archived') throw new AppError('CONFLICT', '教师已归档');
  if (!archived && before.status !== 'archived') throw new AppError('CONFLICT', '教师未归档');
  if (!archived) assertSchoolOpen({ status: before.schoolStatus });
  const bumped = await tx
    .update(teachers)
    .set({ status: archived ? 'archived' : 'active', version: sql`${teachers.version} + 1`, updatedAt: now })
    .where(and(eq(teachers.id, id), eq(teachers.version, version)))
    .returning({ id: teachers.id });
  if (!bumped.length) throw versionConflict();
  const after = await getRow(tx, { kind: 'city' }, id);
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'teacher',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  return toTeacher(after);
}
