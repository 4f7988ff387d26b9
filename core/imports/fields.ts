import type { CodeCheck } from '../codes/index.ts';
import { cellAddress, EMPTY, type Cell } from './cells.ts';
import type { ImportIssue } from './issues.ts';
import { labelKey, normaliseText } from './text.ts';

/** A template column: its Chinese header, whether a value is required, and what the instructions sheet says. */
export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  /**
   * A name printed beside a code so the sheet is readable (学校名称 beside 学校标识码). The column may be left
   * out; when filled, it must agree with the code — which catches a mistyped code that happens to exist.
   */
  reference?: boolean;
  hint: string;
  example: string;
  /** The values a template offers in a drop-down (the first label of each value). */
  choices?: readonly string[];
  /** Codes and numbers that must stay text in Excel (ID numbers lose digits as numbers, codes lose leading zeros). */
  text?: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

// One map per template, not one per row: a sheet has 100,000 rows and the same columns.
const columnMaps = new WeakMap<readonly ColumnSpec[], ReadonlyMap<string, ColumnSpec>>();
function columnMap(columns: readonly ColumnSpec[]): ReadonlyMap<string, ColumnSpec> {
  let map = columnMaps.get(columns);
  if (!map) columnMaps.set(columns, (map = new Map(columns.map((c) => [c.key, c]))));
  return map;
}

/**
 * Typed access to one row's cells by column key. Each reader returns the value, or undefined when the cell
 * is empty (optional columns: "keep what is stored") or wrong — in which case it has recorded why, naming
 * the column, so one pass over a row reports every problem in it rather than only the first.
 */
export class RowFields {
  readonly row: number;
  readonly #columns: ReadonlyMap<string, ColumnSpec>;
  readonly #positions: ReadonlyMap<string, number>;
  readonly #cells: readonly Cell[];
  readonly #report: (issue: ImportIssue) => void;
  #failed = false;

  constructor(
    row: number,
    cells: readonly Cell[],
    columns: readonly ColumnSpec[],
    positions: ReadonlyMap<string, number>,
    report: (issue: ImportIssue) => void,
  ) {
    this.row = row;
    this.#cells = cells;
    this.#columns = columnMap(columns);
    this.#positions = positions;
    this.#report = report;
  }

  /** True when no reader has found a problem in this row so far. */
  get ok() {
    return !this.#failed;
  }

  header(key: string): string {
    return this.#columns.get(key)?.header ?? key;
  }

  fail(key: string | null, reason: string) {
    this.#failed = true;
    this.#report({ row: this.row, column: key === null ? null : this.header(key), reason });
  }

  cell(key: string): Cell {
    const at = this.#positions.get(key);
    return at === undefined ? EMPTY : (this.#cells[at] ?? EMPTY);
  }

  address(key: string): string {
    return cellAddress(this.#positions.get(key) ?? 0, this.row);
  }

  /** The cell as text (trimmed, inner runs of spaces collapsed), or undefined when empty or unusable. */
  raw(key: string): string | undefined {
    const cell = this.cell(key);
    switch (cell.kind) {
      case 'empty':
        return this.#missing(key);
      case 'text': {
        const v = cell.value.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
        return v === '' ? this.#missing(key) : v;
      }
      case 'number':
        return String(cell.value);
      case 'date':
        return cell.value;
      case 'boolean':
        return cell.value ? '是' : '否';
      case 'formula':
        this.fail(key, `单元格${this.address(key)}是公式。请复制该列，用“选择性粘贴→数值”粘贴后再导入`);
        return undefined;
      case 'error':
        this.fail(key, `单元格${this.address(key)}是错误值${cell.value}，请填写正确的内容`);
        return undefined;
    }
  }

  #missing(key: string): undefined {
    if (this.#columns.get(key)?.required) this.fail(key, `请填写“${this.header(key)}”`);
    return undefined;
  }

  text(key: string, opts: { max?: number; min?: number } = {}): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (opts.min && [...v].length < opts.min) return this.#bad(key, `“${this.header(key)}”至少${opts.min}个字`);
    if (opts.max && [...v].length > opts.max) return this.#bad(key, `“${this.header(key)}”不能超过${opts.max}个字`);
    return v;
  }

  /**
   * A code checked by core/codes. An 18-character code that Excel stored as a number has lost its last
   * digits (a double holds 15–16), so that gets its own explanation instead of "check digit wrong".
   */
  code(key: string, check: (raw: string) => CodeCheck): string | undefined {
    const cell = this.cell(key);
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const scientific = /^\d(\.\d+)?E\+?\d+$/i.test(v);
    if ((cell.kind === 'number' && !Number.isSafeInteger(cell.value)) || scientific) {
      return this.#bad(
        key,
        `单元格${this.address(key)}的“${this.header(key)}”被Excel存成了数字，末几位可能已丢失。请将该列设为“文本”格式后重新填写`,
      );
    }
    const result = check(v);
    return result.valid ? result.value : this.#bad(key, result.reason);
  }

