import { sql, type SQL } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { checkDestination, groupOf, notGraduatedReason, type DestinationInput, type StudentFacts } from '../../../core/graduates/index.ts';
import type {
  ConfirmationBody,
  CorrectionBody,
  Destination,
  DestinationPut,
  GraduateListQuery,
  GraduateRow,
} from '../../../contracts/graduates.ts';
import { graduatesPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { graduateDestinations, organisations, students } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { deliverToOrganisations } from '../../platform/notifications.ts';

/**
 * 毕业去向: the school's list of its graduates, the form's write (one row per graduate per survey point), the
 * employer's confirmation and the student's correction. Every query is filtered by the caller's scope, so another
 * school's graduate or another enterprise's employee is simply not found (404).
 */
type Row = Record<string, unknown>;

const categoryName = (code: string) => policy.categories.find((c) => c.code === code)?.name ?? code;

/** The expected graduation year of a student without a recorded one: cohort plus the level's 基本修业年限. */
export const expectedYearSql = (cohort: SQL, level: SQL) =>
  sql`(${cohort} + case ${level} ${sql.join(
    Object.entries(policy.studyYears).map(([l, y]) => sql`when ${l} then ${y}::int`),
    sql` `,
  )} else 3 end)`;

const DESTINATION_COLUMNS = sql`d.id, d.student_id as "studentId", d.school_id as "schoolId", d.graduation_year as "graduationYear",
  d.survey_point as "surveyPoint", d.category_code as "categoryCode", d.category_group as "categoryGroup",
  d.employer_name as "employerName", d.employer_organisation_id as "employerOrganisationId", d.industry_code as "industryCode",
  (select i.name from industries i where i.code = d.industry_code limit 1) as "industryName",
  d.study_school as "studySchool", d.study_level as "studyLevel", d.study_full_time as "studyFullTime",
  d.location_district_id as "districtId", ld.name as "districtName", d.in_zhengzhou as "inZhengzhou", d.note,
  d.confirmation, d.confirmation_note as "confirmationNote", d.confirmed_at as "confirmedAt", d.correction,
  d.correction_at as "correctionAt", d.version`;

function toDestination(r: Row): Destination {
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    ...(r as unknown as Destination),
    categoryName: categoryName(r.categoryCode as string),
    confirmedAt: iso(r.confirmedAt),
    correctionAt: iso(r.correctionAt),
  };
}

/** The caller's scope over students (their school, its district, the student him/herself). */
const studentScope = (access: Access) =>
  scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId, userId: students.userId }) ?? sql`true`;

