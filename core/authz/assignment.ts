import type { Membership, Role } from './roles.ts';

/** The kinds of organisation each role is held in. */
export const ROLE_ORGANISATION_KIND: Record<Role, readonly Membership['organisationKind'][]> = {
  city_admin: ['bureau'],
  department: ['department'],
  district: ['district'],
  school_admin: ['school'],
  teacher: ['school'],
  student: ['school'],
  enterprise_admin: ['enterprise'],
  /** A learner belongs to the organisation that opened their learning account: their employer, or a school for a social learner. */
  learner: ['enterprise', 'school'],
  evaluator: ['evaluator'],
};

/** Which roles a holder of a role may hand out when creating accounts (within their own data scope). */
const ASSIGNABLE: Partial<Record<Role, readonly Role[]>> = {
  city_admin: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'student', 'enterprise_admin', 'learner', 'evaluator'],
  school_admin: ['school_admin', 'teacher', 'student', 'learner'],
  enterprise_admin: ['enterprise_admin', 'learner'],
};

/** Chinese reason why `actorRoles` cannot create an account of `role` in an organisation of `kind`, or null. */
export function assignmentProblem(actorRoles: readonly Role[], role: Role, kind: Membership['organisationKind']): string | null {
  if (!ROLE_ORGANISATION_KIND[role].includes(kind)) return '该角色不能设在此类组织中';
  if (!actorRoles.some((r) => ASSIGNABLE[r]?.includes(role))) return '您无权创建此角色的账号';
  return null;
}
