import dayjs from 'dayjs';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** Figures as the bureau writes them: thousands separators, at most two decimals. */
export function formatNumber(value: number): string {
  return grouped.format(value);
}

/**
 * A table cell: numbers formatted (separators only from five digits on, so that years and codes such as
 * 2024 read as written), empty cells as a dash.
 */
export function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return value;
  return Math.abs(value) >= 10_000 ? grouped.format(value) : plain.format(value);
}

/** A calendar date ("2026-12-07") or a timestamp as Chinese readers write it: 2026年12月7日 (in the reader's time zone). */
export function formatDate(value: string): string {
  return dayjs(value).format('YYYY年M月D日');
}
