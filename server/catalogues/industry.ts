import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/engine.ts';
import { industries } from '../platform/db/schema/index.ts';
import { csvRecords, describeSource, readText, referenceDataPath } from './csv.ts';
import { auditBulkLoad, upsertEdition } from './editions.ts';

/**
 * 国民经济行业分类 GB/T 4754-2017 from `industry-gbt4754-2017.csv` (code,name,level,parent).
 *
 * The file is a transcription from a public machine-readable compilation, not the standard's own text, so
 * the loader checks it rather than trusting it: every anomaly (bad code, wrong parent, duplicate, count
 * differing from the official text, damaged name) goes into the load summary, and loading carries on.
 * Repeatable: a second run with the same file inserts and updates nothing.
 */

export const INDUSTRY_EDITION = 'GB/T 4754-2017';
export const INDUSTRY_FILE = 'industry-gbt4754-2017.csv';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';
const LEVELS: readonly IndustryLevel[] = ['section', 'division', 'group', 'class'];

/** Counts printed in the official text of GB/T 4754-2017 (门类 20, 大类 97, 中类 473, 小类 1,380). */
export const OFFICIAL_COUNTS: Readonly<Record<IndustryLevel, number>> = { section: 20, division: 97, group: 473, class: 1380 };

const CODE_PATTERN: Readonly<Record<IndustryLevel, RegExp>> = {
  section: /^[A-T]$/,
  division: /^\d{2}$/,
  group: /^\d{3}$/,
  class: /^\d{4}$/,
};

/**
 * Names the transcription cut short or mixed with explanatory text, with the standard's wording. Applied
 * only when the file holds exactly the damaged form, each one listed in the load summary; anything else
 * that looks damaged is reported, never guessed at.
 */
export const NAME_CORRECTIONS: Readonly<Record<string, { damaged: string; name: string }>> = {
  '37': { damaged: '铁路、船舶、航空航天和其他运输设备制', name: '铁路、船舶、航空航天和其他运输设备制造业' },
  '306': { damaged: '玻璃纤维和玻璃纤维增强塑料制品制', name: '玻璃纤维和玻璃纤维增强塑料制品制造' },
  '354': { damaged: '印刷、制药、日化及日用品生产专用设', name: '印刷、制药、日化及日用品生产专用设备制造' },
  '359': { damaged: '环保、邮政、社会公共服务及其他专用', name: '环保、邮政、社会公共服务及其他专用设备制造' },
  '3531': {
    damaged: '食品、酒、饮料及茶生产专用设备制     指主要用于食品、酒、饮料生产及茶制品加',
    name: '食品、酒、饮料及茶生产专用设备制造',
  },
  '3546': { damaged: '玻璃、陶瓷和搪瓷制品生产专用设备', name: '玻璃、陶瓷和搪瓷制品生产专用设备制造' },
  '3552': { damaged: '皮革、毛皮及其制品加工专用设备制', name: '皮革、毛皮及其制品加工专用设备制造' },
  '3583': { damaged: '医疗实验室及医用消毒设备和器具', name: '医疗实验室及医用消毒设备和器具制造' },
  '3939': { damaged: '应用电视设备及其他广播电视设备', name: '应用电视设备及其他广播电视设备制造' },
  '4023': { damaged: '导航、测绘、气象及海洋专用仪器制', name: '导航、测绘、气象及海洋专用仪器制造' },
};

export interface IndustryNode {
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode: string | null;
}

export interface ParsedIndustries {
  nodes: IndustryNode[];
  counts: Record<IndustryLevel, number>;
  /** Problems found, in Chinese, each naming the file line. The rows concerned are still loaded unless said otherwise. */
  anomalies: string[];
  corrections: { code: string; from: string; to: string }[];
}

