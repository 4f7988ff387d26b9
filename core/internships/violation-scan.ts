import { checkPost, type PostTerms } from './post-check.ts';
import { internCaps } from './placement-check.ts';
import type { InternshipRules } from './rules.ts';
import { violation, type Violation } from './violations.ts';

/**
 * The regulation's rules applied to what is already running, for the violations list of the district and the
 * bureau: a post's terms (checked again — the policy file or the record may have changed since publishing),
 * the 20% position cap and the 10% enterprise cap against the students accepted. Pure.
 */

/**
 * The post's terms against the regulation. The publishing-day check that the start is not in the past does not
 * apply to a post already running, so the post is checked as on its own start date.
 */
export function runningPostViolations(p: PostTerms, r: InternshipRules): Violation[] {
  return checkPost(p, r, p.startDate);
}

/** 在具体岗位实习的学生人数一般不高于同类岗位在岗职工总人数的20%. Only 岗位实习 counts. */
export function positionCapViolation(positionStaff: number, placed: number, r: InternshipRules): Violation | null {
  const cap = internCaps(0, positionStaff, r).position;
  if (placed <= cap) return null;
  return violation(
    r.ref('intern_position_cap'),
    'places',
    `该岗位有岗位实习学生${placed}人，超过同类岗位在岗职工${positionStaff}人的${r.positionCap * 100}%（上限 ${cap} 人）`,
  );
}

/** 岗位实习学生的人数一般不超过实习单位在岗职工总数的10%. */
export function enterpriseCapViolation(staffCount: number, placed: number, r: InternshipRules): Violation | null {
  const cap = internCaps(staffCount, 0, r).enterprise;
  if (placed <= cap) return null;
  return violation(
    r.ref('intern_enterprise_cap'),
    'staffCount',
    `企业有岗位实习学生${placed}人，超过在岗职工${staffCount}人的${r.enterpriseCap * 100}%（上限 ${cap} 人）`,
  );
}
