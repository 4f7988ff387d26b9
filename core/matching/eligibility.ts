import { checkPlacement, type PlacementFacts, type StudentFacts } from '../internships/placement-check.ts';
import type { InternshipRules } from '../internships/rules.ts';
import { fitAtLeast, type MajorFit } from './majors.ts';
import type { MatchingPolicy } from './policy.ts';

const LEVEL_NAMES = { same: '同专业', category: '同专业类', division: '同专业大类', cluster: '同产业集群' } as const;

/**
 * Why a student may not be placed on a post (empty: eligible): the internship regulation's placement rules
 * (age, study year, tasks forbidden to minors or women) and the post's required majors, which a student meets
 * when the major fit reaches the policy's minimum level.
 */
export function ineligibility(
  student: StudentFacts,
  post: PlacementFacts & { majorCodes: readonly string[] },
  fit: MajorFit,
  rules: InternshipRules,
  policy: MatchingPolicy,
): string[] {
  const reasons = checkPlacement(student, post, rules).map((v) => v.message);
  if (!meetsRequiredMajors(post, fit, policy))
    reasons.push(`岗位要求的专业与所学专业不符（至少须${LEVEL_NAMES[policy.eligibility.minMajorFit]}）`);
  return reasons;
}

/** A post naming majors takes a student whose fit reaches the policy's minimum level; one naming none, anyone. */
export const meetsRequiredMajors = (post: { majorCodes: readonly string[] }, fit: MajorFit, policy: MatchingPolicy) =>
  post.majorCodes.length === 0 || fitAtLeast(fit.level, policy.eligibility.minMajorFit);
