/**
 * A spreadsheet cell as the import rules see it, whatever the file format: the readers (server/imports)
 * turn ExcelJS values and CSV fields into these, so the rules are pure and format-blind.
 */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** A date Excel stored as a date, as YYYY-MM-DD. */
  | { kind: 'date'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** Any cell holding a formula, with or without a cached result: we import values, never formulas. */
  | { kind: 'formula' }
  /** An error value such as #N/A or #REF!. */
  | { kind: 'error'; value: string };

export const EMPTY: Cell = { kind: 'empty' };

/** One row of the sheet: its 1-based row number as Excel shows it, and its cells by 0-based column. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** 0 → A, 25 → Z, 26 → AA: the column letters a clerk sees. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cellAddress = (column: number, row: number) => `${columnLetter(column)}${row}`;

export function isEmptyCell(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '');
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every(isEmptyCell);
}

/** The text a cell shows, for headers and for comparing a row with the template's example row. */
export function displayText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value.trim();
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.value;
    case 'boolean':
      return cell.value ? '是' : '否';
    case 'error':
      return cell.value;
    default:
      return '';
  }
}