/** Parse and check the CSV (pure). */
export function parseIndustryCsv(text: string): ParsedIndustries {
  const anomalies: string[] = [];
  const corrections: ParsedIndustries['corrections'] = [];
  const nodes: IndustryNode[] = [];
  const byCode = new Map<string, { node: IndustryNode; line: number }>();

  for (const rec of csvRecords(text, ['code', 'name', 'level', 'parent'])) {
    const code = rec.get('code');
    let name = rec.get('name');
    const level = rec.get('level') as IndustryLevel;
    const parent = rec.get('parent') || null;
    const at = `第${rec.line}行（${code || '无代码'}）`;
    if (!LEVELS.includes(level)) {
      anomalies.push(`${at}：层级“${level}”无法识别，未导入`);
      continue;
    }
    if (!CODE_PATTERN[level].test(code)) {
      anomalies.push(`${at}：代码格式不符合${level}层级，未导入`);
      continue;
    }
    if (!name) {
      anomalies.push(`${at}：名称为空，未导入`);
      continue;
    }
    const dup = byCode.get(code);
    if (dup) {
      anomalies.push(`${at}：代码与第${dup.line}行重复（“${dup.node.name}” / “${name}”），保留第${dup.line}行`);
      continue;
    }
    const fix = NAME_CORRECTIONS[code];
    if (fix && fix.damaged === name) {
      corrections.push({ code, from: name, to: fix.name });
      name = fix.name;
    } else {
      if (/\s/.test(name)) anomalies.push(`${at}：名称含空白字符，疑为说明文字混入：“${name}”`);
      if (/[()]/.test(name) && /[（）]/.test(name)) anomalies.push(`${at}：名称混用全角与半角括号：“${name}”`);
      else if (/[()]/.test(name)) anomalies.push(`${at}：名称使用半角括号（标准文本为全角）：“${name}”`);
      if (/(?:设备|仪器|制品|专用|设)$|设备制$|仪器制$|制品制$/.test(name) && !fix) {
        anomalies.push(`${at}：名称疑似被截断：“${name}”`);
      }
    }
    const expectedParent = level === 'section' ? null : level === 'division' ? undefined : code.slice(0, code.length - 1);
    if (level === 'section' && parent) anomalies.push(`${at}：门类不应有上级（文件中为“${parent}”）`);
    if (level !== 'section' && !parent) anomalies.push(`${at}：缺少上级代码`);
    if (expectedParent && parent !== expectedParent) {
      anomalies.push(`${at}：上级代码“${parent}”与代码前缀“${expectedParent}”不一致`);
    }
    const node: IndustryNode = { code, name, level, parentCode: level === 'section' ? null : parent };
    byCode.set(code, { node, line: rec.line });
    nodes.push(node);
  }

  const parentLevel: Record<IndustryLevel, IndustryLevel | null> = {
    section: null,
    division: 'section',
    group: 'division',
    class: 'group',
  };
  const counts: Record<IndustryLevel, number> = { section: 0, division: 0, group: 0, class: 0 };
  const names = new Map<string, string>();
  for (const { node, line } of byCode.values()) {
    counts[node.level]++;
    const want = parentLevel[node.level];
    if (want && node.parentCode) {
      const p = byCode.get(node.parentCode);
      if (!p) anomalies.push(`第${line}行（${node.code}）：上级“${node.parentCode}”不在文件中`);
      else if (p.node.level !== want) anomalies.push(`第${line}行（${node.code}）：上级“${node.parentCode}”是${p.node.level}，应为${want}`);
    }
    const key = `${node.level}:${node.name}`;
    const other = names.get(key);
    if (other) anomalies.push(`第${line}行（${node.code}）：与${other}同名“${node.name}”`);
    else names.set(key, node.code);
  }
  const hasChildren = new Set([...byCode.values()].map((c) => c.node.parentCode));
  for (const level of LEVELS) {
    const children = level === 'class' ? null : LEVELS[LEVELS.indexOf(level) + 1]!;
    if (children) {
      for (const { node } of byCode.values()) {
        if (node.level === level && !hasChildren.has(node.code)) anomalies.push(`${node.code}“${node.name}”没有下级${children}`);
      }
    }
    if (counts[level] !== OFFICIAL_COUNTS[level]) {
      anomalies.push(
        `${level}共${counts[level]}条，标准正式文本为${OFFICIAL_COUNTS[level]}条（差${counts[level] - OFFICIAL_COUNTS[level]}）` +
          (level === 'class'
            ? '：文件中没有重复代码或重复名称、上下级关系均完整，仅凭本文件无法确定多出的是哪一行，按小类计数的统计应注明此差异'
            : ''),
      );
    }
  }
  return { nodes, counts, anomalies, corrections };
}

export interface IndustryLoadSummary {
  kind: 'industry';
  edition: string;
  file: string;
  counts: Record<IndustryLevel, number>;
  inserted: number;
  updated: number;
  unchanged: number;
  anomalies: string[];
  corrections: ParsedIndustries['corrections'];
}

export async function loadIndustries(db: Db, opts: { file?: string } = {}): Promise<IndustryLoadSummary> {
  const file = opts.file ?? referenceDataPath(INDUSTRY_FILE);
  const text = readText(file);
  const parsed = parseIndustryCsv(text);
  const source =
    describeSource(file, text, '国家统计局《国民经济行业分类》GB/T 4754-2017，据公开机读汇编转录') +
    (parsed.corrections.length ? `; ${parsed.corrections.length} names restored to the standard's wording` : '');
  return db.transaction(async (tx) => {
    const editionId = await upsertEdition(tx, { kind: 'industry', edition: INDUSTRY_EDITION, title: '国民经济行业分类', source });
    const existing = new Map(
      (
        await tx
          .select({
            id: industries.id,
            code: industries.code,
            name: industries.name,
            level: industries.level,
            parentCode: industries.parentCode,
          })
          .from(industries)
          .where(eq(industries.editionId, editionId))
      ).map((r) => [r.code, r]),
    );
    const toInsert: (typeof industries.$inferInsert)[] = [];
    let updated = 0;
    for (const n of parsed.nodes) {
      const cur = existing.get(n.code);
      if (!cur) toInsert.push({ editionId, code: n.code, name: n.name, level: n.level, parentCode: n.parentCode });
      else if (cur.name !== n.name || cur.level !== n.level || cur.parentCode !== n.parentCode) {
        await tx.update(industries).set({ name: n.name, level: n.level, parentCode: n.parentCode }).where(eq(industries.id, cur.id));
        updated++;
      }
    }
    for (let i = 0; i < toInsert.length; i += 1000) await tx.insert(industries).values(toInsert.slice(i, i + 1000));
    await auditBulkLoad(tx, {
      action: 'catalogue.load',
      entityType: 'catalogue_edition',
      entityId: editionId,
      inserted: toInsert.length,
      updated,
      source,
    });
    return {
      kind: 'industry' as const,
      edition: INDUSTRY_EDITION,
      file,
      counts: parsed.counts,
      inserted: toInsert.length,
      updated,
      unchanged: parsed.nodes.length - toInsert.length - updated,
      anomalies: parsed.anomalies,
      corrections: parsed.corrections,
    };
  });
}
