import { FACT_SOURCES, type ReportFacts, type ReportKind } from './facts.ts';
import type { TableSpec } from './policy.ts';

/**
 * The indicator tables of a report, generated from facts — never typed. A row without data reads 暂无数据, never
 * 0; every row carries the date its figure is as of. The city's tables combine the schools' frozen tables row by
 * row (a total, or the mean of the schools that have data) and say on how many schools each figure rests.
 */
export const NO_DATA = '暂无数据';

export interface ReportTableRow {
  fact: string;
  label: string;
  unit: string;
  value: number | null;
  display: string;
  dataDate: string;
  /** Where the figure comes from (a capability's label); null: not collected by the platform yet. */
  source: string | null;
  /** City tables: the number of schools' reports the figure rests on. */
  basis?: number;
}

export interface ReportTable {
  code: string;
  title: string;
  dataDate: string;
  rows: ReportTableRow[];
}

/** 12,345.6 with the unit; 暂无数据 without a value. */
export function displayValue(value: number | null, unit: string): string {
  if (value === null) return NO_DATA;
  const rounded = Math.round(value * 10) / 10;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}${unit === '%' ? '%' : ` ${unit}`}`;
}

export function buildTables(kind: ReportKind, specs: readonly TableSpec[], facts: ReportFacts, dataDate: string): ReportTable[] {
  const sources = FACT_SOURCES[kind];
  return specs.map((t) => ({
    code: t.code,
    title: t.title,
    dataDate,
    rows: t.rows.map((r) => {
      const value = facts[r.fact] ?? null;
      return {
        fact: r.fact,
        label: r.label,
        unit: r.unit,
        value,
        display: displayValue(value, r.unit),
        dataDate,
        source: sources[r.fact] ?? null,
      };
    }),
  }));
}

/** The city's 中职 tables from the schools' published tables (their frozen snapshots), row by row. */
export function aggregateTables(specs: readonly TableSpec[], schools: readonly ReportTable[][], dataDate: string): ReportTable[] {
  return specs.map((t) => ({
    code: t.code,
    title: t.title,
    dataDate,
    rows: t.rows.map((r) => {
      const values = schools
        .map((tables) => tables.find((x) => x.code === t.code)?.rows.find((x) => x.fact === r.fact)?.value ?? null)
        .filter((v): v is number => v !== null);
      const total = values.reduce((a, b) => a + b, 0);
      const value = values.length ? (r.aggregate === 'sum' ? total : Math.round((total / values.length) * 10) / 10) : null;
      const label = r.aggregate === 'mean' ? `${r.label}（校均）` : `${r.label}（合计）`;
      return {
        fact: r.fact,
        label,
        unit: r.unit,
        value,
        display: displayValue(value, r.unit),
        dataDate,
        source: FACT_SOURCES.city[r.fact] ?? null,
        basis: values.length,
      };
    }),
  }));
}

/** The rows of the tables without data, as "表名：行名", so a report says what it is missing. */
export const missingRows = (tables: readonly ReportTable[]): string[] =>
  tables.flatMap((t) => t.rows.filter((r) => r.value === null).map((r) => `${t.title}：${r.label}`));

/** The day a year's facts are as of: its last day, or today while it runs. */
export const factsDateOf = (year: number, today: string): string => (today < `${year}-12-31` ? today : `${year}-12-31`);
