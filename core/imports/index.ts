/** Spreadsheet import rules (pure): templates' columns, header matching, row validation, error collection. */
import { destinationSpec } from './entities/destinations.ts';
import { enterpriseSpec } from './entities/enterprises.ts';
import { outcomeSpec } from './entities/outcomes.ts';
import { programSpec } from './entities/programs.ts';
import { schoolSpec } from './entities/schools.ts';
import { studentSpec } from './entities/students.ts';
import { teacherSpec } from './entities/teachers.ts';
import type { EntitySpec, ImportEntity } from './spec.ts';

export * from './cells.ts';
export * from './fields.ts';
export * from './headers.ts';
export * from './issues.ts';
export * from './labels.ts';
export * from './spec.ts';
export * from './text.ts';
export * from './validator.ts';
export type { DestinationRecord } from './entities/destinations.ts';
export type { EnterpriseRecord } from './entities/enterprises.ts';
export type { OutcomeRecord } from './entities/outcomes.ts';
export type { ProgramRecord } from './entities/programs.ts';
export type { SchoolRecord } from './entities/schools.ts';
export type { StudentRecord } from './entities/students.ts';
export type { TeacherRecord } from './entities/teachers.ts';
export { destinationSpec, enterpriseSpec, outcomeSpec, programSpec, schoolSpec, studentSpec, teacherSpec };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const IMPORT_SPECS: Readonly<Record<ImportEntity, EntitySpec<any>>> = {
  schools: schoolSpec,
  enterprises: enterpriseSpec,
  teachers: teacherSpec,
  students: studentSpec,
  programs: programSpec,
  /** 学习成果 into the credit bank (issue 6): bulk issue by an enterprise or a school. */
  outcomes: outcomeSpec,
  /** 毕业去向 of a school's graduates (issue 16). */
  destinations: destinationSpec,
};
