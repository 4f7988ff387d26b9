import { checkPlacement, type PlacementFacts, type StudentFacts } from '../internships/placement-check.ts';
import type { InternshipRules } from '../internships/rules.ts';
import type { AllocationPrices } from './allocation.ts';
import { meetsRequiredMajors } from './eligibility.ts';
import { majorFit } from './majors.ts';
import {
  clusterShare,
  dayNumber,
  heldSkills,
  locationShare,
  partPoints,
  preferenceShare,
  skillsShare,
  timingShareOfDays,
  wantedSkills,
  type Opportunity,
  type ScoreContext,
  type Supply,
} from './score.ts';

/**
 * The allocation's candidate graph: which (student, post) pairs are eligible and what they score, without
 * scoring all S × P pairs (60,000 × 8,000 at city scale).
 *
 * The parts that depend only on the student's major (专业对口, 产业对接) or district (通勤) are scored once per
 * major and per district; the students of one (major, district) group share them, so each group orders the
 * posts once by the best score a pair could reach with full personal parts (技能证书, 个人意向, 时间). Walking
 * that order, a student stops as soon as no remaining post can matter:
 * - `best(k)`: each student's best K eligible posts — the K-th best so far beats every remaining bound. The
 *   result is exactly the top K of the full scores (ties by lower post index).
 * - `price(prices, limit)`: the pairs outside the graph that would improve the current optimum (negative reduced
 *   cost under the solver's potentials), at most `limit` per student, most improving first — the pricing step of
 *   column generation. The bound plus the post's potential orders the walk, so a student stops when no remaining
 *   post can price negative, and an empty answer proves the optimum exact for every eligible pair.
 * Dates are day numbers and the placement rules are checked once per student and class of posts (kind, start
 * date, night shift, tasks: a handful), so a scored pair costs a few array reads.
 */

export interface CandidateStudent extends Supply, StudentFacts {}
export type CandidatePost = Opportunity & PlacementFacts & { majorCodes: readonly string[] };

export interface CandidateArc {
  student: number;
  post: number;
  /** Score × 10 as an integer (scores have one decimal). */
  score: number;
}

export interface CandidateOptions {
  minScore: number;
  /** Pairs never to propose (rejected earlier). */
  excluded?: (student: number, post: number) => boolean;
}

export interface CandidateGraph {
  best(k: number): CandidateArc[];
  price(prices: AllocationPrices, limit: number): CandidateArc[];
}

interface Group {
  /** Posts by bound, highest first, ties by lower index. */
  order: Int32Array;
  /** Per post: round((major + cluster + commute points + the most the personal parts can add) × 10): a pair scores no more. */
  bound: Int32Array;
  /** Per post: the group's major, cluster and commute points. */
  base: Float64Array;
  /** Per post: the student's major meets the post's required majors. */
  majorOk: Uint8Array;
  members: number[];
}

