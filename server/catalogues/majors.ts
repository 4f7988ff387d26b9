import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { validationFailed } from '../../core/errors.ts';
import type { Db } from '../platform/db/engine.ts';
import { majors } from '../platform/db/schema/index.ts';
import { csvRecords, describeSource, readText } from './csv.ts';
import { auditBulkLoad, syncEditionEntries, upsertEdition } from './editions.ts';

/**
 * 职业教育专业目录 importer for the Ministry of Education's published spreadsheet layout, saved as CSV
 * (UTF-8): 层次, 专业大类, 专业类, 专业代码, 专业名称, 年份.
 *
 *   层次      中职 → secondary; 高职专科 → higher; 高职本科 / 职业本科 → vocUndergrad
 *   专业大类  2-digit code then name ("51 电子与信息大类" or "51电子与信息大类")
 *   专业类    4-digit code (starting with the 大类 code) then name
 *   专业代码  6 digits starting with the 专业类 code; the Ministry marks 国家控制专业 with a trailing K (570102K)
 *   年份      the year the major entered the catalogue (2021 for the original list, later years for additions)
 *
 * The Ministry's .xlsx can be given as it is (first worksheet; title rows above the header are skipped).
 * Every row is checked before anything is written; a file with any bad row is refused as a whole, each
 * problem naming its line and column. A loaded file becomes one versioned catalogue edition; loading the
 * same file again changes nothing.
 */

export const MAJOR_COLUMNS = ['层次', '专业大类', '专业类', '专业代码', '专业名称', '年份'] as const;
export type MajorLevel = 'secondary' | 'higher' | 'vocUndergrad';

const LEVEL_BY_LABEL: Readonly<Record<string, MajorLevel>> = {
  中职: 'secondary',
  中等职业教育: 'secondary',
  高职专科: 'higher',
  高等职业教育专科: 'higher',
  高职本科: 'vocUndergrad',
  职业本科: 'vocUndergrad',
  高等职业教育本科: 'vocUndergrad',
};

export const LEVEL_LABELS: Readonly<Record<MajorLevel, string>> = { secondary: '中职', higher: '高职专科', vocUndergrad: '高职本科' };

/**
 * 专业大类 code ranges of the 2021 catalogue (中职 61–79, 高职专科 41–59, 高职本科 21–39). A code outside its
 * level's range is reported as a warning, not refused: a later catalogue may number differently.
 */
const DIVISION_RANGE: Readonly<Record<MajorLevel, [number, number]>> = { vocUndergrad: [21, 39], higher: [41, 59], secondary: [61, 79] };

export interface MajorEntry {
  level: MajorLevel;
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  divisionCode: string;
  divisionName: string;
  year: number;
}

export interface ParsedMajors {
  entries: MajorEntry[];
  /** line + column → problem; empty when the file can be loaded. */
  errors: Record<string, string>;
  warnings: string[];
}

function codeAndName(raw: string, digits: number): { code: string; name: string } | null {
  const m = new RegExp(`^(\\d{${digits}})\\s*[-—、.．:：]?\\s*(\\S.*)$`).exec(raw.trim());
  return m ? { code: m[1]!, name: m[2]!.trim() } : null;
}

/** Parse and validate (pure). */
export function parseMajorCsv(text: string): ParsedMajors {
  const errors: Record<string, string> = {};
  const warnings: string[] = [];
  const entries: MajorEntry[] = [];
  const seen = new Map<string, { line: number; name: string }>();
  const divisionNames = new Map<string, string>();
  const categoryNames = new Map<string, string>();
  let records;
  try {
    records = csvRecords(text, MAJOR_COLUMNS);
  } catch (e) {
    return { entries, errors: { 表头: (e as Error).message }, warnings };
  }
  for (const rec of records) {
    const err = (col: string, msg: string) => {
      errors[`第${rec.line}行.${col}`] = msg;
    };
    const level = LEVEL_BY_LABEL[rec.get('层次').replace(/\s/g, '')];
    if (!level) err('层次', `“${rec.get('层次')}”不是中职、高职专科或高职本科（职业本科）`);
    const division = codeAndName(rec.get('专业大类'), 2);
    if (!division) err('专业大类', `应为2位代码加名称，如“51 电子与信息大类”，实际为“${rec.get('专业大类')}”`);
    const category = codeAndName(rec.get('专业类'), 4);
    if (!category) err('专业类', `应为4位代码加名称，如“5102 计算机类”，实际为“${rec.get('专业类')}”`);
    else if (division && !category.code.startsWith(division.code)) {
      err('专业类', `专业类代码${category.code}应以专业大类代码${division.code}开头`);
    }
    const code = rec.get('专业代码').toUpperCase();
    if (!/^\d{6}K?$/.test(code)) err('专业代码', `应为6位数字（国家控制专业另加K），实际为“${rec.get('专业代码')}”`);
    else if (category && !code.startsWith(category.code)) err('专业代码', `专业代码${code}应以专业类代码${category.code}开头`);
    const name = rec.get('专业名称');
    if (!name) err('专业名称', '专业名称不能为空');
    const yearText = rec.get('年份');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2021 || year > 2100) err('年份', `应为2021年或以后的四位年份，实际为“${yearText}”`);

    const prev = seen.get(code);
    if (prev) err('专业代码', `专业代码${code}与第${prev.line}行重复`);
    if (division) {
      const known = divisionNames.get(division.code);
      if (known && known !== division.name) err('专业大类', `专业大类${division.code}的名称“${division.name}”与前文“${known}”不一致`);
      divisionNames.set(division.code, known ?? division.name);
    }
    if (category) {
      const known = categoryNames.get(category.code);
      if (known && known !== category.name) err('专业类', `专业类${category.code}的名称“${category.name}”与前文“${known}”不一致`);
      categoryNames.set(category.code, known ?? category.name);
    }
    if (level && division) {
      const [lo, hi] = DIVISION_RANGE[level];
      const n = Number(division.code);
      if (n < lo || n > hi)
        warnings.push(`第${rec.line}行：${LEVEL_LABELS[level]}专业的专业大类代码${division.code}不在2021年目录该层次的代码段${lo}–${hi}内`);
    }
    if (level && division && category && /^\d{6}K?$/.test(code) && name && !prev) {
      seen.set(code, { line: rec.line, name });
      entries.push({
        level,
        code,
        name,
        year,
        categoryCode: category.code,
        categoryName: category.name,
        divisionCode: division.code,
        divisionName: division.name,
      });
    }
  }
  if (records.length === 0) errors['文件'] = '没有专业数据行';
  return { entries, errors, warnings };
}

