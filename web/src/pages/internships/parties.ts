import { useMemo } from 'react';
import type { Action } from '../../../../core/authz/index.ts';
import { mentorSide, organisationSide, type MentorSide } from '../../../../core/internships/parties.ts';
import { useMe } from '../../auth/session.tsx';
import { actorOf, useCan } from '../registry/kit/can.ts';
import type { InternshipDetail } from './lifecycle-api.ts';

export interface InternshipRoles {
  /** The organisation the user acts for on this internship (signing, insurance, termination). */
  organisation: MentorSide | null;
  /** The mentor side the user comments, evaluates and completes for: the assigned school mentor, not any teacher. */
  mentor: MentorSide | null;
  /** Whether the user's role holds an internship action at all (core/authz/grants.ts). */
  may: (action: Action<'internship'>) => boolean;
}

/**
 * What the signed-in user is to one internship, answered by the same core functions and policy table the server
 * enforces, so the buttons shown are the requests that would be accepted. The server still decides.
 */
export function useInternshipRoles(i: InternshipDetail): InternshipRoles {
  const me = useMe();
  const can = useCan();
  return useMemo(() => {
    const actor = actorOf(me);
    const parties = {
      schoolId: i.schoolId,
      enterpriseId: i.enterpriseId,
      studentUserId: null,
      schoolMentorUserId: i.schoolMentor?.userId ?? null,
    };
    return {
      organisation: organisationSide(actor, parties),
      mentor: mentorSide(actor, parties),
      may: (action: Action<'internship'>) => can({ resource: 'internship', action }),
    };
  }, [me, can, i.schoolId, i.enterpriseId, i.schoolMentor?.userId]);
}

/** An internship that has not ended: mentors may be named, and it may still end early or move. */
export const isOpen = (i: InternshipDetail) => i.status === 'accepted' || i.status === 'active';
