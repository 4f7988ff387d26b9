/**
 * Scores, their aggregation and the flags the bureau looks at. A rubric (评分细则) lists items, each with its range
 * and weight; an expert's score sheet gives every item a number within its range (to one decimal); the sheet's
 * total is the weighted sum. A subject's score aggregates its experts' totals as its call says (the mean, or the
 * mean after dropping the highest and lowest); a total far from its subject's median (beyond k·MAD) is flagged.
 */

export interface RubricItem {
  code: string;
  label: string;
  min: number;
  max: number;
  /** Multiplies the item's score in the total; 1 unless said. */
  weight?: number;
}

export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = { mean: '算术平均', trimmed_mean: '去掉最高分和最低分后平均' };

/** Item code → what is wrong with the sheet's score for it (empty: the sheet is valid). */
export function checkScores(rubric: readonly RubricItem[], scores: Readonly<Record<string, number>>): Record<string, string> {
  const errors: Record<string, string> = {};
  const codes = new Set(rubric.map((i) => i.code));
  for (const code of Object.keys(scores)) if (!codes.has(code)) errors[code] = '评分细则中没有这一项';
  for (const item of rubric) {
    const v = scores[item.code];
    if (v === undefined) errors[item.code] = `“${item.label}”未评分`;
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < item.min || v > item.max)
      errors[item.code] = `“${item.label}”的分数应在 ${item.min} 至 ${item.max} 之间`;
    else if (Math.abs(Math.round(v * 10) - v * 10) > 1e-9) errors[item.code] = `“${item.label}”的分数最多保留一位小数`;
  }
  return errors;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function totalOf(rubric: readonly RubricItem[], scores: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const item of rubric) sum += (scores[item.code] ?? 0) * (item.weight ?? 1);
  return round2(sum);
}

export const maxTotalOf = (rubric: readonly RubricItem[]) => round2(rubric.reduce((s, i) => s + i.max * (i.weight ?? 1), 0));

/**
 * A subject's score from its experts' totals: null with none. A trimmed mean drops `drop` highest and `drop`
 * lowest totals when at least one total remains after it; otherwise it is the plain mean.
 */
export function aggregate(totals: readonly number[], method: Aggregation, drop: number): number | null {
  if (!totals.length) return null;
  let kept = [...totals].sort((a, b) => a - b);
  if (method === 'trimmed_mean' && kept.length - 2 * drop >= 1) kept = kept.slice(drop, kept.length - drop);
  return round2(kept.reduce((s, x) => s + x, 0) / kept.length);
}

export function median(xs: readonly number[]): number {
  if (!xs.length) throw new RangeError('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median absolute deviation from the median. */
export const mad = (xs: readonly number[]) => {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
};

/**
 * Which totals are outliers: |x − median| > k·MAD. With MAD 0 (most experts agree exactly) any total off the
 * median is flagged. Fewer than three totals are never flagged: there is no majority to stand apart from.
 */
export function outliers(totals: readonly number[], k: number): boolean[] {
  if (totals.length < 3) return totals.map(() => false);
  const m = median(totals);
  const d = mad(totals);
  return totals.map((x) => (d === 0 ? Math.abs(x - m) > 1e-9 : Math.abs(x - m) > k * d + 1e-9));
}

export interface Ranked<T> {
  item: T;
  /** Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
}

/** Best first; subjects without a score last and unranked (rank null); ties broken by the key for a stable order. */
export function rank<T>(
  items: readonly T[],
  score: (t: T) => number | null,
  key: (t: T) => string,
): (Ranked<T> | { item: T; rank: null })[] {
  const scored = items.filter((t) => score(t) !== null);
  const unscored = items.filter((t) => score(t) === null);
  scored.sort((a, b) => score(b)! - score(a)! || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const out: (Ranked<T> | { item: T; rank: null })[] = [];
  scored.forEach((t, i) => {
    const prev = out[i - 1];
    out.push({ item: t, rank: prev && score(prev.item) === score(t) ? prev.rank! : i + 1 });
  });
  for (const t of unscored) out.push({ item: t, rank: null });
  return out;
}
