/**
 * Conflicts of interest between an expert and a subject under review (an application to a call, a certification
 * application …): the expert works for an applicant, for a partner of an applicant, or for an organisation that
 * applied together with an applicant recently. The facts come in as data (the register's partners, past
 * applications); nothing here reads them.
 */

/** What is under review: a kind ('call_application', 'certification_application' …) and its id. */
export interface SubjectRef {
  kind: string;
  id: string;
}

export interface ReviewExpert {
  id: string;
  /** The organisation the expert works for; null for an expert from outside the register (a university, retired). */
  organisationId: string | null;
  /** Fields of expertise (industry cluster or major-division codes), used to prefer a fitting expert. */
  fields: readonly string[];
}

export interface ReviewSubject {
  ref: SubjectRef;
  /** The applicant and its co-applicants (organisation ids). */
  applicantOrganisationIds: readonly string[];
  /** The subject's field (same codes as the experts'), or null when it names none. */
  field: string | null;
}

/** Relations between organisations, each symmetric in meaning (looked up both ways). */
export interface ConflictData {
  /** Partners of an organisation in the register (carrier partners, agreements). */
  partners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Organisations that applied together with it within the policy's window. */
  recentCoApplicants: ReadonlyMap<string, ReadonlySet<string>>;
}

export const CONFLICT_REASONS = ['same_organisation', 'partner', 'recent_co_applicant'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export const CONFLICT_REASON_LABELS: Record<ConflictReason, string> = {
  same_organisation: '与申报单位同属一个单位',
  partner: '所在单位是申报单位的合作方',
  recent_co_applicant: '所在单位近年与申报单位联合申报过',
};

const related = (map: ReadonlyMap<string, ReadonlySet<string>>, a: string, b: string) =>
  (map.get(a)?.has(b) ?? false) || (map.get(b)?.has(a) ?? false);

/** Every reason the expert may not review the subject (empty: no conflict). */
export function conflictsOf(expert: ReviewExpert, subject: ReviewSubject, data: ConflictData): ConflictReason[] {
  const own = expert.organisationId;
  if (own === null) return [];
  const reasons = new Set<ConflictReason>();
  for (const applicant of subject.applicantOrganisationIds) {
    if (applicant === own) reasons.add('same_organisation');
    else {
      if (related(data.partners, own, applicant)) reasons.add('partner');
      if (related(data.recentCoApplicants, own, applicant)) reasons.add('recent_co_applicant');
    }
  }
  return CONFLICT_REASONS.filter((r) => reasons.has(r));
}

export const noConflictData = (): ConflictData => ({ partners: new Map(), recentCoApplicants: new Map() });

/** Builds the symmetric maps from pairs of organisation ids. */
export function relationMap(pairs: Iterable<readonly [string, string]>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return map;
}