export function candidateGraph(
  ctx: ScoreContext,
  rules: InternshipRules,
  students: readonly CandidateStudent[],
  posts: readonly CandidatePost[],
  options: CandidateOptions,
): CandidateGraph {
  const w = ctx.policy.weights;
  const minScore10 = Math.round(options.minScore * 10);
  const P = posts.length;
  const wanted = posts.map(wantedSkills);
  // The most the personal parts can add on a post: a post asking for no skills gives every student half the
  // skills points, exactly (score.ts skillsShare), so its bound is that much tighter.
  const personalMax = Float64Array.from(
    wanted,
    (want) => (want.length === 0 ? partPoints(w.skills, 0.5) : w.skills) + w.preference + w.timing,
  );
  const startDay = Float64Array.from(posts, (p) => dayNumber(p.startDate));
  const endDay = Float64Array.from(posts, (p) => dayNumber(p.endDate));

  // The placement rules read the post's kind, start date, night shift and tasks only.
  const classIndex = new Map<string, number>();
  const classPost: CandidatePost[] = [];
  const classOf = Int32Array.from(posts, (p) => {
    const key = `${p.kind}|${p.startDate}|${p.nightShift}|${[...p.tasks].sort().join(',')}`;
    let c = classIndex.get(key);
    if (c === undefined) classIndex.set(key, (c = classPost.push(p) - 1));
    return c;
  });
  const C = classPost.length;
  /** Per student and class of posts: 0 not checked yet, 1 placeable, 2 not. */
  const placeable = new Uint8Array(students.length * C);
  const eligible = (si: number, post: number, g: Group) => {
    if (!g.majorOk[post]) return false;
    const at = si * C + classOf[post]!;
    if (placeable[at] === 0) placeable[at] = checkPlacement(students[si]!, classPost[classOf[post]!]!, rules).length === 0 ? 1 : 2;
    return placeable[at] === 1;
  };

  const byMajor = new Map<string, { points: Float64Array; ok: Uint8Array }>();
  const majorParts = (major: string | null) => {
    const key = major ?? '';
    let m = byMajor.get(key);
    if (!m) {
      const points = new Float64Array(P),
        ok = new Uint8Array(P);
      posts.forEach((p, i) => {
        const fit = majorFit(ctx.catalogue, major, p.majorCodes, p.clusterCode);
        points[i] =
          partPoints(w.major, fit.level === 'none' ? 0 : ctx.policy.majorLevels[fit.level]) +
          (p.clusterCode ? partPoints(w.cluster, clusterShare(ctx, major, p.clusterCode)) : 0);
        ok[i] = meetsRequiredMajors(p, fit, ctx.policy) ? 1 : 0;
      });
      byMajor.set(key, (m = { points, ok }));
    }
    return m;
  };
  const byDistrict = new Map<string, Float64Array>();
  const locationPoints = (district: string | null) => {
    const key = district ?? '';
    let l = byDistrict.get(key);
    if (!l)
      byDistrict.set(key, (l = Float64Array.from(posts, (p) => partPoints(w.location, locationShare(ctx, district, p.districtId).share))));
    return l;
  };
  const groups = new Map<string, Group>();
  const groupOfStudent: Group[] = students.map((s, si) => {
    const key = `${s.majorCode ?? ''}|${s.districtId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const m = majorParts(s.majorCode),
        l = locationPoints(s.districtId);
      const base = new Float64Array(P),
        bound = new Int32Array(P);
      let top = 0;
      for (let p = 0; p < P; p++) {
        base[p] = m.points[p]! + l[p]!;
        bound[p] = Math.max(0, Math.round((base[p]! + personalMax[p]!) * 10));
        if (bound[p]! > top) top = bound[p]!;
      }
      // Counting sort on the bound (small integers), descending; stable, so ties keep the lower post first.
      const start = new Int32Array(top + 2);
      for (let p = 0; p < P; p++) start[top - bound[p]! + 1]++;
      for (let b = 1; b <= top + 1; b++) start[b] += start[b - 1]!;
      const order = new Int32Array(P);
      for (let p = 0; p < P; p++) order[start[top - bound[p]!]!++] = p;
      groups.set(key, (g = { order, bound, base, majorOk: m.ok, members: [] }));
    }
    g.members.push(si);
    return g;
  });

  /** One student's personal facts, prepared once, and the score ×10 of a pair. */
  const scorer = (si: number) => {
    const s = students[si]!;
    const have = heldSkills(s);
    const from = dayNumber(s.availableFrom),
      to = dayNumber(s.availableTo);
    const g = groupOfStudent[si]!;
    return (post: number) =>
      Math.round(
        (g.base[post]! +
          partPoints(w.skills, skillsShare(wanted[post]!, have)) +
          partPoints(w.preference, preferenceShare(s, posts[post]!)) +
          partPoints(w.timing, timingShareOfDays(from, to, startDay[post]!, endDay[post]!))) *
          10,
      );
  };

  return {
    best(k) {
      const arcs: CandidateArc[] = [];
      for (let si = 0; si < students.length; si++) {
        const g = groupOfStudent[si]!;
        const scoreOf = scorer(si);
        const best: CandidateArc[] = [];
        for (let i = 0; i < P; i++) {
          const post = g.order[i]!;
          const kth = best.length >= k ? best[best.length - 1]!.score : -Infinity;
          if (g.bound[post]! < Math.max(kth, minScore10)) break;
          if (options.excluded?.(si, post)) continue;
          const score = scoreOf(post);
          if (score < minScore10 || score < kth || (score === kth && post > best[best.length - 1]!.post)) continue;
          if (!eligible(si, post, g)) continue;
          // Insert in order (score desc, post asc) and keep K.
          let at = best.length;
          while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.post > post))) at--;
          best.splice(at, 0, { student: si, post, score });
          if (best.length > k) best.pop();
        }
        for (const a of best) arcs.push(a);
      }
      return arcs;
    },

    price(prices, limit) {
      const arcs: CandidateArc[] = [];
      for (const g of groups.values()) {
        let need = Infinity;
        for (const si of g.members) if (prices.student[si]! < need) need = prices.student[si]!;
        // Posts on which some member could gain, by bound plus potential (highest first, ties by lower index).
        const open: number[] = [];
        for (let p = 0; p < P; p++) if (g.bound[p]! + prices.post[p]! > need) open.push(p);
        const key = (p: number) => g.bound[p]! + prices.post[p]!;
        open.sort((a, b) => key(b) - key(a) || a - b);
        for (const si of g.members) {
          const pi = prices.student[si]!;
          const kept: { post: number; score: number; gain: number }[] = [];
          let scoreOf: ((post: number) => number) | null = null;
          for (const post of open) {
            const room = key(post) - pi;
            if (room <= 0 || (kept.length >= limit && room <= kept[kept.length - 1]!.gain)) break;
            if (post === prices.assigned[si] || options.excluded?.(si, post)) continue;
            scoreOf ??= scorer(si);
            const score = scoreOf(post);
            const gain = score + prices.post[post]! - pi;
            if (score < minScore10 || gain <= 0) continue;
            if (
              kept.length >= limit &&
              (gain < kept[kept.length - 1]!.gain || (gain === kept[kept.length - 1]!.gain && post > kept[kept.length - 1]!.post))
            )
              continue;
            if (!eligible(si, post, g)) continue;
            let at = kept.length;
            while (at > 0 && (kept[at - 1]!.gain < gain || (kept[at - 1]!.gain === gain && kept[at - 1]!.post > post))) at--;
            kept.splice(at, 0, { post, score, gain });
            if (kept.length > limit) kept.pop();
          }
          for (const a of kept) arcs.push({ student: si, post: a.post, score: a.score });
        }
      }
      return arcs;
    },
  };
}

/** Each student's best K eligible posts by match score (ties by lower post index): the pruned graph. */
export function candidateArcs(
  ctx: ScoreContext,
  rules: InternshipRules,
  students: readonly CandidateStudent[],
  posts: readonly CandidatePost[],
  options: CandidateOptions & { k: number },
): CandidateArc[] {
  return candidateGraph(ctx, rules, students, posts, options).best(options.k);
}
