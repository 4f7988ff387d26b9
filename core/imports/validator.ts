import { columnLetter, displayText, isEmptyCell, isEmptyRow, type SheetRow } from './cells.ts';
import { RowFields } from './fields.ts';
import { matchHeaders } from './headers.ts';
import type { IssueList } from './issues.ts';
import type { EntitySpec, ImportRefs } from './spec.ts';
import { labelKey } from './text.ts';

/**
 * Validates a sheet row by row, as the rows stream in: the first non-empty row is the header, each later row
 * is checked against the entity's rules, and natural keys are remembered to catch duplicates within the file.
 * Every problem goes to the issue list; nothing here decides whether to write (the caller does, all or nothing).
 */
export class SheetValidator<R> {
  readonly spec: EntitySpec<R>;
  readonly #refs: ImportRefs;
  readonly #issues: IssueList;
  #positions: Map<string, number> | null = null;
  #headerFailed = false;
  readonly #firstRowOfKey = new Map<string, number>();
  readonly #example: string;
  /** Data rows read (not counting the header, empty rows or the template's example row). */
  rows = 0;
  skippedExampleRows = 0;
  valid = 0;

  constructor(spec: EntitySpec<R>, refs: ImportRefs, issues: IssueList) {
    this.spec = spec;
    this.#refs = refs;
    this.#issues = issues;
    this.#example = spec.columns.map((c) => labelKey(c.example)).join('\u0001');
  }

  /** False once the header has been refused: the rows cannot be read without knowing their columns. */
  get headerOk() {
    return !this.#headerFailed;
  }

  get headerSeen() {
    return this.#positions !== null || this.#headerFailed;
  }

  /** The record of a good row; undefined for the header, an empty row, the example row, or a row with problems. */
  accept(sheetRow: SheetRow): R | undefined {
    if (isEmptyRow(sheetRow.cells)) return undefined;
    if (!this.headerSeen) {
      const match = matchHeaders(
        this.spec.columns.map((c) => ({ key: c.key, header: c.header, optionalColumn: c.reference })),
        sheetRow.row,
        sheetRow.cells,
      );
      if (match.ok) this.#positions = match.positions;
      else {
        this.#headerFailed = true;
        for (const i of match.issues) this.#issues.add(i);
      }
      return undefined;
    }
    if (this.#headerFailed) return undefined;
    const positions = this.#positions!;
    if (this.#isExample(sheetRow, positions)) {
      this.skippedExampleRows++;
      return undefined;
    }
    this.rows++;
    const f = new RowFields(sheetRow.row, sheetRow.cells, this.spec.columns, positions, (i) => this.#issues.add(i));
    this.#strayCells(sheetRow, positions, f);
    const record = this.spec.validate(f, this.#refs);
    if (!record || !f.ok) return undefined;
    const key = this.spec.key(record);
    const first = this.#firstRowOfKey.get(key);
    if (first !== undefined) {
      f.fail(this.spec.keyColumn, `与第${first}行的${this.spec.keyLabel}重复，同一${this.spec.keyLabel}只能出现一次`);
      return undefined;
    }
    this.#firstRowOfKey.set(key, sheetRow.row);
    this.valid++;
    return record;
  }

  /** Cells with content under no header: data shifted into the wrong column, or a column the template lacks. */
  #strayCells(sheetRow: SheetRow, positions: Map<string, number>, f: RowFields) {
    const used = new Set(positions.values());
    sheetRow.cells.forEach((cell, index) => {
      if (!used.has(index) && !isEmptyCell(cell)) {
        f.fail(null, `单元格${columnLetter(index)}${sheetRow.row}有内容，但${columnLetter(index)}列没有列名，请删除或移到正确的列`);
      }
    });
  }

  /** The template's example row left in place is skipped, not imported. */
  #isExample(sheetRow: SheetRow, positions: Map<string, number>): boolean {
    // Most rows differ from the example in their key column: decide on that one cell first.
    const key = this.spec.columns.find((c) => c.key === this.spec.keyColumn)!;
    const at = positions.get(key.key);
    if (at !== undefined && displayText(sheetRow.cells[at]) !== key.example) return false;
    const values = this.spec.columns.map((c) => {
      const at = positions.get(c.key);
      return at === undefined ? labelKey(c.example) : labelKey(displayText(sheetRow.cells[at]));
    });
    return values.join('\u0001') === this.#example;
  }
}
