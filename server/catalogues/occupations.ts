import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { validationFailed } from '../../core/errors.ts';
import type { Db } from '../platform/db/engine.ts';
import { occupations } from '../platform/db/schema/index.ts';
import { csvRecords, describeSource } from './csv.ts';
import { auditBulkLoad, syncEditionEntries, upsertEdition } from './editions.ts';
import { readCatalogueFile } from './majors.ts';

/**
 * 中华人民共和国职业分类大典 importer for the Ministry of Human Resources and Social Security's tabular layout
 * (CSV UTF-8, or the .xlsx as published): one column per level, 大类, 中类, 小类, 细类（职业）, each cell a code
 * followed by its name ("2 专业技术人员", "2-02 工程技术人员", …, "2-02-10-03 …").
 *
 * A row defines the node of its right-most filled cell. Cells to its left may be filled or left empty: an
 * empty cell continues the previous row's node (merged cells in the published sheet, or a "fill-down"
 * table). Codes must have their level's shape and begin with their parent's code; a code twice, or one
 * code with two names, is an error. Every row is checked before anything is written; a file with any bad
 * row is refused as a whole, each problem naming its line and column.
 */

export const OCCUPATION_LEVELS = ['major', 'middle', 'minor', 'occupation'] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];
export const OCCUPATION_COLUMNS = ['大类', '中类', '小类', '细类（职业）'] as const;
const ALIASES = { '细类（职业）': ['细类(职业)', '细类', '职业'] } as const;

/** The code of each level: 1 digit, then "-NN" per level below the 大类. */
const CODE_SHAPE: readonly string[] = ['2', '2-02', '2-02-10', '2-02-10-03'];
const codePattern = (depth: number) => `\\d(?:-\\d{2}){${depth}}`;

export interface OccupationEntry {
  level: OccupationLevel;
  code: string;
  name: string;
  parentCode: string | null;
}

export interface ParsedOccupations {
  entries: OccupationEntry[];
  errors: Record<string, string>;
}

function codeAndName(raw: string, depth: number): { code: string; name: string } | null {
  const m = new RegExp(`^(${codePattern(depth)})(?![-\\d])\\s*[—、.．:：]?\\s*(\\S.*)$`).exec(raw.trim());
  return m ? { code: m[1]!, name: m[2]!.trim() } : null;
}

/** Parse and validate (pure). */
export function parseOccupationCsv(text: string): ParsedOccupations {
  const errors: Record<string, string> = {};
  const entries: OccupationEntry[] = [];
  const seen = new Map<string, { line: number; name: string }>();
  let records;
  try {
    records = csvRecords(text, OCCUPATION_COLUMNS, ALIASES);
  } catch (e) {
    return { entries, errors: { 表头: (e as Error).message } };
  }
  /** The node each column stands at after the previous row (for the empty, continued cells). */
  const current: ({ code: string; name: string } | null)[] = [null, null, null, null];
  for (const rec of records) {
    const err = (col: string, msg: string) => {
      errors[`第${rec.line}行.${col}`] = msg;
    };
    const cells = OCCUPATION_COLUMNS.map((c) => rec.get(c));
    const depth = cells.findLastIndex((c) => c !== '');
    if (depth < 0) continue;
    let failedAt = -1;
    for (let d = 0; d <= depth; d++) {
      const col = OCCUPATION_COLUMNS[d]!;
      if (cells[d] === '') {
        // A continued cell: the node above must exist and still be the parent of what follows.
        if (!current[d]) {
          err(col, `${col}为空，且前面没有可沿用的${col}`);
          failedAt = d;
          break;
        }
        continue;
      }
      const node = codeAndName(cells[d]!, d);
      if (!node) {
        err(col, `应为代码加名称，如“${CODE_SHAPE[d]} …”，实际为“${cells[d]}”`);
        failedAt = d;
        break;
      }
      const parent = d > 0 ? current[d - 1] : null;
      if (parent && !node.code.startsWith(`${parent.code}-`)) {
        err(col, `${col}代码${node.code}应以${OCCUPATION_COLUMNS[d - 1]}代码${parent.code}开头`);
        failedAt = d;
        break;
      }
      const prev = seen.get(node.code);
      if (prev && prev.name !== node.name) {
        err(col, `代码${node.code}的名称“${node.name}”与第${prev.line}行“${prev.name}”不一致`);
        failedAt = d;
        break;
      }
      if (prev && d === depth) {
        err(col, `代码${node.code}与第${prev.line}行重复`);
        failedAt = d;
        break;
      }
      // A repeated ancestor (a merged cell read as its value on every row) keeps the levels below it.
      if (current[d]?.code !== node.code) current.fill(null, d + 1);
      current[d] = node;
      if (!prev) {
        seen.set(node.code, { line: rec.line, name: node.name });
        entries.push({ level: OCCUPATION_LEVELS[d]!, code: node.code, name: node.name, parentCode: parent?.code ?? null });
      }
    }
    // A bad cell cannot be continued by the rows below it; its ancestors still can.
    if (failedAt >= 0) current.fill(null, failedAt);
  }
  if (entries.length === 0 && Object.keys(errors).length === 0) errors['文件'] = '没有职业分类数据行';
  return { entries, errors };
}

