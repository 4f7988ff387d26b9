/**
 * The demo generator's input (reference data, as plain values) and output (plain records that point at each
 * other by index or natural code). The generator is pure: it never touches the database, the clock or
 * Math.random; `load.ts` turns its output into rows.
 */
import type { CarrierKind, CarrierLevel, CarrierStatus } from '../../core/registry/carrier-kinds.ts';
import type { ClusterDef } from '../catalogues/index.ts';

export type DemoScale = 'tiny' | 'demo' | 'city';

export interface ScaleParams {
  schools: number;
  enterprises: number;
  teachers: number;
  students: number;
}

/** The brief's sizes: a realistic demo city, and the design scale of DESIGN.md ("Scale"). `tiny` is for tests. */
export const SCALES: Readonly<Record<DemoScale, ScaleParams>> = {
  tiny: { schools: 8, enterprises: 60, teachers: 150, students: 800 },
  demo: { schools: 60, enterprises: 2_000, teachers: 5_000, students: 50_000 },
  city: { schools: 150, enterprises: 20_000, teachers: 40_000, students: 500_000 },
};

export interface RefDistrict {
  /** Organisation code: statistical division code, or a local code such as ZZ-ZDXQ. */
  code: string;
  name: string;
  slug: string;
}

export interface RefMajor {
  code: string;
  name: string;
  level: 'secondary' | 'higher' | 'vocUndergrad';
  divisionCode: string;
}

export interface RefDepartment {
  code: string;
  name: string;
}

export interface ReferenceContext {
  districts: readonly RefDistrict[];
  majors: readonly RefMajor[];
  clusters: readonly ClusterDef[];
  /** GB/T 4754 class codes present in the loaded edition; cluster classes outside it are not used. */
  industryClasses: ReadonlySet<string>;
  departments: readonly RefDepartment[];
}

export type SchoolLevel = 'secondary' | 'higher' | 'vocUndergrad' | 'appliedUndergrad';

export interface DemoSchool {
  index: number;
  /** 学校标识码 (generated, 10 digits starting 41). */
  code: string;
  name: string;
  level: SchoolLevel;
  ownership: 'public' | 'private';
  enterpriseRun: boolean;
  staffingQuota: number;
  districtCode: string;
  /** Students the generator will place in this school. */
  studentTarget: number;
}

export interface DemoEnterprise {
  index: number;
  uscc: string;
  name: string;
  districtCode: string;
  size: 'large' | 'medium' | 'small' | 'micro';
  industryCode: string;
  clusterCode: string | null;
  staffCount: number;
  payrollYuan: number;
  aboveDesignatedSize: boolean;
  integrationStatus: 'none' | 'reserve' | 'applied' | 'certified_city' | 'certified_province' | 'certified_nation';
}

export interface DemoProgram {
  index: number;
  schoolIndex: number;
  majorCode: string;
  startYear: number;
  /** 招生数 of the latest year (the intake), not the students on the roll. */
  enrolment: number;
  /** 逐年招生和毕业, oldest first. */
  years: DemoProgramYear[];
  /** 实践性教学课时占比, 3 decimals. */
  practiceShare: number;
}

export interface DemoProgramYear {
  year: number;
  enrolment: number;
  graduates: number | null;
}

export interface DemoTeacher {
  index: number;
  schoolIndex: number;
  name: string;
  employment: 'fullTime' | 'partTime' | 'industryMentor';
  subject: 'specialty' | 'general';
  dualQualified: boolean;
}

/** A teacher's placement in a demo enterprise (by index); `end` null while it lasts. Dates YYYY-MM-DD. */
export interface DemoPracticePeriod {
  teacherIndex: number;
  enterprise: number;
  start: string;
  end: string | null;
}

export interface DemoStudent {
  index: number;
  schoolIndex: number;
  programIndex: number | null;
  name: string;
  cohort: number;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
  /** In clear here; the loader encrypts it. */
  idNumber: string;
  phone: string;
  status: 'enrolled' | 'withdrawn';
}

export type AccountOrg =
  { kind: 'bureau' | 'department' | 'district'; code: string } | { kind: 'school'; index: number } | { kind: 'enterprise'; index: number };

export interface DemoAccount {
  username: string;
  displayName: string;
  role: 'city_admin' | 'department' | 'district' | 'school_admin' | 'teacher' | 'enterprise_admin' | 'student';
  org: AccountOrg;
  teacherIndex?: number;
  studentIndex?: number;
}

/** An organisation a demo record points at: a generated school or enterprise, or a loaded district. */
export type DemoOrgRef = { kind: 'school'; index: number } | { kind: 'enterprise'; index: number } | { kind: 'district'; code: string };

export interface DemoCarrier {
  index: number;
  kind: CarrierKind;
  name: string;
  level: CarrierLevel;
  status: CarrierStatus;
  lead: DemoOrgRef;
  partners: DemoOrgRef[];
  districtCode: string;
  clusterCode: string;
  /** Education groups only: with its own legal personality or not. */
  legalPerson: boolean | null;
  /** International projects and Luban workshops only. */
  country: string | null;
  /** YYYY-MM-DD or null (a planned carrier has no start yet). */
  startDate: string | null;
  endDate: string | null;
  certifiedAt: string | null;
  certifyingBody: string | null;
}

/** 专业群: programs of one school aligned to a cluster; `keyMajor` is the bureau's 产教融合型重点专业（群）. */
export interface DemoMajorGroup {
  index: number;
  schoolIndex: number;
  name: string;
  clusterCode: string;
  keyMajor: boolean;
  programIndexes: number[];
}
