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
} as const satisfies Record<string, ResourcePolicy>;

export type Resource = keyof typeof POLICY;
export type Action<R extends Resource> = keyof (typeof POLICY)[R] & string;
export type Permission = { [R in Resource]: { resource: R; action: Action<R> } }[Resource];

export function grantsFor(permission: Permission): Grants {
  return (POLICY[permission.resource] as ResourcePolicy)[permission.action] ?? {};
}
