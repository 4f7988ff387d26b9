import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A small RFC 4180 reader: quoted fields (with "" escapes and embedded newlines), CRLF or LF line ends,
 * a UTF-8 byte-order mark (what Excel writes when it saves "CSV UTF-8"). Rows keep their 1-based line
 * number so that an import error can name the spreadsheet row a clerk has to fix.
 */
export interface CsvRow {
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && src[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  // Blank lines (a trailing newline, an empty spreadsheet row) are not records.
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/**
 * Rows as objects keyed by the header row; the header must contain every name in `required`. Rows above
 * the header (a spreadsheet's title line, notes) are skipped: the header is the first row that holds all
 * required column names.
 */
export function csvRecords(
  text: string,
  required: readonly string[],
  /** Other spellings of a required column in published files (e.g. 细类 for 细类（职业）). */
  aliases: Readonly<Record<string, readonly string[]>> = {},
): { line: number; get(col: string): string }[] {
  const canonical = (cell: string) => {
    const f = cell.trim();
    return Object.keys(aliases).find((name) => aliases[name]!.includes(f)) ?? f;
  };
  const all = parseCsv(text);
  const at = all.findIndex((r) => required.every((name) => r.fields.some((f) => canonical(f) === name)));
  const header = at >= 0 ? all[at] : all[0];
  if (!header) throw new Error('文件为空：缺少表头行');
  const cols = header.fields.map(canonical);
  const missing = required.filter((r) => !cols.includes(r));
  if (missing.length) throw new Error(`表头缺少列：${missing.join('、')}（现有列：${cols.join('、')}）`);
  return all
    .slice(all.indexOf(header) + 1)
    .map((r) => ({ line: r.line, get: (col: string) => (r.fields[cols.indexOf(col)] ?? '').trim() }));
}

/** The repository root (the folder holding package.json). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The reference tables the platform ships (`server/catalogues/data/`, each with its source and edition in the
 * folder's README): a clone holds everything it reads at run time, nothing is looked for beside it.
 */
export function referenceDataPath(file: string): string {
  return path.join(repoRoot, 'server', 'catalogues', 'data', file);
}

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** `source` text of a catalogue edition: the file's name and a short content hash, so a changed file is visible. */
export function describeSource(file: string, text: string, what: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${what}; file ${path.basename(file)} (fnv1a ${h.toString(16).padStart(8, '0')})`;
}
