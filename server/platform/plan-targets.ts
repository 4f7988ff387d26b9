import type { StatItem } from '../../contracts/dashboard.ts';
import { currentPlan } from '../../policy/index.ts';

/** A target of the plan as a home-page figure shows it, read from the policy file by its stable code. */
export function planTarget(code: string): StatItem['target'] {
  const t = currentPlan.targets.find((x) => x.code === code);
  if (!t) throw new Error(`policy file has no target ${code}`);
  if (t.comparator === 'between') throw new Error(`target ${code} is a range`);
  return { value: t.value, comparator: t.comparator, article: t.article.join('；') };
}

/** A threshold share of the policy file's rules (a fraction: 0.5 = 50%). */
export function planShare(code: string): { value: number; article: string } {
  const r = currentPlan.rules[code];
  if (r?.kind !== 'share') throw new Error(`policy file has no share rule ${code}`);
  return { value: r.value, article: r.source.article ?? '' };
}

/** A range rule of the policy file (fractions). */
export function planRange(code: string): { min: number; max: number; article: string } {
  const r = currentPlan.rules[code];
  if (r?.kind !== 'shareRange') throw new Error(`policy file has no range rule ${code}`);
  return { min: r.min, max: r.max, article: r.source.article ?? '' };
}
