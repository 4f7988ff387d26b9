import { FACT_SOURCES, REPORT_KINDS, type ReportKind } from './facts.ts';

/**
 * The quality-report section of the plan policy file (`qualityReports`, 三 18): the parts each kind of report is
 * written in with their length limits, and the indicator tables generated from platform data — each row a fact
 * (core/quality-reports/facts.ts) with its label, unit and how the city report combines the schools' values.
 * Pure: parsed JSON in, typed policy out, or every problem listed.
 */
export interface ReportPart {
  code: string;
  title: string;
  maxChars: number;
}

export interface TableRowSpec {
  fact: string;
  label: string;
  unit: string;
  /** How the city's 中职 report combines the schools' values of the row: a total, or the mean of those with data. */
  aggregate: 'sum' | 'mean';
}

export interface TableSpec {
  code: string;
  title: string;
  rows: TableRowSpec[];
}

export interface QualityReportsPolicy {
  article: string;
  note: string;
  firstYear: number;
  parts: Record<ReportKind, ReportPart[]>;
  /** The city's tables are the school tables, so only schools' and enterprises' are listed. */
  tables: Record<'school' | 'enterprise', TableSpec[]>;
}

export function parseQualityReportsPolicy(raw: unknown): QualityReportsPolicy {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown, at: string) => {
    if (typeof v !== 'string' || !v.trim()) problems.push(`${at}: should be a non-empty string`);
    return String(v ?? '');
  };
  const positive = (v: unknown, at: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) problems.push(`${at}: should be a positive integer`);
    return Number(v);
  };
  const list = (v: unknown, at: string): Record<string, unknown>[] => {
    if (!Array.isArray(v) || !v.length) {
      problems.push(`${at}: should be a non-empty list`);
      return [];
    }
    return v as Record<string, unknown>[];
  };
  const unique = (codes: string[], at: string) => {
    if (new Set(codes).size !== codes.length) problems.push(`${at}: codes should be unique`);
  };

  const rawParts = (o.parts ?? {}) as Record<string, unknown>;
  const parts = Object.fromEntries(
    REPORT_KINDS.map((kind) => {
      const at = `qualityReports.parts.${kind}`;
      const ps = list(rawParts[kind], at).map((p, i) => ({
        code: str(p.code, `${at}[${i}].code`),
        title: str(p.title, `${at}[${i}].title`),
        maxChars: positive(p.maxChars, `${at}[${i}].maxChars`),
      }));
      unique(
        ps.map((p) => p.code),
        at,
      );
      return [kind, ps];
    }),
  ) as Record<ReportKind, ReportPart[]>;

  const rawTables = (o.tables ?? {}) as Record<string, unknown>;
  const tables = Object.fromEntries(
    (['school', 'enterprise'] as const).map((kind) => {
      const at = `qualityReports.tables.${kind}`;
      const ts = list(rawTables[kind], at).map((t, i) => ({
        code: str(t.code, `${at}[${i}].code`),
        title: str(t.title, `${at}[${i}].title`),
        rows: list(t.rows, `${at}[${i}].rows`).map((r, j) => {
          const rowAt = `${at}[${i}].rows[${j}]`;
          const fact = str(r.fact, `${rowAt}.fact`);
          if (!(fact in FACT_SOURCES[kind])) problems.push(`${rowAt}.fact: ${fact} is not a fact of a ${kind} report`);
          const aggregate = r.aggregate ?? 'sum';
          if (aggregate !== 'sum' && aggregate !== 'mean') problems.push(`${rowAt}.aggregate: should be sum or mean`);
          return {
            fact,
            label: str(r.label, `${rowAt}.label`),
            unit: str(r.unit, `${rowAt}.unit`),
            aggregate: aggregate as 'sum' | 'mean',
          };
        }),
      }));
      unique(
        ts.map((t) => t.code),
        at,
      );
      return [kind, ts];
    }),
  ) as Record<'school' | 'enterprise', TableSpec[]>;

  const policy: QualityReportsPolicy = {
    article: str(o.article, 'qualityReports.article'),
    note: str(o.note, 'qualityReports.note'),
    firstYear: positive(o.firstYear, 'qualityReports.firstYear'),
    parts,
    tables,
  };
  if (problems.length) throw new Error(`invalid qualityReports policy:\n${problems.join('\n')}`);
  return policy;
}

/** The tables a kind of report carries: the city's are the schools'. */
export const tableSpecsOf = (policy: QualityReportsPolicy, kind: ReportKind): TableSpec[] =>
  kind === 'enterprise' ? policy.tables.enterprise : policy.tables.school;
