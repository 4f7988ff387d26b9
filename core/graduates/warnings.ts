import type { RateParts } from './rules.ts';

/**
 * 专业预警 on graduates' outcomes (二 (一) 3 专业动态调整机制; issue 16 item 5): a major whose graduates stay in
 * Zhengzhou (留郑率) or find a destination (去向落实率) below the policy's shares, judged only where a major has
 * enough graduates for a share to mean something. Pure: each major's counts and the thresholds in.
 */
export interface OutcomeThresholds {
  /** A major is warned when its 留郑率 is below this share… */
  minRetentionShare: number;
  /** …or when the share of its graduates with a destination (not 待就业或暂不就业) is below this. */
  minPlacementShare: number;
  /** Majors with fewer graduates at the survey point are not judged. */
  minGraduates: number;
}

export interface MajorOutcome {
  key: string;
  name: string;
  retention: RateParts;
  /** Graduates recorded at the survey point, and those of them with a destination. */
  graduates: number;
  placed: number;
}

export type OutcomeWarningKind = 'retention_low' | 'placement_low';

export interface OutcomeWarning {
  kind: OutcomeWarningKind;
  key: string;
  name: string;
  graduates: number;
  retention: number | null;
  placement: number | null;
}

export function outcomeWarnings(majors: readonly MajorOutcome[], t: OutcomeThresholds): OutcomeWarning[] {
  const out: OutcomeWarning[] = [];
  for (const m of majors) {
    if (m.graduates < t.minGraduates) continue;
    const retention = m.retention.denominator ? m.retention.numerator / m.retention.denominator : null;
    const placement = m.placed / m.graduates;
    const base = { key: m.key, name: m.name, graduates: m.graduates, retention, placement };
    if (placement < t.minPlacementShare) out.push({ kind: 'placement_low', ...base });
    if (retention !== null && retention < t.minRetentionShare) out.push({ kind: 'retention_low', ...base });
  }
  return out.sort((a, b) => (a.placement ?? 1) - (b.placement ?? 1) || a.key.localeCompare(b.key));
}
