import type { ShareRule } from '../../../core/registry/shares.ts';
import type { PracticeRule } from '../../../core/registry/teacher-practice.ts';
import { currentPlan } from '../../../policy/index.ts';

/**
 * The plan's thresholds the school register shows, read from the policy file by their stable codes. A
 * missing or reshaped rule fails loudly: a figure silently compared with the wrong number is worse.
 */
export function planShareRule(code: 'practice_teaching_share' | 'part_time_teacher_quota' | 'dual_qualified_share'): ShareRule {
  const r = currentPlan.rules[code];
  if (r?.kind !== 'share') throw new Error(`policy file has no share rule ${code}`);
  return { comparator: r.comparator, value: r.value, article: r.source.article ?? '' };
}

export function planPracticeRule(): PracticeRule {
  const r = currentPlan.rules.teacher_enterprise_practice;
  if (r?.kind !== 'duration' || !r.per) throw new Error('policy file has no duration rule teacher_enterprise_practice with a period');
  return { value: r.value, unit: r.unit, per: r.per, article: r.source.article ?? '' };
}
