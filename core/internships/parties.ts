/**
 * Who an actor is to one internship. A route's permission says a role may sign, comment or evaluate at all;
 * which side of this internship the caller stands on is decided here, from the caller's memberships and the
 * mentors assigned to the internship.
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
  /** The account of the school mentor (one of the school's teachers) assigned to this intern, if any. */
  schoolMentorUserId: string | null;
}

const SCHOOL_STAFF = new Set(['school_admin', 'teacher']);

/**
 * The organisation the actor acts for on this internship: school staff for the school, the enterprise's
 * accounts for the enterprise. Acts of the organisation (drafting and signing the agreement, insurance, the
 * start, termination) need no more than this.
 */
export function organisationSide(actor: PartyActor, i: InternshipParties): MentorSide | null {
  if (actor.memberships.some((m) => SCHOOL_STAFF.has(m.role) && m.organisationId === i.schoolId)) return 'school';
  if (actor.memberships.some((m) => m.role === 'enterprise_admin' && m.organisationId === i.enterpriseId)) return 'enterprise';
  return null;
}

/**
 * The mentor side the actor may comment, evaluate and complete for. The regulation gives each intern a school
 * mentor and an enterprise mentor: on the school's side that is the teacher assigned to the intern (and the
 * school's administrator, who runs the school's internships and stands in when a mentor is absent) — not any
 * teacher of the school. The enterprise's accounts are all its administrators (the platform has no other
 * enterprise role), so any of them writes for the enterprise's side; the enterprise mentor they name need not
 * hold an account.
 */
export function mentorSide(actor: PartyActor, i: InternshipParties): MentorSide | null {
  const of = (role: string, org: string) => actor.memberships.some((m) => m.role === role && m.organisationId === org);
  if (of('school_admin', i.schoolId)) return 'school';
  if (of('teacher', i.schoolId) && i.schoolMentorUserId !== null && i.schoolMentorUserId === actor.userId) return 'school';
  if (of('enterprise_admin', i.enterpriseId)) return 'enterprise';
  return null;
}

/**
 * The parties the actor may sign for. The guardian's consent is signed on paper and recorded by the student's
 * school (a student typing a guardian's name proves nothing; the school holds the signed form).
 */
export function signableParties(actor: PartyActor, i: InternshipParties): Party[] {
  const out: Party[] = [];
  const side = organisationSide(actor, i);
  if (side === 'school') out.push('school', 'guardian');
  if (side === 'enterprise') out.push('enterprise');
  if (i.studentUserId && actor.userId === i.studentUserId) out.push('student');
  return out;
}
