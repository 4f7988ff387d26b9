import type { Access } from '../authz/access.ts';
import type { ColumnSpec, RowFields } from './fields.ts';

export const IMPORT_ENTITIES = ['schools', 'enterprises', 'teachers', 'students', 'programs', 'outcomes', 'destinations'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export interface RefDistrict {
  id: string;
  name: string;
  code: string;
}
export interface RefSchool {
  id: string;
  code: string;
  name: string;
  districtId: string | null;
}
export interface RefMajor {
  id: string;
  code: string;
  name: string;
}
export interface RefNamed {
  code: string;
  name: string;
}

/**
 * What the rules need to know about the register, handed in by the caller (the job loads it once per file),
 * so that the rules stay pure. Look-ups answer undefined for an unknown code.
 */
export interface ImportRefs {
  /** The caller's data scope for this import (school admins: their school; districts: their district). */
  access: Access;
  /** For "birth date in the future" checks. */
  today: Date;
  /** By name (金水区) or division code (410105). */
  district(text: string): RefDistrict | undefined;
  school(code: string): RefSchool | undefined;
  /** In the newest catalogue edition that has the code. */
  major(code: string): RefMajor | undefined;
  /** The program (开设专业) of a school for a major code (in whichever edition it was opened), if the school offers it. */
  program(schoolId: string, majorCode: string): { id: string } | undefined;
  industry(code: string): RefNamed | undefined;
  /** By name (智能终端) or code. */
  cluster(text: string): RefNamed | undefined;
  /** 毕业去向 by national code (11) or name; loaded for the destinations import only. */
  destinationCategory(text: string): RefNamed | undefined;
  /** 就读层次 by name or code, as its code. */
  studyLevel(text: string): string | undefined;
}

/** One importable register: its template columns, its row rules and its natural key. */
export interface EntitySpec<R> {
  entity: ImportEntity;
  /** 学校, 企业 … (sheet and file names, messages). */
  label: string;
  columns: readonly ColumnSpec[];
  /** A record, or undefined when the row has problems (already reported through `f`). */
  validate(f: RowFields, refs: ImportRefs): R | undefined;
  /** The natural key: two rows of one file with the same key are a duplicate. */
  key(record: R): string;
  /** The column a duplicate is reported on, and how the key is named in the message. */
  keyColumn: string;
  keyLabel: string;
}
