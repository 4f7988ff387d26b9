import type { StatItem } from '../../contracts/dashboard.ts';
import { currentPlan } from '../../policy/index.ts';

/** A target of the plan as a home-page figure shows it, read from the policy file by its stable code. */
export function planTarget(code: string): StatItem['target'] {
  const t = currentPlan.targets.find((x) => x.code === code);
  if (!t) throw new Error(`policy file has no target ${code}`);
  if (t.comparator === 'between') throw new Error(`target ${code} is a range`);
  return { value: t.value, comparator: t.comparator, article: t.article.join('；') };
}
