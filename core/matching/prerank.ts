/**
 * Exact pre-ranking for a long list of candidates (an enterprise's demand against every opted-in student):
 * the candidates fall into groups — in practice (major, school district) — whose share of the score, `base`,
 * is the same for every member (专业对口, 产业对接, 通勤), while the rest (技能证书, 个人意向, 时间) is personal
 * and at most `personalMax`. So only groups whose base + personalMax can still reach the n-th best score need
 * to be read and scored: first the best groups until they hold n candidates, then every group that could still
 * reach the n-th best score found. The result is exactly the top n of scoring everyone (ties by id).
 */

export interface CandidateGroup {
  key: string;
  base: number;
  /** How many candidates the group holds. */
  count: number;
}

export interface Ranked {
  id: string;
  score: number;
}

/** Best first, ties by lower id: the order every recommendation list uses. */
export const byScoreThenId = (a: Ranked, b: Ranked) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Scores are sums of one-decimal parts: allow for floating-point sums when comparing a bound with a score. */
const EPS = 1e-6;

export async function preRankedTop<T extends Ranked>(
  groups: readonly CandidateGroup[],
  n: number,
  personalMax: number,
  load: (keys: string[]) => Promise<T[]>,
): Promise<{ top: T[]; considered: number; loadedGroups: number }> {
  const order = [...groups].filter((g) => g.count > 0).sort((a, b) => b.base - a.base || (a.key < b.key ? -1 : 1));
  // First tier: the best groups until they hold n candidates, with every group of the same base as the last.
  let held = 0,
    cut = order.length;
  for (let i = 0; i < order.length; i++) {
    held += order[i]!.count;
    if (held >= n) {
      cut = i + 1;
      while (cut < order.length && order[cut]!.base === order[i]!.base) cut++;
      break;
    }
  }
  const scored = await load(order.slice(0, cut).map((g) => g.key));
  scored.sort(byScoreThenId);
  // Second tier: every other group that could still reach the n-th best score (ties may win on id).
  if (scored.length >= n) {
    const kth = scored[n - 1]!.score;
    const more = order.slice(cut).filter((g) => g.base + personalMax + EPS >= kth);
    if (more.length) {
      scored.push(...(await load(more.map((g) => g.key))));
      scored.sort(byScoreThenId);
    }
    return { top: scored.slice(0, n), considered: scored.length, loadedGroups: cut + more.length };
  }
  return { top: scored, considered: scored.length, loadedGroups: cut };
}
