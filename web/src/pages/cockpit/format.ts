import type { Cockpit, TargetProgress } from '../../../../contracts/cockpit.ts';

/** Shared wording and colours of the cockpit: 红黄绿 as the bureau reads them. */
export type Status = TargetProgress['status'];

export const STATUS_COLOR: Record<Status, string> = { green: '#2fbf71', amber: '#f5a623', red: '#e5484d', unknown: '#8a94a6' };
export const STATUS_LABEL: Record<Status, string> = { green: '进度正常', amber: '略有滞后', red: '明显滞后', unknown: '未评估' };

export function goalText(t: Pick<TargetProgress, 'comparator' | 'goal' | 'min' | 'max' | 'unit'>): string {
  if (t.comparator === 'between') return `${t.min}–${t.max}${t.unit}`;
  return `${t.comparator === '>=' ? '≥' : '≤'}${t.goal}${t.unit}`;
}

export function valueText(v: number | null, unit: string): string {
  if (v === null) return '—';
  const n = Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
  return unit === '%' ? `${n}%` : n;
}

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export type CockpitData = Cockpit;
