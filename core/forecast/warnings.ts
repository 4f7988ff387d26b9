/**
 * 专业预警 (二 (一) 3 专业动态调整机制; 二 (五) 16): majors whose forecast demand falls below the policy's thresholds,
 * and growing clusters no enrolled major feeds. Pure: the figures of each series and the thresholds in, the
 * warnings with the figures behind them out.
 */
export interface WarningThresholds {
  /** A major is warned when its forecast demand (next 12 months' mean) is below its last 12 months' by more than this share. */
  demandDropShare: number;
  /** …or when its forecast demand per 100 enrolled students is below this. */
  minDemandPer100Students: number;
  /** A cluster whose forecast demand grows by at least this share and that no enrolled major feeds is warned. */
  clusterGrowthShare: number;
}

export interface SeriesFigures {
  key: string;
  name: string;
  /** Mean of the last 12 months of demand (people wanted by open talent demands + places left on posts). */
  recentDemand: number;
  /** Mean of the next 12 months' forecast of the same; null while the history is too short to forecast. */
  forecastDemand: number | null;
  /** Enrolled students now (of the major; of every major feeding the cluster). */
  students: number;
}

export type WarningKind = 'demand_falling' | 'demand_low' | 'cluster_without_majors';

export interface Warning {
  kind: WarningKind;
  dimension: 'major' | 'cluster';
  key: string;
  name: string;
  recentDemand: number;
  forecastDemand: number;
  students: number;
  /** forecastDemand / recentDemand − 1 (null when there was no recent demand). */
  change: number | null;
  /** forecastDemand per 100 enrolled students (null without students). */
  demandPer100Students: number | null;
}

function figures(f: SeriesFigures & { forecastDemand: number }) {
  return {
    recentDemand: f.recentDemand,
    forecastDemand: f.forecastDemand,
    students: f.students,
    change: f.recentDemand > 0 ? f.forecastDemand / f.recentDemand - 1 : null,
    demandPer100Students: f.students > 0 ? (100 * f.forecastDemand) / f.students : null,
  };
}

export function majorWarnings(majors: readonly SeriesFigures[], clusters: readonly SeriesFigures[], t: WarningThresholds): Warning[] {
  const out: Warning[] = [];
  for (const m of majors) {
    if (m.forecastDemand === null || m.key === '') continue;
    const f = figures({ ...m, forecastDemand: m.forecastDemand });
    if (f.change !== null && f.change < -t.demandDropShare)
      out.push({ kind: 'demand_falling', dimension: 'major', key: m.key, name: m.name, ...f });
    if (f.demandPer100Students !== null && f.demandPer100Students < t.minDemandPer100Students) {
      out.push({ kind: 'demand_low', dimension: 'major', key: m.key, name: m.name, ...f });
    }
  }
  for (const c of clusters) {
    if (c.forecastDemand === null || c.key === '' || c.students > 0) continue;
    const f = figures({ ...c, forecastDemand: c.forecastDemand });
    const growing = c.recentDemand > 0 ? f.change! >= t.clusterGrowthShare : c.forecastDemand > 0;
    if (growing) out.push({ kind: 'cluster_without_majors', dimension: 'cluster', key: c.key, name: c.name, ...f });
  }
  const order: Record<WarningKind, number> = { cluster_without_majors: 0, demand_falling: 1, demand_low: 2 };
  // worst first: the steepest fall, the least demand per student; clusters in code order
  const severity = (w: Warning) =>
    w.kind === 'demand_low' ? (w.demandPer100Students ?? 0) : w.kind === 'demand_falling' ? (w.change ?? 0) : 0;
  return out.sort((a, b) => order[a.kind] - order[b.kind] || severity(a) - severity(b) || a.key.localeCompare(b.key));
}
