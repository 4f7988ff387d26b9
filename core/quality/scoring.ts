import type { SchoolFactValues } from './facts.ts';
import type { DimensionCode, FactKey, PartyCode, QualityIndicator, QualityPolicy, QualitySystem, SurveyKind } from './policy.ts';

/**
 * The multi-party quality evaluation's arithmetic (三 18), pure: an indicator's value scored against its floor and
 * target, indicator scores weighted into each party's view of a dimension, the parties' views weighted into the
 * dimension (re-normalised over the parties that have data), the dimensions into the total; rank among schools,
 * trend over years, and the indicators that are slipping. A value of null is "no data yet": it is left out and the
 * weights of what remains are re-normalised, never scored as 0.
 */

/** A survey's result for one school, as the surveys capability reports it (score 0–100). */
export interface SurveyScore {
  schoolId: string;
  kind: SurveyKind;
  score: number;
  responses: number;
  invited: number;
}

export type IndicatorValues = Record<string, number | null>;

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Every indicator's value of one school: computed ones from its facts, survey ones from its survey scores (no
 * answers: no data), collected ones as the owning party entered them (absent: no data).
 */
export function indicatorValues(
  system: QualitySystem,
  facts: SchoolFactValues,
  surveys: readonly Omit<SurveyScore, 'schoolId'>[],
  collected: Readonly<Record<string, number>>,
): IndicatorValues {
  const out: IndicatorValues = {};
  for (const d of system.dimensions)
    for (const i of d.indicators) {
      if (i.source === 'computed') out[i.code] = facts[i.formula as FactKey]?.value ?? null;
      else if (i.source === 'survey') {
        const s = surveys.find((x) => x.kind === i.formula && x.responses > 0);
        out[i.code] = s ? round1(s.score) : null;
      } else out[i.code] = collected[i.code] ?? null;
    }
  return out;
}

export type IndicatorParts = Record<string, { numerator: number; denominator: number } | null>;

/** The parts behind each value a school can check: a share's numerator and denominator, a survey's answers and invitations. */
export function indicatorParts(
  system: QualitySystem,
  facts: SchoolFactValues,
  surveys: readonly Omit<SurveyScore, 'schoolId'>[],
): IndicatorParts {
  const out: IndicatorParts = {};
  for (const d of system.dimensions)
    for (const i of d.indicators) {
      const f = i.source === 'computed' ? facts[i.formula as FactKey] : undefined;
      const s = i.source === 'survey' ? surveys.find((x) => x.kind === i.formula) : undefined;
      out[i.code] =
        f?.numerator !== undefined && f.denominator !== undefined
          ? { numerator: f.numerator, denominator: f.denominator }
          : s
            ? { numerator: s.responses, denominator: s.invited }
            : null;
    }
  return out;
}

/**
 * An indicator's score, 0–100: at or beyond the target 100, at the floor `passScore`, linear between; short of the
 * floor it falls linearly to 0 (at 0 for `higher`, at twice the floor's distance from the target for `lower`).
 */
export function indicatorScore(i: Pick<QualityIndicator, 'direction' | 'floor' | 'target'>, value: number, passScore: number): number {
  const span = Math.abs(i.target - i.floor);
  // How far the value is past the floor towards the target, in units of the floor–target span (negative: short of the floor).
  const ahead = i.direction === 'higher' ? (value - i.floor) / span : (i.floor - value) / span;
  if (ahead >= 1) return 100;
  if (ahead >= 0) return round1(passScore + (100 - passScore) * ahead);
  const shortfallRoom = i.direction === 'higher' ? i.floor : span;
  const short = i.direction === 'higher' ? i.floor - value : value - i.floor;
  return shortfallRoom > 0 ? round1(clamp(passScore * (1 - short / shortfallRoom), 0, passScore)) : 0;
}

const weighted = (xs: ReadonlyArray<{ weight: number; score: number | null }>): number | null => {
  const present = xs.filter((x) => x.score !== null);
  const w = present.reduce((a, x) => a + x.weight, 0);
  return w > 0 ? round1(present.reduce((a, x) => a + x.weight * x.score!, 0) / w) : null;
};

export interface IndicatorResult {
  code: string;
  value: number | null;
  score: number | null;
}

export interface DimensionResult {
  code: DimensionCode;
  /** The score from the indicators, before any evaluator's adjustment. */
  computed: number | null;
  /** The third-party evaluator's adjustment (0 when none). */
  adjustment: number;
  score: number | null;
  parties: Array<{ code: PartyCode; score: number | null }>;
  indicators: IndicatorResult[];
}

