import { sql } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import { checkDestination, notGraduatedReason, type DestinationInput, type StudentFacts } from '../../../core/graduates/index.ts';
import type { FieldErrors } from '../../../core/errors.ts';
import { graduatesPolicy as policy } from '../../../policy/index.ts';
import { rows, type Tx } from '../../platform/db/engine.ts';
import { graduateDestinations } from '../../platform/db/schema/index.ts';
import { askEmployerToConfirm, valuesOf, type DestinationValues } from './destinations.ts';

/**
 * The spreadsheet import's side of 毕业去向 (server/imports/writers/destinations.ts reads the sheet and the
 * register; this checks each row by the form's rules and writes). The import has already matched districts and
 * industries against the catalogues, so the look-ups here accept what it passes.
 */
export function destinationProblems(
  input: DestinationInput,
  student: StudentFacts,
  today: Date,
): { notGraduated: string | null; fields: FieldErrors } {
  const notGraduated = notGraduatedReason(student);
  if (notGraduated) return { notGraduated, fields: {} };
  const checked = { district: () => true, industry: () => true };
  return { notGraduated: null, fields: checkDestination(policy, input, student, checked, Number(todayOf(today).slice(0, 4))) };
}

export interface ImportedDestination {
  row: number;
  student: { id: string; schoolId: string; schoolName: string; districtId: string | null; programId: string | null };
  input: DestinationInput;
  employer: { id: string; name: string } | null;
}

/** The import's audit batch, as far as this needs it (rows are flushed with the import's transaction). */
interface AuditSink {
  readonly actorUserId: string;
  created(entityType: string, entityId: string, after: Record<string, unknown>): void;
  updated(entityType: string, entityId: string, before: Record<string, unknown>, after: Record<string, unknown>): boolean;
  flush(tx: Tx): Promise<void>;
}

type Stored = DestinationValues & { id: string; studentId: string; surveyPoint: string };

export async function upsertImportedDestinations(
  tx: Tx,
  items: readonly ImportedDestination[],
  audit: AuditSink,
  tally: { inserted: number; updated: number; unchanged: number },
) {
  const ids = [...new Set(items.map((i) => i.student.id))];
  const stored = ids.length
    ? await rows<Stored>(
        tx,
        sql`select id, student_id as "studentId", survey_point as "surveyPoint", graduation_year as "graduationYear", category_code as "categoryCode",
          category_group as "categoryGroup", employer_name as "employerName", employer_organisation_id as "employerOrganisationId",
          industry_code as "industryCode", study_school as "studySchool", study_level as "studyLevel", study_full_time as "studyFullTime",
          location_district_id as "locationDistrictId", in_zhengzhou as "inZhengzhou", note
        from graduate_destinations where student_id = any(${sql.param(ids)}::uuid[]) for update`,
      )
    : [];
  const inserts: (typeof graduateDestinations.$inferInsert)[] = [];
  const asks: { destinationId: string; employerId: string; schoolName: string; graduationYear: number }[] = [];
  const ask = (destinationId: string, it: ImportedDestination) =>
    it.employer &&
    asks.push({ destinationId, employerId: it.employer.id, schoolName: it.student.schoolName, graduationYear: it.input.graduationYear });
  for (const it of items) {
    const values = valuesOf(it.input, it.employer);
    const before = stored.find((s) => s.studentId === it.student.id && s.surveyPoint === it.input.surveyPoint);
    if (!before) {
      const id = crypto.randomUUID();
      inserts.push({
        id,
        studentId: it.student.id,
        schoolId: it.student.schoolId,
        districtId: it.student.districtId,
        programId: it.student.programId,
        surveyPoint: it.input.surveyPoint,
        ...values,
        confirmation: values.employerOrganisationId ? 'pending' : 'none',
        enteredBy: audit.actorUserId,
      });
      audit.created('graduateDestination', id, { studentId: it.student.id, surveyPoint: it.input.surveyPoint, ...values });
      ask(id, it);
      continue;
    }
    const { id, studentId: _s, surveyPoint: _p, ...old } = before;
    if (!audit.updated('graduateDestination', id, old, values)) {
      tally.unchanged++;
      continue;
    }
    const employerChanged = old.employerOrganisationId !== values.employerOrganisationId;
    await tx.execute(sql`update graduate_destinations set graduation_year = ${values.graduationYear}, category_code = ${values.categoryCode},
      category_group = ${values.categoryGroup}, employer_name = ${values.employerName}, employer_organisation_id = ${values.employerOrganisationId},
      industry_code = ${values.industryCode}, study_school = ${values.studySchool}, study_level = ${values.studyLevel},
      study_full_time = ${values.studyFullTime}, location_district_id = ${values.locationDistrictId}, in_zhengzhou = ${values.inZhengzhou},
      note = ${values.note}, program_id = ${it.student.programId}, entered_by = ${audit.actorUserId},
      ${employerChanged ? sql`confirmation = ${values.employerOrganisationId ? 'pending' : 'none'}, confirmed_at = null, confirmed_by = null, confirmation_note = null,` : sql``}
      correction = null, correction_at = null, version = version + 1, updated_at = now() where id = ${id}`);
    if (employerChanged) ask(id, it);
    tally.updated++;
  }
  for (let i = 0; i < inserts.length; i += 500) await tx.insert(graduateDestinations).values(inserts.slice(i, i + 500));
  tally.inserted += inserts.length;
  await askEmployerToConfirm(tx, asks);
  await audit.flush(tx);
}
