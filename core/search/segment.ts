import type { Dictionary } from './dictionary.ts';

/**
 * jieba's dictionary segmentation without the HMM, on a run of Chinese characters: build the DAG of every
 * dictionary word starting at each character, then take the route of maximum probability (sum of
 * ln(freq / total) over its words, characters outside the dictionary counting as frequency 1) by dynamic
 * programming from the end of the run. Unknown characters come out one by one.
 *
 * `chars` are code points (a run may hold characters outside the BMP); the result is the words in order.
 */
export function segmentRun(dict: Dictionary, chars: readonly string[]): string[] {
  const n = chars.length;
  if (n === 0) return [];
  // DAG: for each start k, the ends i (inclusive) such that chars[k..i] is a word.
  const dag: number[][] = new Array(n);
  for (let k = 0; k < n; k++) {
    const ends: number[] = [];
    let frag = chars[k]!;
    let i = k;
    while (i < n) {
      const f = dict.freq.get(frag);
      if (f === undefined) break;
      if (f > 0) ends.push(i);
      i++;
      if (i < n) frag += chars[i]!;
    }
    if (!ends.length || ends[0] !== k) ends.unshift(k);
    dag[k] = ends;
  }
  // route[k]: best log-probability of chars[k..] and the end of its first word.
  const score = new Float64Array(n + 1);
  const next = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    let best = -Infinity;
    let bestEnd = k;
    let word = '';
    let last = k - 1;
    for (const end of dag[k]!) {
      for (let j = last + 1; j <= end; j++) word += chars[j]!;
      last = end;
      const f = end === k ? dict.freq.get(word) || 1 : dict.freq.get(word)!;
      const s = Math.log(f) - dict.logTotal + score[end + 1]!;
      // Ties go to the longer word, as in jieba (max over (score, end) tuples).
      if (s > best || (s === best && end > bestEnd)) {
        best = s;
        bestEnd = end;
      }
    }
    score[k] = best;
    next[k] = bestEnd;
  }
  const out: string[] = [];
  for (let k = 0; k < n;) {
    const end = next[k]!;
    out.push(chars.slice(k, end + 1).join(''));
    k = end + 1;
  }
  return out;
}

/**
 * Every dictionary word inside `word` other than itself (jieba's search mode, generalised to all lengths):
 * 职业技术学院 → 职业, 技术, 学院, 职业技术 … when those are words. Used on the indexed side so that a query
 * for a part of a long word still meets a whole word, not only its bigrams.
 */
export function innerWords(dict: Dictionary, word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let k = 0; k < chars.length; k++) {
    let frag = chars[k]!;
    for (let i = k + 1; i < chars.length; i++) {
      frag += chars[i]!;
      const f = dict.freq.get(frag);
      if (f === undefined) break;
      if (f > 0 && !(k === 0 && i === chars.length - 1)) out.push(frag);
    }
  }
  return out;
}
