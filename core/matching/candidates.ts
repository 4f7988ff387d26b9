import type { PlacementFacts, StudentFacts } from '../internships/placement-check.ts';
import type { InternshipRules } from '../internships/rules.ts';
import { ineligibility } from './eligibility.ts';
import { majorFit, type MajorFit } from './majors.ts';
import {
  clusterShare, heldSkills, locationShare, partPoints, preferenceShare, skillsShare, timingShare, wantedSkills, type Opportunity, type ScoreContext, type Supply,
} from './score.ts';

/**
 * Each student's best K eligible posts by match score: the candidate graph of the allocation. Scoring every
 * student against every post costs S × P (60,000 × 8,000 at city scale), so the parts that depend only on the
 * student's major (专业对口, 产业对接) or district (通勤) are scored once per major and per district; each
 * student then walks the group's posts best-first and stops as soon as no remaining post can beat the K-th
 * best even with full personal parts (技能证书, 个人意向, 时间). The result is exactly the top K of the full
 * scores (ties by lower post index), computed on a fraction of the pairs.
 */

export interface CandidateStudent extends Supply, StudentFacts {}
export type CandidatePost = Opportunity & PlacementFacts & { majorCodes: readonly string[] };

export interface CandidateArc {
  student: number;
  post: number;
  /** Score × 10 as an integer (scores have one decimal). */
  score: number;
}

export function candidateArcs(
  ctx: ScoreContext, rules: InternshipRules, students: readonly CandidateStudent[], posts: readonly CandidatePost[],
  options: { k: number; minScore: number; excluded?: (student: number, post: number) => boolean },
): CandidateArc[] {
  const w = ctx.policy.weights;
  const personalMax = w.skills + w.preference + w.timing;
  const wanted = posts.map(wantedSkills);
  // Parts that depend on the major only (fit, 产业对接) and on the district only (通勤), each computed once.
  const byMajor = new Map<string, { fits: MajorFit[]; points: Float64Array }>();
  const majorParts = (major: string | null) => {
    const key = major ?? '';
    let m = byMajor.get(key);
    if (!m) {
      const fits = posts.map((p) => majorFit(ctx.catalogue, major, p.majorCodes, p.clusterCode));
      const points = Float64Array.from(posts, (p, i) =>
        partPoints(w.major, fits[i]!.level === 'none' ? 0 : ctx.policy.majorLevels[fits[i]!.level as Exclude<typeof fits[number]['level'], 'none'>]) +
        (p.clusterCode ? partPoints(w.cluster, clusterShare(ctx, major, p.clusterCode)) : 0));
      byMajor.set(key, (m = { fits, points }));
    }
    return m;
  };
  const byDistrict = new Map<string, Float64Array>();
  const locationPoints = (district: string | null) => {
    const key = district ?? '';
    let l = byDistrict.get(key);
    if (!l) byDistrict.set(key, (l = Float64Array.from(posts, (p) => partPoints(w.location, locationShare(ctx, district, p.districtId).share))));
    return l;
  };
  const groups = new Map<string, { post: number; base: number }[]>();
  const groupOf = (s: CandidateStudent) => {
    const key = `${s.majorCode ?? ''}|${s.districtId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      const m = majorParts(s.majorCode).points, l = locationPoints(s.districtId);
      g = posts.map((_p, post) => ({ post, base: m[post]! + l[post]! })).sort((a, b) => b.base - a.base || a.post - b.post);
      groups.set(key, g);
    }
    return g;
  };
  const arcs: CandidateArc[] = [];
  const minScore10 = Math.round(options.minScore * 10);
  students.forEach((s, si) => {
    const best: CandidateArc[] = [];
    const have = heldSkills(s);
    const fits = majorParts(s.majorCode).fits;
    for (const { post, base } of groupOf(s)) {
      const kth = best.length >= options.k ? best[best.length - 1]!.score : -Infinity;
      if (Math.round((base + personalMax) * 10) < Math.max(kth, minScore10)) break;
      if (options.excluded?.(si, post)) continue;
      const p = posts[post]!;
      // The same points as scoreMatch's parts, without building the reasons (the chosen pairs get those later).
      const total = base + partPoints(w.skills, skillsShare(wanted[post]!, have)) + partPoints(w.preference, preferenceShare(s, p)) + partPoints(w.timing, timingShare(s, p));
      const score = Math.round(total * 10);
      if (score < minScore10 || score < kth || (score === kth && post > best[best.length - 1]!.post)) continue;
      if (ineligibility(s, p, fits[post]!, rules, ctx.policy).length) continue;
      // Insert in order (score desc, post asc) and keep K.
      let i = best.length;
      while (i > 0 && (best[i - 1]!.score < score || (best[i - 1]!.score === score && best[i - 1]!.post > post))) i--;
      best.splice(i, 0, { student: si, post, score });
      if (best.length > options.k) best.pop();
    }
    arcs.push(...best);
  });
  return arcs;
}
