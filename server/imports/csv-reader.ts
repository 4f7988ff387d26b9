import type { Cell, SheetRow } from '../../core/imports/index.ts';
import { decoderFor, type CsvEncoding } from './encoding.ts';

const SLICE = 1 << 16;

/**
 * Streams the records of an RFC 4180 CSV (quoted fields with "" escapes and line breaks, CRLF or LF) as sheet
 * rows, decoding 64 KB at a time: the file is never one big string. Row numbers count records from 1 — the
 * row Excel shows when it opens the file. Every field is text: CSV has no types.
 */
export async function* readCsvRows(data: Uint8Array, encoding: CsvEncoding): AsyncGenerator<SheetRow> {
  const decoder = decoderFor(encoding);
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let pendingCR = false;
  let row = 0;
  const finishRow = (): SheetRow => {
    fields.push(field);
    const cells: Cell[] = fields.map((f) => (f === '' ? { kind: 'empty' } : { kind: 'text', value: f }));
    fields = [];
    field = '';
    afterQuote = false;
    return { row: ++row, cells };
  };
  for (let offset = 0; offset <= data.length; offset += SLICE) {
    const last = offset + SLICE >= data.length;
    const text = decoder.decode(data.subarray(offset, offset + SLICE), { stream: !last });
    const out: SheetRow[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          // Closing for now; a second quote right after (even in the next slice) makes it an escaped "".
          quoted = false;
          afterQuote = true;
        } else field += ch;
        continue;
      }
      if (ch === '"' && afterQuote) {
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      if (ch === '"' && field === '') {
        quoted = true;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        out.push(finishRow());
        pendingCR = ch === '\r';
        continue;
      }
      field += ch;
    }
    yield* out;
    if (last) break;
  }
  if (field !== '' || fields.length) yield finishRow();
}

/**
 * Non-blank lines, an upper bound of the records (a quoted field may span lines), counted on the bytes:
 * a line feed never occurs inside a GBK or UTF-8 multi-byte character. Used to refuse an oversized file at
 * upload without parsing it.
 */
export function countCsvLines(data: Uint8Array): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b === 0x0a || b === 0x0d) {
      if (!blank) count++;
      blank = true;
    } else if (blank && b !== 0x2c && b !== 0x20 && b !== 0x09) blank = false;
  }
  return blank ? count : count + 1;
}