export interface OccupationLoadSummary {
  kind: 'occupation';
  edition: string;
  file: string;
  isDemoSubset: boolean;
  counts: Record<OccupationLevel, number>;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The edition when none is named: the 2022 revision of the 大典 is the current one. */
export const OCCUPATION_DEFAULT_EDITION = '2022';

/**
 * Load a 职业分类大典 file as edition `opts.edition` (default 2022). Refuses the whole file (VALIDATION_FAILED,
 * fields keyed "第N行.列名") when any row is bad; nothing is written then. Loading the same file again changes nothing.
 */
export async function loadOccupations(
  db: Db,
  opts: { file: string; edition?: string; title?: string; isDemoSubset?: boolean; sourceNote?: string },
): Promise<OccupationLoadSummary> {
  const text = await readCatalogueFile(opts.file);
  const parsed = parseOccupationCsv(text);
  if (Object.keys(parsed.errors).length) {
    throw validationFailed(
      parsed.errors,
      `职业分类文件${path.basename(opts.file)}有${Object.keys(parsed.errors).length}处错误，未导入任何数据`,
    );
  }
  const edition = opts.edition ?? OCCUPATION_DEFAULT_EDITION;
  const isDemoSubset = opts.isDemoSubset ?? false;
  const source = describeSource(opts.file, text, opts.sourceNote ?? '人力资源社会保障部《中华人民共和国职业分类大典》公布的表格');
  return db.transaction(async (tx) => {
    const editionId = await upsertEdition(tx, {
      kind: 'occupation',
      edition,
      title: opts.title ?? `中华人民共和国职业分类大典（${edition}年版）`,
      source,
      isDemoSubset,
    });
    const existing = new Map((await tx.select().from(occupations).where(eq(occupations.editionId, editionId))).map((r) => [r.code, r]));
    const rows = parsed.entries.map((e) => ({ editionId, ...e }));
    const tally = await syncEditionEntries(rows, existing, ['level', 'name', 'parentCode'], {
      insert: (batch) => tx.insert(occupations).values(batch),
      update: (id, row) => tx.update(occupations).set(row).where(eq(occupations.id, id)),
    });
    await auditBulkLoad(tx, {
      action: 'catalogue.load',
      entityType: 'catalogue_edition',
      entityId: editionId,
      inserted: tally.inserted,
      updated: tally.updated,
      source,
    });
    const counts: Record<OccupationLevel, number> = { major: 0, middle: 0, minor: 0, occupation: 0 };
    for (const e of parsed.entries) counts[e.level]++;
    return { kind: 'occupation' as const, edition, file: opts.file, isDemoSubset, counts, ...tally };
  });
}

/** The hand-checked demo subset shipped in this repository (see data/README.md): the eight 大类 only. */
export const DEMO_OCCUPATIONS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'occupations-2022-demo.csv');
export const DEMO_OCCUPATIONS_EDITION = '2022-demo-subset';

export function loadDemoOccupations(db: Db): Promise<OccupationLoadSummary> {
  return loadOccupations(db, {
    file: DEMO_OCCUPATIONS_FILE,
    edition: DEMO_OCCUPATIONS_EDITION,
    title: '中华人民共和国职业分类大典（2022年版）演示子集',
    isDemoSubset: true,
    sourceNote:
      'hand-checked demo subset of 中华人民共和国职业分类大典（2022年版）: the eight 大类 only, to be replaced by the published table',
  });
}
