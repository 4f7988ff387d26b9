import type { Role, Scope } from './roles.ts';

/**
 * The one declarative authorisation table: for each resource and action, the roles that may act and how far
 * their grant reaches. Routes name a (resource, action) pair; nothing else decides who may do what.
 */
export type Grants = Partial<Record<Role, Scope>>;
type ResourcePolicy = Record<string, Grants>;

const staffRead: Grants = {
  city_admin: 'city',
  department: 'city',
  district: 'district',
};

const everyoneSelf: Grants = {
  city_admin: 'self', department: 'self', district: 'self', school_admin: 'self', teacher: 'self', enterprise_admin: 'self', student: 'self',
};

export const POLICY = {
  home: {
    read: everyoneSelf,
  },
  school: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation' },
    update: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
  },
  enterprise: {
    read: { ...staffRead, enterprise_admin: 'organisation' },
    update: { city_admin: 'city', district: 'district', enterprise_admin: 'organisation' },
  },
  student: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', teacher: 'organisation', student: 'self' },
  },
  /** Reading a student's ID number or phone in clear: fewer roles than reading the record, and every read is logged. */
  studentPersonalInfo: {
    read: { city_admin: 'city', school_admin: 'organisation', student: 'self' },
  },
  account: {
    read: { city_admin: 'city', district: 'district', school_admin: 'organisation', enterprise_admin: 'organisation' },
    create: { city_admin: 'city', school_admin: 'organisation', enterprise_admin: 'organisation' },
  },
  organisation: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation' },
  },
  /** Long-running work: its submitter follows it; the bureau sees all. */
  job: {
    read: { ...everyoneSelf, city_admin: 'city' },
    retry: { ...everyoneSelf, city_admin: 'city' },
  },
  auditLog: {
    read: { city_admin: 'city' },
  },
  /**
   * Spreadsheet import of a register (任务 item 4), one action per register. Schools and enterprises are
   * loaded by the bureau and districts; a school keeps its own programs, teachers and students, and a
   * district may correct its district's. Exports need only the list's read permission.
   */
  import: {
    schools: { city_admin: 'city', district: 'district' },
    enterprises: { city_admin: 'city', district: 'district' },
    programs: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    teachers: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
    students: { city_admin: 'city', district: 'district', school_admin: 'organisation' },
  },
  /**
   * The search box: everyone finds the public register (what anonymous visitors see); beyond it, each role
   * finds the unpublished records it may read (pending and uncertified enterprises, its own organisation's).
   */
  search: {
    read: { ...staffRead, school_admin: 'organisation', teacher: 'organisation', enterprise_admin: 'organisation', student: 'self' },
    reindex: { city_admin: 'city' },
  },
} as const satisfies Record<string, ResourcePolicy>;

export type Resource = keyof typeof POLICY;
export type Action<R extends Resource> = keyof (typeof POLICY)[R] & string;
export type Permission = { [R in Resource]: { resource: R; action: Action<R> } }[Resource];

export function grantsFor(permission: Permission): Grants {
  return (POLICY[permission.resource] as ResourcePolicy)[permission.action] ?? {};
}