export interface SchoolEvaluation {
  total: number | null;
  dimensions: DimensionResult[];
}

/** One school's evaluation: indicator, party, dimension and total scores; adjustments are clamped to the policy's limit. */
export function evaluateSchool(
  policy: Pick<QualityPolicy, 'passScore' | 'maxAdjustment'>,
  system: QualitySystem,
  values: IndicatorValues,
  adjustments: Partial<Record<DimensionCode, number>> = {},
): SchoolEvaluation {
  const dimensions = system.dimensions.map((d): DimensionResult => {
    const indicators = d.indicators.map((i) => {
      const value = values[i.code] ?? null;
      return { code: i.code, value, score: value === null ? null : indicatorScore(i, value, policy.passScore) };
    });
    const parties = system.parties.map((p) => ({
      code: p.code,
      score: weighted(d.indicators.flatMap((i, k) => (i.party === p.code ? [{ weight: i.weight, score: indicators[k]!.score }] : []))),
    }));
    const computed = weighted(parties.map((p, k) => ({ weight: system.parties[k]!.weight, score: p.score })));
    const adjustment = clamp(adjustments[d.code] ?? 0, -policy.maxAdjustment, policy.maxAdjustment);
    const score = computed === null ? null : round1(clamp(computed + adjustment, 0, 100));
    return { code: d.code, computed, adjustment, score, parties, indicators };
  });
  const total = weighted(dimensions.map((r, k) => ({ weight: system.dimensions[k]!.weight, score: r.score })));
  return { total, dimensions };
}

/** Standard competition ranking by total (1, 1, 3 …); a school without a total has no rank. */
export function rankByTotal<T extends { schoolId: string; total: number | null }>(xs: readonly T[]): Map<string, number | null> {
  const scored = xs.filter((x) => x.total !== null).sort((a, b) => b.total! - a.total!);
  const out = new Map<string, number | null>(xs.map((x) => [x.schoolId, null]));
  scored.forEach((x, k) => out.set(x.schoolId, k > 0 && scored[k - 1]!.total === x.total ? out.get(scored[k - 1]!.schoolId)! : k + 1));
  return out;
}

export interface TrendPoint {
  year: number;
  total: number | null;
  /** Change from the previous year shown (null for the first, or when either has no total). */
  change: number | null;
}

/** A school's totals over the years, oldest first, each with its change from the year before it. */
export function trendOf(history: ReadonlyArray<{ year: number; total: number | null }>): TrendPoint[] {
  const sorted = [...history].sort((a, b) => a.year - b.year);
  return sorted.map((h, k) => {
    const prev = sorted[k - 1];
    return {
      year: h.year,
      total: h.total,
      change: prev && prev.year === h.year - 1 && prev.total !== null && h.total !== null ? round1(h.total - prev.total) : null,
    };
  });
}

export interface Slipping {
  code: string;
  dimension: DimensionCode;
  value: number;
  floor: number;
  previous: number | null;
  /** below_floor: short of the floor; falling: worse than last period by more than the policy's share. */
  reasons: Array<'below_floor' | 'falling'>;
}

/**
 * Process monitoring (三 18): the indicators of a school that are slipping — short of their floor, or worse than
 * the previous period (last year, or the last computation) by more than `slipDropShare` of the previous value.
 */
export function slippingIndicators(
  policy: Pick<QualityPolicy, 'slipDropShare'>,
  system: QualitySystem,
  current: IndicatorValues,
  previous: IndicatorValues | null,
): Slipping[] {
  const out: Slipping[] = [];
  for (const d of system.dimensions)
    for (const i of d.indicators) {
      const value = current[i.code] ?? null;
      if (value === null) continue;
      const prev = previous?.[i.code] ?? null;
      const reasons: Slipping['reasons'] = [];
      if (i.direction === 'higher' ? value < i.floor : value > i.floor) reasons.push('below_floor');
      if (prev !== null && prev !== 0) {
        const worse = i.direction === 'higher' ? prev - value : value - prev;
        if (worse > policy.slipDropShare * Math.abs(prev)) reasons.push('falling');
      }
      if (reasons.length) out.push({ code: i.code, dimension: d.code, value, floor: i.floor, previous: prev, reasons });
    }
  return out;
}
