import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * What ExcelJS's streaming reader does not tell us about the data sheet of an .xlsx, read straight from the
 * zip: its merged cells (listed after the rows, and ignored by the reader) and how many rows hold a value
 * (to refuse an oversized file at upload). The sheet XML is inflated as a stream and scanned with a small
 * carry-over, so a 100,000-row sheet is never held in memory.
 */
export interface SheetScan {
  /** The tab name of the first sheet, which is the one imported. */
  sheetName: string | null;
  /** Merged ranges such as "A3:B3". */
  merges: string[];
  /** Rows with at least one value (the header included). */
  rowsWithValues: number;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
}

export class NotAnXlsxError extends Error {}

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || buf.length < 22) throw new NotAnXlsxError('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new NotAnXlsxError('damaged central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (local + 30 > buf.length) throw new NotAnXlsxError('damaged local header');
    const dataOffset = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.set(name, { name, method, compressedSize, dataOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function* inflate(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    yield raw.toString('utf8');
    return;
  }
  if (e.method !== 8) throw new NotAnXlsxError(`unsupported compression ${e.method}`);
  const z = zlib.createInflateRaw();
  z.setEncoding('utf8');
  const feed = (async () => {
    for (let i = 0; i < raw.length; i += 1 << 16) if (!z.write(raw.subarray(i, i + (1 << 16)))) await once(z, 'drain');
    z.end();
  })();
  for await (const chunk of z) yield chunk as string;
  await feed;
}

async function entryText(buf: Buffer, e: ZipEntry | undefined): Promise<string> {
  if (!e) return '';
  let s = '';
  for await (const c of inflate(buf, e)) s += c;
  return s;
}

/** The path of the first sheet in tab order, from workbook.xml and its relationships. */
async function firstSheet(buf: Buffer, entries: Map<string, ZipEntry>): Promise<{ name: string | null; path: string | null }> {
  const workbook = await entryText(buf, entries.get('xl/workbook.xml'));
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  if (!sheet) return { name: null, path: [...entries.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) ?? null };
  const name = /\bname="([^"]*)"/.exec(sheet)?.[1] ?? null;
  const rid = /\br:id="([^"]*)"/.exec(sheet)?.[1] ?? /\bid="([^"]*)"/.exec(sheet.replace(/sheetId="[^"]*"/, ''))?.[1];
  const rels = await entryText(buf, entries.get('xl/_rels/workbook.xml.rels'));
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : null;
  return { name: name && decodeXml(name), path };
}

export async function scanXlsx(buf: Buffer): Promise<SheetScan> {
  const entries = zipEntries(buf);
  if (!entries.has('xl/workbook.xml')) throw new NotAnXlsxError('no workbook');
  const { name, path } = await firstSheet(buf, entries);
  const sheet = path ? entries.get(path) : undefined;
  const merges: string[] = [];
  let rowsWithValues = 0;
  if (sheet) {
    let carry = '';
    let rowOpen = false;
    const tags = /<(?:\w+:)?(row|v|is|mergeCell)\b([^>]*)>/g;
    for await (const chunk of inflate(buf, sheet)) {
      const text = carry + chunk;
      // Keep an incomplete trailing tag for the next chunk.
      const cut = text.lastIndexOf('<');
      const scan = cut >= 0 && text.indexOf('>', cut) < 0 ? text.slice(0, cut) : text;
      carry = text.slice(scan.length);
      for (const m of scan.matchAll(tags)) {
        if (m[1] === 'row') rowOpen = !m[2]!.trimEnd().endsWith('/');
        else if (m[1] === 'mergeCell') {
          const ref = /\bref="([^"]+)"/.exec(m[2]!)?.[1];
          if (ref) merges.push(ref);
        } else if (rowOpen) {
          rowsWithValues++;
          rowOpen = false;
        }
      }
    }
  }
  return { sheetName: name, merges, rowsWithValues };
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
