import type { TrendPoint } from '../../../core/indicators/index.ts';
import type { DistrictFigures } from './registry-figures.ts';

/** The rolled-up document a recompute run stores per scope (`indicator_snapshots.payload`). */
export interface SnapshotValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: 'computed' | 'reported';
  reportId: string | null;
  measuredAt: string | null;
  trend: TrendPoint[];
}

export interface SnapshotCluster {
  code: string;
  name: string;
  enterprises: number;
  certifiedEnterprises: number;
  carriers: number;
}

export interface SnapshotDistrict {
  id: string;
  name: string;
  code: string;
  values: Record<string, number | null>;
}

export interface SnapshotPayload {
  scope: string;
  measuredAt: string;
  values: Record<string, SnapshotValue>;
  clusters: SnapshotCluster[];
  /** City snapshot only: every district's values, for the cockpit's district table and map. */
  districts?: SnapshotDistrict[];
  /** City snapshot only: the register's counts per district, for the bureau's and departments' home pages. */
  registry?: DistrictFigures[];
}