export async function listGraduates(db: Db, access: Access, q: GraduateListQuery) {
  const year = sql`coalesce((select min(g.graduation_year) from graduate_destinations g where g.student_id = students.id), ${expectedYearSql(sql`students.cohort`, sql`sc.level`)})`;
  const state =
    q.state === 'recorded'
      ? sql`d.id is not null`
      : q.state === 'missing'
        ? sql`d.id is null`
        : q.state === 'correction'
          ? sql`d.correction is not null`
          : sql`true`;
  const from = sql`from students join organisations on organisations.id = students.school_id join schools sc on sc.organisation_id = students.school_id
    left join graduate_destinations d on d.student_id = students.id and d.survey_point = ${q.surveyPoint}
    left join organisations ld on ld.id = d.location_district_id
    left join programs p on p.id = students.program_id left join majors m on m.id = p.major_id
    where students.status = 'graduated' and students.archived_at is null and ${studentScope(access)}
      and ${q.schoolId ? sql`students.school_id = ${q.schoolId}` : sql`true`}
      and ${q.graduationYear ? sql`${year} = ${q.graduationYear}` : sql`true`} and ${state}`;
  const [items, [count]] = await Promise.all([
    rows<Row>(
      db,
      sql`select students.id as "sid", students.name as "sname", students.id_number_masked as "idNumberMasked", students.school_id as "sschool",
        organisations.name as "schoolName", m.code as "majorCode", m.name as "majorName", students.cohort, ${year} as "gyear",
        ${DESTINATION_COLUMNS} ${from}
        order by d.correction is null, d.id is not null, students.name_sort, students.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n ${from}`),
  ]);
  return {
    items: items.map((r): GraduateRow => ({
      studentId: r.sid as string,
      name: r.sname as string,
      idNumberMasked: r.idNumberMasked as string,
      schoolId: r.sschool as string,
      schoolName: r.schoolName as string,
      majorCode: (r.majorCode as string) ?? null,
      majorName: (r.majorName as string) ?? null,
      cohort: r.cohort as number,
      graduationYear: r.gyear as number,
      destination: r.id ? toDestination(r) : null,
    })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

interface StudentInScope extends StudentFacts {
  id: string;
  name: string;
  schoolId: string;
  schoolName: string;
  districtId: string | null;
  programId: string | null;
  userId: string | null;
  level: string;
}

async function studentInScope(db: Db | Tx, access: Access, studentId: string): Promise<StudentInScope> {
  const [s] = await rows<StudentInScope>(
    db,
    sql`select students.id, students.name, students.school_id as "schoolId", organisations.name as "schoolName",
      organisations.district_id as "districtId", students.program_id as "programId", students.user_id as "userId",
      students.status, students.cohort, sc.level
    from students join organisations on organisations.id = students.school_id join schools sc on sc.organisation_id = students.school_id
    where students.id = ${studentId} and students.archived_at is null and ${studentScope(access)}`,
  );
  if (!s) throw notFound('学生');
  return s;
}

/** What the rules look up: the Zhengzhou districts of the catalogue and the GB/T 4754 codes. */
export async function destinationLookups(db: Db | Tx, d: { districtId?: string | null; industryCode?: string | null }) {
  const [districts, industries] = await Promise.all([
    d.districtId ? rows<{ id: string }>(db, sql`select id from organisations where kind = 'district' and id = ${d.districtId}`) : [],
    d.industryCode ? rows<{ code: string }>(db, sql`select code from industries where code = ${d.industryCode} limit 1`) : [],
  ]);
  return { district: (id: string) => districts.some((x) => x.id === id), industry: (c: string) => industries.some((x) => x.code === c) };
}

async function destinationsOf(db: Db | Tx, where: SQL): Promise<Destination[]> {
  const found = await rows<Row>(
    db,
    sql`select ${DESTINATION_COLUMNS} from graduate_destinations d left join organisations ld on ld.id = d.location_district_id where ${where}
      order by case d.survey_point when 'graduation' then 0 when 'sixMonths' then 1 else 2 end`,
  );
  return found.map(toDestination);
}

export async function getGraduate(db: Db, access: Access, studentId: string) {
  const s = await studentInScope(db, access, studentId);
  const items = await destinationsOf(db, sql`d.student_id = ${s.id}`);
  const graduationYear = items[0]?.graduationYear ?? s.cohort + (policy.studyYears[s.level as keyof typeof policy.studyYears] ?? 3);
  return { studentId: s.id, name: s.name, schoolName: s.schoolName, graduationYear, items };
}

/** The employer named: an active enterprise on the platform (its name is then the register's). */
async function employerOf(db: Db | Tx, id: string | null | undefined) {
  if (!id) return null;
  const [e] = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where id = ${id} and kind = 'enterprise' and status = 'active'`,
  );
  if (!e) throw validationFailed({ employerOrganisationId: '就业单位不是平台上的在册企业' });
  return e;
}

export type DestinationValues = {
  graduationYear: number;
  categoryCode: string;
  categoryGroup: string;
  employerName: string | null;
  employerOrganisationId: string | null;
  industryCode: string | null;
  studySchool: string | null;
  studyLevel: string | null;
  studyFullTime: boolean | null;
  locationDistrictId: string | null;
  inZhengzhou: boolean;
  note: string | null;
};

/** The stored values of a checked destination (the employer's register name when it is on the platform). */
export function valuesOf(d: Omit<DestinationInput, 'surveyPoint'>, employer: { id: string; name: string } | null): DestinationValues {
  return {
    graduationYear: d.graduationYear,
    categoryCode: d.categoryCode,
    categoryGroup: groupOf(policy, d.categoryCode)!,
    employerName: employer?.name ?? d.employerName ?? null,
    employerOrganisationId: employer?.id ?? null,
    industryCode: d.industryCode ?? null,
    studySchool: d.studySchool ?? null,
    studyLevel: d.studyLevel ?? null,
    studyFullTime: d.studyFullTime ?? null,
    locationDistrictId: d.districtId ?? null,
    inZhengzhou: !!d.districtId,
    note: d.note ?? null,
  };
}

/** The graduation year is one per graduate: every survey point's row must carry the same. */
export async function otherPointsYear(db: Db | Tx, studentId: string, point: string): Promise<number | null> {
  const [r] = await rows<{ y: number }>(
    db,
    sql`select graduation_year as y from graduate_destinations where student_id = ${studentId} and survey_point <> ${point} limit 1`,
  );
  return r?.y ?? null;
}

export async function putDestination(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  studentId: string,
  point: 'graduation' | 'sixMonths' | 'oneYear',
  body: DestinationPut,
  now: Date,
): Promise<Destination> {
  const s = await studentInScope(tx, access, studentId);
  const why = notGraduatedReason(s);
  if (why) throw new AppError('RULE_VIOLATION', why, { fields: { studentId: why } });
  const fields = checkDestination(
    policy,
    { ...body, surveyPoint: point },
    s,
    await destinationLookups(tx, body),
    Number(todayOf(now).slice(0, 4)),
  );
  const otherYear = await otherPointsYear(tx, s.id, point);
  if (otherYear !== null && otherYear !== body.graduationYear && !fields.graduationYear)
    fields.graduationYear = `该毕业生其他调查时点登记的毕业年份为${otherYear}年，同一毕业生的毕业年份须一致`;
  if (Object.keys(fields).length) throw validationFailed(fields);
  const employer = await employerOf(tx, body.employerOrganisationId);
  const values = valuesOf(body, employer);
  const [before] = await rows<Row>(
    tx,
    sql`select * from graduate_destinations where student_id = ${s.id} and survey_point = ${point} for update`,
  );
  const confirmation = values.employerOrganisationId ? 'pending' : 'none';
  if (!before) {
    const [created] = await tx
      .insert(graduateDestinations)
      .values({
        studentId: s.id,
        schoolId: s.schoolId,
        districtId: s.districtId,
        programId: s.programId,
        surveyPoint: point,
        ...values,
        confirmation,
        enteredBy: userId,
      })
      .returning({ id: graduateDestinations.id });
    await audit.record({
      action: 'create',
      entityType: 'graduateDestination',
      entityId: created!.id,
      after: { studentId: s.id, surveyPoint: point, ...values },
    });
  } else {
    if (body.version === undefined || body.version !== before.version) throw versionConflict();
    const employerChanged = before.employer_organisation_id !== values.employerOrganisationId;
    await tx.execute(sql`update graduate_destinations set graduation_year = ${values.graduationYear}, category_code = ${values.categoryCode},
      category_group = ${values.categoryGroup}, employer_name = ${values.employerName}, employer_organisation_id = ${values.employerOrganisationId},
      industry_code = ${values.industryCode}, study_school = ${values.studySchool}, study_level = ${values.studyLevel},
      study_full_time = ${values.studyFullTime}, location_district_id = ${values.locationDistrictId}, in_zhengzhou = ${values.inZhengzhou},
      note = ${values.note}, program_id = ${s.programId}, entered_by = ${userId},
      ${employerChanged ? sql`confirmation = ${confirmation}, confirmed_at = null, confirmed_by = null, confirmation_note = null,` : sql``}
      correction = null, correction_at = null, version = version + 1, updated_at = now()
      where id = ${before.id as string}`);
    await audit.record({
      action: 'update',
      entityType: 'graduateDestination',
      entityId: before.id as string,
      before: pick(before),
      after: { ...values, correction: null },
    });
  }
  const [saved] = await destinationsOf(tx, sql`d.student_id = ${s.id} and d.survey_point = ${point}`);
  if (saved!.employerOrganisationId && saved!.confirmation === 'pending')
    await askEmployerToConfirm(tx, [
      {
        destinationId: saved!.id,
        employerId: saved!.employerOrganisationId,
        schoolName: s.schoolName,
        graduationYear: saved!.graduationYear,
      },
    ]);
  return saved!;
}

function pick(r: Row) {
  return {
    graduationYear: r.graduation_year,
    categoryCode: r.category_code,
    categoryGroup: r.category_group,
    employerName: r.employer_name,
    employerOrganisationId: r.employer_organisation_id,
    industryCode: r.industry_code,
    studySchool: r.study_school,
    studyLevel: r.study_level,
    studyFullTime: r.study_full_time,
    locationDistrictId: r.location_district_id,
    inZhengzhou: r.in_zhengzhou,
    note: r.note,
    correction: r.correction,
  };
}

/** The enterprise's graduates to confirm: destinations naming it as employer (its scope is its organisation). */
const employerScope = (access: Access) => scopeWhere(access, { organisationId: graduateDestinations.employerOrganisationId }) ?? sql`true`;

export async function listConfirmations(db: Db, access: Access, q: { page: number; pageSize: number; confirmation?: string }) {
  const where = sql`graduate_destinations.employer_organisation_id is not null and ${employerScope(access)}
    and ${q.confirmation ? sql`graduate_destinations.confirmation = ${q.confirmation}` : sql`true`}`;
  const [items, [count]] = await Promise.all([
    rows<Row>(
      db,
      sql`select graduate_destinations.id, s.name, o.name as "schoolName", m.name as "majorName", graduate_destinations.graduation_year as "graduationYear",
        graduate_destinations.survey_point as "surveyPoint", graduate_destinations.category_code as "categoryCode",
        graduate_destinations.employer_name as "employerName", graduate_destinations.confirmation,
        graduate_destinations.confirmation_note as "confirmationNote", graduate_destinations.version
      from graduate_destinations join students s on s.id = graduate_destinations.student_id join organisations o on o.id = graduate_destinations.school_id
      left join programs p on p.id = graduate_destinations.program_id left join majors m on m.id = p.major_id
      where ${where} order by graduate_destinations.confirmation <> 'pending', graduate_destinations.graduation_year desc, s.name_sort, graduate_destinations.id
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from graduate_destinations where ${where}`),
  ]);
  return {
    items: items.map((r) => ({ ...r, categoryName: categoryName(r.categoryCode as string) })) as never,
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function confirmDestination(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string,
  id: string,
  body: ConfirmationBody,
  now: Date,
) {
  const [d] = await rows<Row>(
    tx,
    sql`select * from graduate_destinations where id = ${id} and employer_organisation_id is not null and ${employerScope(access)} for update`,
  );
  if (!d) throw notFound('毕业去向');
  if (d.version !== body.version) throw versionConflict();
  const confirmation = body.confirmed ? 'confirmed' : 'denied';
  await tx.execute(sql`update graduate_destinations set confirmation = ${confirmation}, confirmed_at = ${now}, confirmed_by = ${userId},
    confirmation_note = ${body.note ?? null}, version = version + 1, updated_at = now() where id = ${id}`);
  await audit.record({
    action: body.confirmed ? 'confirm' : 'deny',
    entityType: 'graduateDestination',
    entityId: id,
    before: { confirmation: d.confirmation, confirmationNote: d.confirmation_note },
    after: { confirmation, confirmationNote: body.note ?? null },
  });
  return { id, confirmation, version: (d.version as number) + 1 };
}

/** The signed-in student's own record: status, school, and every survey point's destination. */
export async function myDestinations(db: Db, access: Access) {
  if (access.kind !== 'limited' || !access.userId) throw notFound('学生');
  const [s] = await rows<{ id: string; name: string; schoolName: string; status: string }>(
    db,
    sql`select s.id, s.name, o.name as "schoolName", s.status from students s join organisations o on o.id = s.school_id
      where s.user_id = ${access.userId} and s.archived_at is null order by s.created_at desc limit 1`,
  );
  if (!s) throw notFound('学生');
  return { name: s.name, schoolName: s.schoolName, status: s.status, items: await destinationsOf(db, sql`d.student_id = ${s.id}`) };
}

export async function correctDestination(tx: Tx, audit: Auditor, access: Access, id: string, body: CorrectionBody, now: Date) {
  if (access.kind !== 'limited' || !access.userId) throw notFound('毕业去向');
  const [d] = await rows<Row & { cohort: number; status: StudentFacts['status'] }>(
    tx,
    sql`select d.*, s.cohort, s.status from graduate_destinations d join students s on s.id = d.student_id
      where d.id = ${id} and s.user_id = ${access.userId} for update of d`,
  );
  if (!d) throw notFound('毕业去向');
  if (d.version !== body.version) throw versionConflict();
  const { version: _v, note, ...proposed } = body;
  const fields = checkDestination(
    policy,
    { ...proposed, surveyPoint: d.survey_point as never, note },
    d,
    await destinationLookups(tx, proposed),
    Number(todayOf(now).slice(0, 4)),
  );
  if (Object.keys(fields).length) throw validationFailed(fields);
  const correction = { ...proposed, categoryName: categoryName(proposed.categoryCode), note };
  await tx.execute(sql`update graduate_destinations set correction = ${JSON.stringify(correction)}::jsonb, correction_at = ${now},
    version = version + 1, updated_at = now() where id = ${id}`);
  await audit.record({
    action: 'correct',
    entityType: 'graduateDestination',
    entityId: id,
    before: { correction: d.correction },
    after: { correction },
  });
  const [saved] = await destinationsOf(tx, sql`d.id = ${id}`);
  return saved!;
}

/**
 * Tells an enterprise on the platform that a school has named it as a graduate's employer, with a link to its
 * confirmation page (once per destination and employer).
 */
export async function askEmployerToConfirm(
  tx: Tx,
  asks: ReadonlyArray<{ destinationId: string; employerId: string; schoolName: string; graduationYear: number }>,
) {
  await deliverToOrganisations(
    tx,
    asks.map((a) => ({
      organisationId: a.employerId,
      roles: ['enterprise_admin'],
      kind: 'graduateConfirmation',
      dedupeKey: `graduate-destination:${a.destinationId}`,
      title: '有毕业生登记在本单位就业，请确认',
      body: `${a.schoolName}登记其${a.graduationYear}届毕业生在本单位就业。请在“毕业生就业确认”中确认或否认。`,
      link: '/graduates/confirmations',
      detail: { destinationId: a.destinationId },
    })),
  );
}
