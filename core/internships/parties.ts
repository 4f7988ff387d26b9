/**
 * Who an actor is to one internship. A route's permission says a role may sign, comment or evaluate at all;
 * which side of this internship the caller stands on is decided here, from the caller's memberships.
 */
export type Party = 'school' | 'enterprise' | 'student' | 'guardian';
export type MentorSide = 'school' | 'enterprise';

export interface PartyActor {
  userId: string;
  memberships: { role: string; organisationId: string }[];
}

export interface InternshipParties {
  schoolId: string;
  enterpriseId: string;
  /** The student's own account, when the student has one. */
  studentUserId: string | null;
}

const SCHOOL_STAFF = new Set(['school_admin', 'teacher']);

export function mentorSide(actor: PartyActor, i: InternshipParties): MentorSide | null {
  if (actor.memberships.some((m) => SCHOOL_STAFF.has(m.role) && m.organisationId === i.schoolId)) return 'school';
  if (actor.memberships.some((m) => m.role === 'enterprise_admin' && m.organisationId === i.enterpriseId)) return 'enterprise';
  return null;
}

/**
 * The parties the actor may sign for. The guardian's consent is signed on paper and recorded by the student's
 * school (a student typing a guardian's name proves nothing; the school holds the signed form).
 */
export function signableParties(actor: PartyActor, i: InternshipParties): Party[] {
  const out: Party[] = [];
  const side = mentorSide(actor, i);
  if (side === 'school') out.push('school', 'guardian');
  if (side === 'enterprise') out.push('enterprise');
  if (i.studentUserId && actor.userId === i.studentUserId) out.push('student');
  return out;
}
