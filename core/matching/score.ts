import { distanceKm, type GeoPoint } from './geo.ts';
import { majorFit, type MajorCatalogue, type MajorFit } from './majors.ts';
import { SCORE_PART_LABELS, type MatchingPolicy, type ScorePart } from './policy.ts';

/**
 * Explainable match scores. A score is the sum of named parts (专业对口 · 技能证书 · 通勤 · 产业对接 · 个人意向 ·
 * 时间), each with its points, its maximum (the policy weight) and a sentence saying why, so that a student, a
 * school or an enterprise can check every point. Pure and deterministic: the same facts give the same score.
 */

/** The supply side: a student, or a school's program (no preferences, no availability). */
export interface Supply {
  majorCode: string | null;
  /** Where the student studies (the school's district): the start of the commute. */
  districtId: string | null;
  skills: readonly string[];
  certificates: readonly string[];
  preferredDistrictIds: readonly string[];
  preferredClusterCodes: readonly string[];
  minMonthlyPayYuan: number | null;
  availableFrom: string | null;
  availableTo: string | null;
}

/** The demand side: an internship post, a job, a training need or a technology problem. */
export interface Opportunity {
  majorCodes: readonly string[];
  clusterCode: string | null;
  districtId: string | null;
  skills: readonly string[];
  certificates: readonly string[];
  monthlyPayYuan: number | null;
  startDate: string | null;
  endDate: string | null;
}

export interface District extends GeoPoint {
  name: string;
}

export interface ScoreContext {
  policy: MatchingPolicy;
  catalogue: MajorCatalogue;
  districts: ReadonlyMap<string, District>;
}

export interface ScorePartResult {
  /** One of the six weighted parts, or 培训课程 (course), which only training demands have (training.ts). */
  part: ScorePart | 'course';
  label: string;
  points: number;
  max: number;
  reason: string;
}

