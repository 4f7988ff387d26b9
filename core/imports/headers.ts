import { columnLetter, displayText, type Cell } from './cells.ts';
import type { ImportIssue } from './issues.ts';
import { labelKey } from './text.ts';

/**
 * Matching the header row of an uploaded sheet against the template. Tolerant of what does not change
 * meaning (surrounding or inner spaces, full-width characters, column order) and strict about what does:
 * a missing, extra, duplicated or renamed column is refused and named, because guessing which column a clerk
 * meant is how data ends up in the wrong field.
 */
export interface HeaderColumn {
  key: string;
  header: string;
  /** A reference column (a name beside a code) may be left out of the file. */
  optionalColumn?: boolean;
}

export type HeaderMatch = { ok: true; positions: Map<string, number>; width: number } | { ok: false; issues: ImportIssue[] };

export function matchHeaders(expected: readonly HeaderColumn[], headerRow: number, cells: readonly Cell[]): HeaderMatch {
  const issues: ImportIssue[] = [];
  const byLabel = new Map(expected.map((c) => [labelKey(c.header), c]));
  const positions = new Map<string, number>();
  const unknown: { index: number; text: string }[] = [];
  const seen = new Map<string, number[]>();
  let width = 0;
  cells.forEach((cell, index) => {
    if (cell.kind === 'formula') {
      issues.push({
        row: headerRow,
        column: columnLetter(index),
        reason: `表头单元格${columnLetter(index)}${headerRow}是公式，请直接填写列名`,
      });
      return;
    }
    const text = displayText(cell);
    if (!text) return;
    width = index + 1;
    const col = byLabel.get(labelKey(text));
    if (!col) {
      unknown.push({ index, text });
      return;
    }
    seen.set(col.key, [...(seen.get(col.key) ?? []), index]);
    if (!positions.has(col.key)) positions.set(col.key, index);
  });
  for (const col of expected) {
    const at = seen.get(col.key);
    if (at && at.length > 1) {
      issues.push({
        row: headerRow,
        column: col.header,
        reason: `列“${col.header}”出现了${at.length}次（${at.map(columnLetter).join('、')}列），每列只能出现一次`,
      });
    }
  }
  const missing = expected.filter((c) => !positions.has(c.key) && !c.optionalColumn);
  // A missing column and an unknown header that look alike (or stand where the template puts it) are one renamed column.
  for (const { col, found } of pairRenamed(expected, missing, unknown, positions)) {
    issues.push({
      row: headerRow,
      column: found.text,
      reason: `列“${found.text}”（${columnLetter(found.index)}列）应为“${col.header}”，请按模板修改列名`,
    });
    missing.splice(missing.indexOf(col), 1);
    unknown.splice(unknown.indexOf(found), 1);
  }
  for (const col of missing) issues.push({ row: headerRow, column: col.header, reason: `缺少列“${col.header}”，请使用导入模板的表头` });
  for (const u of unknown) {
    issues.push({ row: headerRow, column: u.text, reason: `多出列“${u.text}”（${columnLetter(u.index)}列），模板中没有此列，请删除` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, positions, width };
}

function pairRenamed(
  expected: readonly HeaderColumn[],
  missing: HeaderColumn[],
  unknown: { index: number; text: string }[],
  positions: Map<string, number>,
) {
  const candidates: { col: HeaderColumn; found: { index: number; text: string }; score: number }[] = [];
  for (const col of missing) {
    const i = expected.indexOf(col);
    const before = i > 0 ? positions.get(expected[i - 1]!.key) : undefined;
    const after = i + 1 < expected.length ? positions.get(expected[i + 1]!.key) : undefined;
    for (const found of unknown) {
      const similar = overlap(labelKey(col.header), labelKey(found.text));
      // Where the template has the column: between the same neighbours, or at the same index.
      const samePlace =
        found.index === i || (before !== undefined && found.index === before + 1) || (after !== undefined && found.index === after - 1)
          ? 0.5
          : 0;
      const score = similar + samePlace;
      if (similar >= 0.5 || samePlace) candidates.push({ col, found, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const pairs: typeof candidates = [];
  for (const c of candidates) {
    if (pairs.some((p) => p.col === c.col || p.found === c.found)) continue;
    pairs.push(c);
  }
  return pairs;
}

/** Share of characters two labels have in common (身份证号 vs 身份证号码 → 0.8). */
function overlap(a: string, b: string): number {
  const pool = [...b];
  let common = 0;
  for (const ch of a) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return common / Math.max(a.length, b.length, 1);
}