/**
 * The file's rows as CSV text: a .xlsx workbook's first worksheet is converted (one CSV line per sheet row,
 * so errors name the spreadsheet row), anything else is read as UTF-8 CSV.
 */
export async function readCatalogueFile(file: string): Promise<string> {
  if (!/\.xlsx$/i.test(file)) return readText(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return '';
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++)
      cells.push(
        quote(
          row
            .getCell(c)
            .text.replace(/\s*[\r\n]+\s*/g, ' ')
            .trim(),
        ),
      );
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

export interface MajorLoadSummary {
  kind: 'major';
  edition: string;
  file: string;
  isDemoSubset: boolean;
  counts: Record<MajorLevel, number>;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: string[];
}

/**
 * Load a catalogue file as edition `opts.edition` (default: the latest 年份 in the file). Refuses the whole
 * file (VALIDATION_FAILED, fields keyed "第N行.列名") when any row is bad; nothing is written then.
 */
export async function loadMajors(
  db: Db,
  opts: { file: string; edition?: string; title?: string; isDemoSubset?: boolean; sourceNote?: string },
): Promise<MajorLoadSummary> {
  const text = await readCatalogueFile(opts.file);
  const parsed = parseMajorCsv(text);
  if (Object.keys(parsed.errors).length) {
    throw validationFailed(
      parsed.errors,
      `专业目录文件${path.basename(opts.file)}有${Object.keys(parsed.errors).length}处错误，未导入任何数据`,
    );
  }
  const edition = opts.edition ?? String(Math.max(...parsed.entries.map((e) => e.year)));
  const isDemoSubset = opts.isDemoSubset ?? false;
  const source = describeSource(opts.file, text, opts.sourceNote ?? '教育部《职业教育专业目录》公布的表格');
  return db.transaction(async (tx) => {
    const editionId = await upsertEdition(tx, {
      kind: 'major',
      edition,
      title: opts.title ?? `职业教育专业目录（${edition}）`,
      source,
      isDemoSubset,
    });
    const existing = new Map((await tx.select().from(majors).where(eq(majors.editionId, editionId))).map((r) => [r.code, r]));
    const rows = parsed.entries.map((e) => ({
      editionId,
      level: e.level,
      code: e.code,
      name: e.name,
      categoryCode: e.categoryCode,
      categoryName: e.categoryName,
      divisionCode: e.divisionCode,
      divisionName: e.divisionName,
    }));
    const tally = await syncEditionEntries(
      rows,
      existing,
      ['level', 'name', 'categoryCode', 'categoryName', 'divisionCode', 'divisionName'],
      {
        insert: (batch) => tx.insert(majors).values(batch),
        update: (id, row) => tx.update(majors).set(row).where(eq(majors.id, id)),
      },
    );
    await auditBulkLoad(tx, {
      action: 'catalogue.load',
      entityType: 'catalogue_edition',
      entityId: editionId,
      inserted: tally.inserted,
      updated: tally.updated,
      source,
    });
    const counts: Record<MajorLevel, number> = { secondary: 0, higher: 0, vocUndergrad: 0 };
    for (const e of parsed.entries) counts[e.level]++;
    return {
      kind: 'major' as const,
      edition,
      file: opts.file,
      isDemoSubset,
      counts,
      ...tally,
      warnings: parsed.warnings,
    };
  });
}

/** The hand-checked demo subset shipped in this repository (see data/README.md). */
export const DEMO_MAJORS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'majors-2021-demo.csv');
export const DEMO_MAJORS_EDITION = '2021-demo-subset';

export function loadDemoMajors(db: Db): Promise<MajorLoadSummary> {
  return loadMajors(db, {
    file: DEMO_MAJORS_FILE,
    edition: DEMO_MAJORS_EDITION,
    title: '职业教育专业目录（2021）演示子集',
    isDemoSubset: true,
    sourceNote: 'hand-checked demo subset of 职业教育专业目录（2021年）, to be replaced by the Ministry spreadsheet',
  });
}