export interface MatchScore {
  total: number;
  fit: MajorFit;
  parts: ScorePartResult[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const norm = (s: string) => s.trim().toLowerCase();

/** Points a part earns: its weight times the share met (0–1), to one decimal. Shared by the full score and the allocation's fast path. */
export const partPoints = (max: number, share: number) => round1(max * Math.max(0, Math.min(1, share)));

function part(ctx: ScoreContext, p: ScorePart, share: number, reason: string): ScorePartResult {
  const max = ctx.policy.weights[p];
  return { part: p, label: SCORE_PART_LABELS[p], points: partPoints(max, share), max, reason };
}

/** The skills and certificates an opportunity asks for, normalised and distinct. */
export const wantedSkills = (o: Opportunity) => [...new Set([...o.skills, ...o.certificates].map(norm))].filter(Boolean);
/** What a student holds, normalised. */
export const heldSkills = (s: Supply): ReadonlySet<string> => new Set([...s.skills, ...s.certificates].map(norm));

/** Share of the skills part: half when nothing is asked, else the share of what is asked that is held. */
export function skillsShare(wanted: readonly string[], have: ReadonlySet<string>): number {
  if (wanted.length === 0) return 0.5;
  let met = 0;
  for (const w of wanted) if (have.has(w)) met++;
  return met / wanted.length;
}

/** Each preference: null when not stated (met by anything), else whether the opportunity meets it. */
function preferenceChecks(s: Supply, o: Opportunity) {
  return {
    district: s.preferredDistrictIds.length === 0 ? null : !!(o.districtId && s.preferredDistrictIds.includes(o.districtId)),
    cluster: s.preferredClusterCodes.length === 0 ? null : !!(o.clusterCode && s.preferredClusterCodes.includes(o.clusterCode)),
    pay: s.minMonthlyPayYuan == null || o.monthlyPayYuan == null ? null : o.monthlyPayYuan >= s.minMonthlyPayYuan,
  };
}

/** Three equal thirds (district, cluster, pay); a preference not stated counts as met. */
export function preferenceShare(s: Supply, o: Opportunity): number {
  const c = preferenceChecks(s, o);
  return ((c.district !== false ? 1 : 0) + (c.cluster !== false ? 1 : 0) + (c.pay !== false ? 1 : 0)) / 3;
}

const DAY = 86_400_000;
/** A date (YYYY-MM-DD) as whole days since 1970-01-01; NaN for no date. */
export const dayNumber = (date: string | null) => (date ? Date.parse(date) / DAY : NaN);

/** Share of the opportunity's period the student is available for (1 when either side sets no dates). */
export function timingShare(s: Supply, o: Opportunity): number {
  return timingShareOfDays(dayNumber(s.availableFrom), dayNumber(s.availableTo), dayNumber(o.startDate), dayNumber(o.endDate));
}

/** timingShare on day numbers (NaN: no date), for callers that convert each date once rather than per pair. */
export function timingShareOfDays(availableFrom: number, availableTo: number, start: number, end: number): number {
  if (Number.isNaN(start) || Number.isNaN(end) || (Number.isNaN(availableFrom) && Number.isNaN(availableTo))) return 1;
  const from = availableFrom > start ? availableFrom : start;
  const to = availableTo < end ? availableTo : end;
  return to < from ? 0 : (to - from + 1) / (end - start + 1);
}

/** Share of the commute part between two districts, and the distance (null when a point is unknown). */
export function locationShare(ctx: ScoreContext, from: string | null, to: string | null): { share: number; km: number | null } {
  const a = from ? ctx.districts.get(from) : undefined;
  const b = to ? ctx.districts.get(to) : undefined;
  if (!a || !b) return { share: 0.5, km: null };
  const km = from === to ? 0 : distanceKm(a, b);
  const { fullWithinKm, zeroBeyondKm } = ctx.policy.location;
  return { share: km <= fullWithinKm ? 1 : km >= zeroBeyondKm ? 0 : (zeroBeyondKm - km) / (zeroBeyondKm - fullWithinKm), km };
}

/** Share of the cluster part: 1 when the student's major feeds the opportunity's cluster. */
export const clusterShare = (ctx: ScoreContext, majorCode: string | null, clusterCode: string | null) =>
  clusterCode && majorCode && ctx.catalogue.clustersOf(majorCode).has(clusterCode) ? 1 : 0;

function skillsPart(ctx: ScoreContext, s: Supply, o: Opportunity): ScorePartResult {
  const wanted = wantedSkills(o);
  if (wanted.length === 0) return part(ctx, 'skills', 0.5, '未提出技能或证书要求');
  const have = heldSkills(s);
  const shown = [...new Set([...o.skills, ...o.certificates].filter((w) => have.has(norm(w))))];
  const share = skillsShare(wanted, have);
  const met = Math.round(share * wanted.length);
  return part(
    ctx,
    'skills',
    share,
    met ? `具备所需 ${met}/${wanted.length} 项：${shown.join('、')}` : `所需 ${wanted.length} 项技能证书均未具备`,
  );
}

function locationPart(ctx: ScoreContext, s: Supply, o: Opportunity): ScorePartResult {
  const { share, km } = locationShare(ctx, s.districtId, o.districtId);
  if (km === null) return part(ctx, 'location', share, '地点未知，按一半计');
  const a = ctx.districts.get(s.districtId!)!,
    b = ctx.districts.get(o.districtId!)!;
  return part(ctx, 'location', share, s.districtId === o.districtId ? `同在${a.name}` : `${a.name}至${b.name}约 ${Math.round(km)} 公里`);
}

function clusterPart(ctx: ScoreContext, s: Supply, o: Opportunity): ScorePartResult {
  if (!o.clusterCode) return part(ctx, 'cluster', 0, '企业不属于方案所列产业集群');
  const name = ctx.catalogue.clusterNames.get(o.clusterCode) ?? o.clusterCode;
  const share = clusterShare(ctx, s.majorCode, o.clusterCode);
  return part(ctx, 'cluster', share, share ? `所学专业对接“${name}”产业集群` : `所学专业未对接“${name}”产业集群`);
}

function preferencePart(ctx: ScoreContext, s: Supply, o: Opportunity): ScorePartResult {
  const c = preferenceChecks(s, o);
  const reasons: string[] = [];
  if (c.district !== null) reasons.push(c.district ? '在意向区域' : '不在意向区域');
  if (c.cluster !== null) reasons.push(c.cluster ? '属意向产业' : '不属意向产业');
  if (c.pay !== null)
    reasons.push(c.pay ? `月报酬 ${o.monthlyPayYuan} 元达到期望` : `月报酬 ${o.monthlyPayYuan} 元低于期望 ${s.minMonthlyPayYuan} 元`);
  return part(ctx, 'preference', preferenceShare(s, o), reasons.length ? reasons.join('；') : '未填写意向，视为均可');
}

function timingPart(ctx: ScoreContext, s: Supply, o: Opportunity): ScorePartResult {
  if (!o.startDate || !o.endDate) return part(ctx, 'timing', 1, '时间不限');
  if (!s.availableFrom && !s.availableTo) return part(ctx, 'timing', 1, '学生未限定可参加时间');
  const share = timingShare(s, o);
  return part(
    ctx,
    'timing',
    share,
    share >= 1 ? '可参加时间覆盖全程' : share <= 0 ? '可参加时间与岗位时间不重叠' : `可参加时间覆盖约 ${Math.round(share * 100)}%`,
  );
}

export function scoreMatch(ctx: ScoreContext, s: Supply, o: Opportunity): MatchScore {
  const fit = majorFit(ctx.catalogue, s.majorCode, o.majorCodes, o.clusterCode);
  const major = part(ctx, 'major', fit.level === 'none' ? 0 : ctx.policy.majorLevels[fit.level], fit.reason);
  const parts = [
    major,
    skillsPart(ctx, s, o),
    locationPart(ctx, s, o),
    clusterPart(ctx, s, o),
    preferencePart(ctx, s, o),
    timingPart(ctx, s, o),
  ];
  return { total: round1(parts.reduce((a, p) => a + p.points, 0)), fit, parts };
}

/** A score as the one-line explanation the pages show: "专业对口 40 · 技能证书 20 · 通勤 10 …". */
export const explain = (m: MatchScore) => m.parts.map((p) => `${p.label} ${p.points}`).join(' · ');
