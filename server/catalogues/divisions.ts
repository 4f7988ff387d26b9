import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/engine.ts';
import { organisations } from '../platform/db/schema/index.ts';
import { csvRecords, describeSource, readText, referenceDataPath } from './csv.ts';
import { auditBulkLoad, upsertEdition } from './editions.ts';

/**
 * The parties of the plan that are not schools or enterprises, as organisations:
 *   - kind `district`: Zhengzhou's 12 county-level divisions and its development zones (from
 *     `zhengzhou-divisions.csv`; the city row 410100 itself is not a district). Each district is its own district.
 *   - kind `bureau`: 郑州市教育局, the plan's lead unit (code `edu`).
 *   - kind `department`: every unit of the policy file whose kind is `department` (code = unit code).
 * Repeatable: matched on (kind, code); a changed name is updated, nothing else is touched.
 */

export const DIVISIONS_FILE = 'zhengzhou-divisions.csv';
export const DIVISIONS_EDITION = 'zhengzhou-divisions';

/**
 * 郑东新区 is a functional zone with no statistical division code of its own (the file leaves the code
 * empty). This LOCAL code is ours, not a national one: it is not six digits so it can never be mistaken
 * for (or collide with) a GB/T 2260 or statistical code.
 */
export const LOCAL_DIVISION_CODES: Readonly<Record<string, string>> = { 郑东新区: 'ZZ-ZDXQ' };

/** Pinyin slugs for sign-in names (district_jinshui …) and URLs. */
export const DIVISION_SLUGS: Readonly<Record<string, string>> = {
  中原区: 'zhongyuan',
  二七区: 'erqi',
  管城回族区: 'guancheng',
  金水区: 'jinshui',
  上街区: 'shangjie',
  惠济区: 'huiji',
  中牟县: 'zhongmu',
  巩义市: 'gongyi',
  荥阳市: 'xingyang',
  新密市: 'xinmi',
  新郑市: 'xinzheng',
  登封市: 'dengfeng',
  郑州经济技术开发区: 'jingkai',
  郑州高新技术产业开发区: 'gaoxin',
  郑州航空港经济综合实验区: 'hangkonggang',
  郑东新区: 'zhengdong',
};

export const BUREAU = { code: 'edu', name: '郑州市教育局' } as const;

export interface DivisionEntry {
  code: string;
  name: string;
  /** district / county / county-level city / development zone, as in the file. */
  kind: string;
  /** True for a code we made up (LOCAL_DIVISION_CODES). */
  localCode: boolean;
  slug: string;
}

export interface ParsedDivisions {
  city: { code: string; name: string } | null;
  divisions: DivisionEntry[];
  anomalies: string[];
}

/** Parse the divisions file (pure). */
export function parseDivisionsCsv(text: string): ParsedDivisions {
  const anomalies: string[] = [];
  const divisions: DivisionEntry[] = [];
  let city: ParsedDivisions['city'] = null;
  const codes = new Set<string>();
  for (const rec of csvRecords(text, ['code', 'name', 'kind'])) {
    const name = rec.get('name');
    const kind = rec.get('kind');
    let code = rec.get('code');
    if (kind === 'city') {
      city = { code, name };
      continue;
    }
    let localCode = false;
    if (!code) {
      const local = LOCAL_DIVISION_CODES[name];
      if (!local) {
        anomalies.push(`第${rec.line}行“${name}”没有区划代码，也没有约定的本地代码，未导入`);
        continue;
      }
      code = local;
      localCode = true;
    } else if (!/^41\d{4}$/.test(code)) {
      anomalies.push(`第${rec.line}行“${name}”的代码“${code}”不是河南省的6位区划代码，未导入`);
      continue;
    }
    if (codes.has(code)) {
      anomalies.push(`第${rec.line}行代码${code}重复，未导入`);
      continue;
    }
    codes.add(code);
    const slug = DIVISION_SLUGS[name];
    if (!slug) anomalies.push(`第${rec.line}行“${name}”没有拼音简称，登录名将使用代码`);
    divisions.push({ code, name, kind, localCode, slug: slug ?? code.toLowerCase().replace(/[^a-z0-9]+/g, '') });
  }
  if (!city) anomalies.push('文件中没有市级（city）行');
  return { city, divisions, anomalies };
}

export interface PlanUnitLike {
  code: string;
  name: string;
  kind: string;
}

export interface OrganisationLoadSummary {
  kind: 'organisations';
  file: string;
  districts: number;
  departments: number;
  inserted: number;
  updated: number;
  unchanged: number;
  anomalies: string[];
}

async function upsertOrg(
  tx: Tx,
  o: { kind: 'bureau' | 'department' | 'district'; code: string; name: string },
  tally: { inserted: number; updated: number; unchanged: number },
): Promise<string> {
  const [cur] = await tx
    .select({ id: organisations.id, name: organisations.name, districtId: organisations.districtId })
    .from(organisations)
    .where(and(eq(organisations.kind, o.kind), eq(organisations.code, o.code)));
  if (!cur) {
    const [row] = await tx.insert(organisations).values({ kind: o.kind, code: o.code, name: o.name }).returning({ id: organisations.id });
    if (o.kind === 'district') await tx.update(organisations).set({ districtId: row!.id }).where(eq(organisations.id, row!.id));
    tally.inserted++;
    return row!.id;
  }
  const wantDistrict = o.kind === 'district' ? cur.id : cur.districtId;
  if (cur.name !== o.name || cur.districtId !== wantDistrict) {
    await tx
      .update(organisations)
      .set({ name: o.name, districtId: wantDistrict, updatedAt: sql`now()`, version: sql`${organisations.version} + 1` })
      .where(eq(organisations.id, cur.id));
    tally.updated++;
  } else tally.unchanged++;
  return cur.id;
}

/** Districts from the divisions file, the bureau, and the policy's departments. */
export async function loadOrganisations(
  db: Db,
  opts: { file?: string; units?: readonly PlanUnitLike[] } = {},
): Promise<OrganisationLoadSummary> {
  const file = opts.file ?? referenceDataPath(DIVISIONS_FILE);
  const text = readText(file);
  const parsed = parseDivisionsCsv(text);
  const anomalies = [...parsed.anomalies];
  const departments = (opts.units ?? []).filter((u) => u.kind === 'department');
  if (!opts.units) anomalies.push('未提供政策文件的责任单位，未创建市直部门');
  return db.transaction(async (tx) => {
    const editionId = await upsertEdition(tx, {
      kind: 'division',
      edition: DIVISIONS_EDITION,
      title: '郑州市县级行政区划和开发区',
      source: describeSource(file, text, '国家统计用区划代码（郑州市部分）；郑东新区无统计代码，使用本地代码ZZ-ZDXQ'),
    });
    const tally = { inserted: 0, updated: 0, unchanged: 0 };
    for (const d of parsed.divisions) await upsertOrg(tx, { kind: 'district', code: d.code, name: d.name }, tally);
    await upsertOrg(tx, { kind: 'bureau', code: BUREAU.code, name: BUREAU.name }, tally);
    for (const u of departments) await upsertOrg(tx, { kind: 'department', code: u.code, name: u.name }, tally);
    await auditBulkLoad(tx, { action: 'organisations.load', entityType: 'catalogue_edition', entityId: editionId, ...tally });
    return {
      kind: 'organisations' as const,
      file,
      districts: parsed.divisions.length,
      departments: departments.length,
      ...tally,
      anomalies,
    };
  });
}
