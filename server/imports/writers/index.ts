import type { ImportEntity } from '../../../core/imports/index.ts';
import { destinationWriter } from './destinations.ts';
import { enterpriseWriter } from './enterprises.ts';
import { outcomeWriter } from './outcomes.ts';
import { programWriter } from './programs.ts';
import { schoolWriter } from './schools.ts';
import { studentWriter } from './students.ts';
import { teacherWriter } from './teachers.ts';
import type { EntityWriter } from './types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const WRITERS: Readonly<Record<ImportEntity, EntityWriter<any>>> = {
  schools: schoolWriter,
  enterprises: enterpriseWriter,
  teachers: teacherWriter,
  students: studentWriter,
  programs: programWriter,
  outcomes: outcomeWriter,
  destinations: destinationWriter,
};
export type { EntityWriter, Tally, WriteContext } from './types.ts';