  /** Digits only, of a fixed length (学校标识码, 专业代码). */
  digits(key: string, length: number): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const s = normaliseText(v);
    return new RegExp(`^\\d{${length}}$`).test(s) ? s : this.#bad(key, `“${this.header(key)}”应为${length}位数字`);
  }

  integer(key: string, opts: { min: number; max: number }): number | undefined {
    const cell = this.cell(key);
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const n =
      cell.kind === 'number'
        ? cell.value
        : /^[+-]?\d+(\.0+)?$/.test(normaliseText(v).replace(/,/g, ''))
          ? Number(normaliseText(v).replace(/,/g, ''))
          : NaN;
    if (!Number.isInteger(n)) return this.#bad(key, `“${this.header(key)}”应为整数，当前为“${v}”`);
    if (n < opts.min || n > opts.max) return this.#bad(key, `“${this.header(key)}”应在${opts.min}至${opts.max}之间，当前为${n}`);
    return n;
  }

  /** A calendar date as YYYY-MM-DD: a date cell, an Excel serial number, or 2008-05-01, 2008/5/1, 2008.5.1, 20080501, 2008年5月1日. */
  date(key: string): string | undefined {
    const cell = this.cell(key);
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (cell.kind === 'date') return cell.value;
    let y: number, m: number, d: number;
    const s = normaliseText(v);
    const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (parts) {
      [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    } else if (cell.kind === 'number' && Number.isInteger(cell.value) && cell.value > 0 && cell.value < 2_958_466) {
      const t = new Date(EXCEL_EPOCH_MS + cell.value * 86_400_000);
      [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    } else {
      return this.#bad(key, `“${this.header(key)}”不是有效日期（当前为“${v}”），请按2008-05-01的格式填写`);
    }
    if (!isRealDate(y, m, d) || y < 1900 || y > 2100) return this.#bad(key, `“${this.header(key)}”不是有效日期（当前为“${v}”）`);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  /** One of the labels of `options` (compared without spaces and full-width differences). */
  choice<T>(key: string, options: Readonly<Record<string, T>>): T | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const want = labelKey(v);
    for (const [label, value] of Object.entries(options)) if (labelKey(label) === want) return value;
    const labels = [...new Set(Object.keys(options))].join('、');
    return this.#bad(key, `“${this.header(key)}”应为以下之一：${labels}；当前为“${v}”`);
  }

  bool(key: string): boolean | undefined {
    const cell = this.cell(key);
    if (cell.kind === 'boolean') return cell.value;
    return this.choice(key, YES_NO);
  }

  /** A share 0–1: "55%", 0.55, or 55 (read as percent). */
  share(key: string): number | undefined {
    const cell = this.cell(key);
    const v = this.raw(key);
    if (v === undefined) return undefined;
    const s = normaliseText(v);
    let n: number;
    if (cell.kind === 'number') n = cell.value > 1 ? cell.value / 100 : cell.value;
    else if (/^\d+(\.\d+)?%$/.test(s)) n = Number(s.slice(0, -1)) / 100;
    else if (/^\d+(\.\d+)?$/.test(s)) n = Number(s) > 1 ? Number(s) / 100 : Number(s);
    else return this.#bad(key, `“${this.header(key)}”应为百分比（如55%）或小数（如0.55），当前为“${v}”`);
    if (!(n >= 0 && n <= 1)) return this.#bad(key, `“${this.header(key)}”应在0%至100%之间，当前为“${v}”`);
    return Math.round(n * 1000) / 1000;
  }

  /** A reference column (a name beside a code): when filled, it must name what the code names. */
  agrees(key: string, expected: string | undefined, codeKey: string) {
    const cell = this.cell(key);
    if (cell.kind === 'empty' || expected === undefined) return;
    const v = this.raw(key);
    if (v !== undefined && labelKey(v) !== labelKey(expected)) {
      this.fail(key, `“${this.header(key)}”为“${v}”，但“${this.header(codeKey)}”对应的是“${expected}”，请核对代码是否填错`);
    }
  }

  #bad(key: string, reason: string): undefined {
    this.fail(key, reason);
    return undefined;
  }
}

const YES_NO: Readonly<Record<string, boolean>> = {
  是: true,
  否: false,
  Y: true,
  N: false,
  TRUE: true,
  FALSE: false,
  '1': true,
  '0': false,
};

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}
