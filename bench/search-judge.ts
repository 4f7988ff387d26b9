/**
 * Builds bench/search-judgements.json, the judged query set of the search benchmark, from the deterministic
 * demo city (seed 20231010, scale `demo`).
 *
 *   node bench/search-judge.ts            # generates the demo city in a temporary PGlite database
 *   DATA_DIR=… node bench/search-judge.ts # or reads an existing demo database
 *
 * Each query says in words what a person typing it wants (`need`), and a rule reads the register — the
 * tables, never the search index — to list the records that meet that need, graded
 *   3 = what was asked for (the named school, the major itself),
 *   2 = clearly relevant (the programs of that major, an enterprise of the named trade),
 *   1 = related (the programs of a named school, an enterprise of the same cluster).
 * Rebuild the file when the demo generator changes; the rules stay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadReferenceData } from '../server/catalogues/load.ts';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { DEFAULT_SEED } from '../server/demo/generate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { createPiiCipher } from '../server/platform/pii.ts';

export interface JudgedItem {
  type: 'school' | 'program' | 'major' | 'enterprise' | 'carrier';
  title: string;
  /** Programs: the school's name (their title is the major's). */
  subtitle?: string;
  grade: 1 | 2 | 3;
}
export interface JudgedQuery {
  q: string;
  need: string;
  relevant: JudgedItem[];
}

interface Facts {
  schools: { name: string; level: string; ownership: string; district: string }[];
  programs: { school: string; major: string; code: string }[];
  majors: { name: string; code: string; category: string }[];
  enterprises: { name: string; industry: string; cluster: string | null; integration: string; district: string }[];
}

type Rule = (f: Facts, out: Judged) => void;

class Judged {
  readonly items = new Map<string, JudgedItem>();
  add(item: Omit<JudgedItem, 'grade'>, grade: JudgedItem['grade']) {
    const key = `${item.type}|${item.title}|${item.subtitle ?? ''}`;
    const old = this.items.get(key);
    if (!old || old.grade < grade) this.items.set(key, { ...item, grade });
  }
  school(f: Facts, name: string, grade: JudgedItem['grade']) {
    if (!f.schools.some((s) => s.name === name)) throw new Error(`no demo school ${name}`);
    this.add({ type: 'school', title: name }, grade);
  }
  programsOfSchool(f: Facts, school: string, grade: JudgedItem['grade']) {
    for (const p of f.programs.filter((x) => x.school === school)) this.add({ type: 'program', title: p.major, subtitle: p.school }, grade);
  }
  major(f: Facts, name: string, grade: JudgedItem['grade'], programGrade?: JudgedItem['grade']) {
    if (!f.majors.some((m) => m.name === name)) throw new Error(`no demo major ${name}`);
    this.add({ type: 'major', title: name }, grade);
    if (programGrade)
      for (const p of f.programs.filter((x) => x.major === name))
        this.add({ type: 'program', title: p.major, subtitle: p.school }, programGrade);
  }
  enterprises(f: Facts, pred: (e: Facts['enterprises'][number]) => boolean, grade: JudgedItem['grade']) {
    for (const e of f.enterprises.filter(pred)) this.add({ type: 'enterprise', title: e.name }, grade);
  }
  enterprise(f: Facts, name: string, grade: JudgedItem['grade']) {
    if (!f.enterprises.some((e) => e.name === name)) throw new Error(`no demo enterprise ${name}`);
    this.add({ type: 'enterprise', title: name }, grade);
  }
}

const CERTIFIED = ['certified_city', 'certified_province', 'certified_nation'];
const has = (s: string, ...words: string[]) => words.some((w) => s.includes(w));

/** The queries: [query, need, rule]. */
const QUERIES: [string, string, Rule][] = [
  // Full names.
  [
    '郑州铁路职业技术学院',
    'the school by its full name',
    (f, j) => {
      j.school(f, '郑州铁路职业技术学院', 3);
      j.programsOfSchool(f, '郑州铁路职业技术学院', 1);
    },
  ],
  [
    '河南医学高等专科学校',
    'the school by its full name',
    (f, j) => {
      j.school(f, '河南医学高等专科学校', 3);
      j.programsOfSchool(f, '河南医学高等专科学校', 1);
    },
  ],
  [
    '嵩山少林武术职业学院',
    'the school by its full name',
    (f, j) => {
      j.school(f, '嵩山少林武术职业学院', 3);
      j.programsOfSchool(f, '嵩山少林武术职业学院', 1);
    },
  ],
  ['郑州市电子信息工程学校', 'the secondary school by its full name', (f, j) => j.school(f, '郑州市电子信息工程学校', 3)],
  ['中牟县职业教育中心', 'the county centre by its full name', (f, j) => j.school(f, '中牟县职业教育中心', 3)],
  [
    '黄河科技学院',
    'the school by its full name',
    (f, j) => {
      j.school(f, '黄河科技学院', 3);
      j.programsOfSchool(f, '黄河科技学院', 1);
    },
  ],
  ['河南新翔铝业集团有限公司', 'the enterprise by its full name', (f, j) => j.enterprise(f, '河南新翔铝业集团有限公司', 3)],
  ['郑州创诚机器人有限公司', 'the enterprise by its full name', (f, j) => j.enterprise(f, '郑州创诚机器人有限公司', 3)],
  // Partial names and abbreviations.
  [
    '郑州铁路',
    '郑州铁路职业技术学院 from part of its name',
    (f, j) => {
      j.school(f, '郑州铁路职业技术学院', 3);
      j.programsOfSchool(f, '郑州铁路职业技术学院', 1);
    },
  ],
  [
    '河南交通',
    '河南交通职业技术学院 from part of its name',
    (f, j) => {
      j.school(f, '河南交通职业技术学院', 3);
      j.programsOfSchool(f, '河南交通职业技术学院', 1);
    },
  ],
  [
    '财税金融',
    '郑州财税金融职业学院 from part of its name',
    (f, j) => {
      j.school(f, '郑州财税金融职业学院', 3);
      j.programsOfSchool(f, '郑州财税金融职业学院', 1);
    },
  ],
  [
    '幼儿师范',
    '郑州幼儿师范高等专科学校 from part of its name',
    (f, j) => {
      j.school(f, '郑州幼儿师范高等专科学校', 3);
      j.programsOfSchool(f, '郑州幼儿师范高等专科学校', 1);
    },
  ],
  [
    '少林',
    '嵩山少林武术职业学院 from part of its name',
    (f, j) => {
      j.school(f, '嵩山少林武术职业学院', 3);
      j.programsOfSchool(f, '嵩山少林武术职业学院', 1);
    },
  ],
  [
    '商贸旅游',
    '郑州商贸旅游职业学院 from part of its name',
    (f, j) => {
      j.school(f, '郑州商贸旅游职业学院', 3);
      j.programsOfSchool(f, '郑州商贸旅游职业学院', 1);
    },
  ],
  [
    '郑铁职院',
    'the common abbreviation of 郑州铁路职业技术学院',
    (f, j) => {
      j.school(f, '郑州铁路职业技术学院', 3);
      j.programsOfSchool(f, '郑州铁路职业技术学院', 1);
    },
  ],
  [
    '电力高专',
    'abbreviation of 郑州电力高等专科学校',
    (f, j) => {
      j.school(f, '郑州电力高等专科学校', 3);
      j.programsOfSchool(f, '郑州电力高等专科学校', 1);
    },
  ],
  ['中牟 职教中心', 'abbreviation of 中牟县职业教育中心', (f, j) => j.school(f, '中牟县职业教育中心', 3)],
  ['登封 职业教育中心', '登封市职业教育中心 without 市', (f, j) => j.school(f, '登封市职业教育中心', 3)],
  ['华达', 'the enterprises whose brand is 华达', (f, j) => j.enterprises(f, (e) => /^(郑州|河南)华达/.test(e.name), 3)],
  ['新翔铝业', '河南新翔铝业集团有限公司 without place and legal form', (f, j) => j.enterprise(f, '河南新翔铝业集团有限公司', 3)],
  // Typos and wrong suffixes.
  ['郑州铁道职业技术学院', '郑州铁路职业技术学院, misremembered', (f, j) => j.school(f, '郑州铁路职业技术学院', 3)],
  ['黄河科枝学院', '黄河科技学院 with a wrong character', (f, j) => j.school(f, '黄河科技学院', 3)],
  ['河南机电职业技术学院', '河南机电职业学院 with the usual longer suffix', (f, j) => j.school(f, '河南机电职业学院', 3)],
  ['郑州商贸旅游职业技术学院', '郑州商贸旅游职业学院 with the usual longer suffix', (f, j) => j.school(f, '郑州商贸旅游职业学院', 3)],
  ['嵩山少林武术学院', '嵩山少林武术职业学院 without 职业', (f, j) => j.school(f, '嵩山少林武术职业学院', 3)],
  ['河南医学高等专科学院', '河南医学高等专科学校 with 学院 for 学校', (f, j) => j.school(f, '河南医学高等专科学校', 3)],
  ['郑州创成机器人', '郑州创诚机器人有限公司 with a homophone', (f, j) => j.enterprise(f, '郑州创诚机器人有限公司', 3)],
  ['河南新祥铝业', '河南新翔铝业集团有限公司 with a homophone', (f, j) => j.enterprise(f, '河南新翔铝业集团有限公司', 3)],
  // Majors and where they are taught.
  ['软件技术', 'the major and the schools teaching it', (f, j) => j.major(f, '软件技术', 3, 2)],
  [
    '护理',
    'the nursing major, its programs, nursing schools',
    (f, j) => {
      j.major(f, '护理', 3, 2);
      for (const s of f.schools.filter((x) => x.name.includes('护理'))) j.school(f, s.name, 2);
    },
  ],
  [
    '大数据',
    'the big-data major and programs; data companies',
    (f, j) => {
      j.major(f, '大数据技术', 3, 2);
      j.enterprises(f, (e) => e.name.includes('大数据'), 1);
    },
  ],
  [
    '人工智能',
    'the AI major and programs; AI companies',
    (f, j) => {
      j.major(f, '人工智能技术应用', 3, 2);
      j.enterprises(f, (e) => e.name.includes('人工智能'), 2);
    },
  ],
  [
    '新能源汽车',
    'the major, its programs, and new-energy vehicle makers',
    (f, j) => {
      j.major(f, '新能源汽车技术', 3, 2);
      j.enterprises(f, (e) => has(e.name, '新能源汽车', '电动汽车'), 2);
    },
  ],
  [
    '跨境电商',
    'the cross-border e-commerce major, programs and companies',
    (f, j) => {
      j.major(f, '跨境电子商务', 3, 2);
      j.enterprises(f, (e) => has(e.name, '跨境电商', '跨境电子商务'), 2);
    },
  ],
  ['导游', 'the tour-guide major and its programs', (f, j) => j.major(f, '导游', 3, 2)],
  ['510203', 'the major with this code', (f, j) => j.major(f, '软件技术', 3, 1)],
  [
    '计算机类',
    'the majors of the 计算机类 category',
    (f, j) => {
      for (const m of f.majors.filter((x) => x.category === '计算机类')) j.major(f, m.name, 2);
    },
  ],
  ['物联网', 'the IoT major and its programs', (f, j) => j.major(f, '物联网应用技术', 3, 2)],
  [
    '虚拟现实',
    'the VR major, programs and VR companies',
    (f, j) => {
      j.major(f, '虚拟现实技术应用', 3, 2);
      j.enterprises(f, (e) => e.name.includes('虚拟现实'), 2);
    },
  ],
  ['计算机网络', 'the computer-networking major and programs', (f, j) => j.major(f, '计算机网络技术', 3, 2)],
  // Trades and industries.
  [
    '机器人',
    'robot makers',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('机器人'), 3);
      j.enterprises(f, (e) => e.industry.includes('机器人'), 2);
    },
  ],
  [
    '铝业',
    'aluminium companies',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('铝业'), 3);
      j.enterprises(f, (e) => e.cluster === 'aluminium' && e.name.includes('铝'), 2);
    },
  ],
  [
    '燃料电池',
    'fuel-cell makers',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('燃料电池'), 3);
      j.enterprises(f, (e) => e.cluster === 'hydrogen_fuel_cell', 1);
    },
  ],
  [
    '速冻食品',
    'frozen-food makers',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('速冻食品'), 3);
      j.enterprises(f, (e) => e.industry.includes('速冻食品'), 2);
    },
  ],
  [
    '制药',
    'pharmaceutical companies',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('制药'), 3);
      j.enterprises(f, (e) => e.name.includes('药业'), 2);
      j.enterprises(f, (e) => e.industry.includes('药'), 1);
    },
  ],
  [
    '武术',
    'martial-arts schools and companies',
    (f, j) => {
      j.school(f, '嵩山少林武术职业学院', 3);
      j.enterprises(f, (e) => e.name.includes('武术'), 3);
      j.enterprises(f, (e) => e.name.includes('功夫'), 2);
    },
  ],
  [
    '轨道交通',
    'rail-transit schools and companies',
    (f, j) => {
      for (const s of f.schools.filter((x) => x.name.includes('轨道交通'))) j.school(f, s.name, 3);
      j.enterprises(f, (e) => e.name.includes('轨道交通'), 3);
      j.enterprises(f, (e) => e.cluster === 'rail_transit', 1);
    },
  ],
  [
    '传感器',
    'sensor makers',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('传感'), 3);
      j.enterprises(f, (e) => e.industry.includes('传感器'), 2);
      j.enterprises(f, (e) => e.cluster === 'smart_sensor', 1);
    },
  ],
  [
    '汽车企业',
    'car-industry enterprises',
    (f, j) => {
      j.enterprises(f, (e) => e.cluster === 'automotive' && e.name.includes('汽车'), 3);
      j.enterprises(f, (e) => e.cluster === 'automotive', 2);
    },
  ],
  [
    '物流',
    'logistics companies and the logistics school',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('物流'), 3);
      for (const s of f.schools.filter((x) => x.name.includes('物流'))) j.school(f, s.name, 3);
      j.enterprises(f, (e) => has(e.name, '多式联运', '货运代理', '仓储'), 1);
    },
  ],
  [
    '医疗器械',
    'medical-device makers',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('医疗器械'), 3);
      j.enterprises(f, (e) => e.industry.includes('医疗'), 2);
    },
  ],
  // Combinations.
  [
    '护理 学校',
    'schools where nursing is taught',
    (f, j) => {
      for (const s of f.schools.filter((x) => x.name.includes('护理'))) j.school(f, s.name, 3);
      for (const p of f.programs.filter((x) => x.major === '护理')) j.school(f, p.school, 2);
    },
  ],
  [
    '软件技术 郑州铁路',
    'the software program of 郑州铁路职业技术学院',
    (f, j) => {
      if (f.programs.some((p) => p.school === '郑州铁路职业技术学院' && p.major === '软件技术')) {
        j.add({ type: 'program', title: '软件技术', subtitle: '郑州铁路职业技术学院' }, 3);
      }
      j.school(f, '郑州铁路职业技术学院', 2);
    },
  ],
  [
    '高新区 传感器',
    'sensor makers in the high-tech zone',
    (f, j) => {
      j.enterprises(f, (e) => e.name.includes('传感') && e.district.includes('高新技术'), 3);
      j.enterprises(f, (e) => e.industry.includes('传感器') && e.district.includes('高新技术'), 2);
      j.enterprises(f, (e) => e.cluster === 'smart_sensor' && e.district.includes('高新技术'), 2);
      j.enterprises(f, (e) => e.name.includes('传感'), 1);
    },
  ],
  [
    '产教融合型企业',
    'certified industry–education integration enterprises',
    (f, j) => {
      j.enterprises(f, (e) => e.integration === 'certified_nation' || e.integration === 'certified_province', 3);
      j.enterprises(f, (e) => e.integration === 'certified_city', 2);
      j.enterprises(f, (e) => e.integration === 'applied' || e.integration === 'reserve', 1);
    },
  ],
  [
    '国家产教融合型企业',
    'nationally certified integration enterprises',
    (f, j) => {
      j.enterprises(f, (e) => e.integration === 'certified_nation', 3);
      j.enterprises(f, (e) => CERTIFIED.includes(e.integration), 1);
    },
  ],
  [
    '民办 高职',
    'private higher vocational schools',
    (f, j) => {
      for (const s of f.schools.filter((x) => x.ownership === 'private' && x.level === 'higher')) j.school(f, s.name, 3);
      for (const s of f.schools.filter((x) => x.ownership === 'private' && x.level !== 'higher')) j.school(f, s.name, 1);
    },
  ],
  [
    '登封 武术',
    'martial-arts schools and companies in 登封',
    (f, j) => {
      for (const s of f.schools.filter((x) => x.name.includes('武术') && x.district === '登封市')) j.school(f, s.name, 3);
      j.enterprises(f, (e) => has(e.name, '武术', '功夫') && e.district === '登封市', 3);
      j.enterprises(f, (e) => has(e.name, '武术', '功夫'), 1);
    },
  ],
];

/** What the rules read: the register's active schools, programs, majors and enterprises. */
export async function facts(db: Parameters<typeof rows>[0]): Promise<Facts> {
  const schools = await rows<Facts['schools'][number]>(
    db,
    sql`
    select o.name, s.level, s.ownership, coalesce(d.name, '') as district from organisations o
    join schools s on s.organisation_id = o.id left join organisations d on d.id = o.district_id where o.status = 'active'`,
  );
  const programs = await rows<Facts['programs'][number]>(
    db,
    sql`
    select o.name as school, m.name as major, m.code from programs p join organisations o on o.id = p.school_id
    join majors m on m.id = p.major_id where p.status = 'active' and o.status = 'active'`,
  );
  const majors = await rows<Facts['majors'][number]>(db, sql`select name, code, category_name as category from majors`);
  const enterprises = await rows<Facts['enterprises'][number]>(
    db,
    sql`
    select o.name, coalesce((select i.name from industries i where i.code = e.industry_code limit 1), '') as industry,
      e.cluster_code as cluster, e.integration_status as integration, coalesce(d.name, '') as district
    from organisations o join enterprises e on e.organisation_id = o.id left join organisations d on d.id = o.district_id
    where o.status = 'active'`,
  );
  return { schools, programs, majors, enterprises };
}

/**
 * Apply the rules to a register. A query whose named record is missing, or that finds nothing relevant, is
 * an error — or, with `skipMissing` (another scale or seed than the file's), left out.
 */
export function judge(f: Facts, opts: { skipMissing?: boolean } = {}): JudgedQuery[] {
  return QUERIES.flatMap(([q, need, rule]) => {
    const j = new Judged();
    try {
      rule(f, j);
      if (!j.items.size) throw new Error(`query ${q}: nothing relevant in the data`);
    } catch (e) {
      if (opts.skipMissing) return [];
      throw e;
    }
    const relevant = [...j.items.values()].sort(
      (a, b) =>
        b.grade - a.grade ||
        a.type.localeCompare(b.type) ||
        a.title.localeCompare(b.title) ||
        (a.subtitle ?? '').localeCompare(b.subtitle ?? ''),
    );
    return [{ q, need, relevant }];
  });
}

if (import.meta.main) {
  const tmp = process.env.DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-judge-'));
  const database = await openDatabase({ dataDir: process.env.DATA_DIR ?? tmp! });
  try {
    const [{ n }] = (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from organisations where kind = 'school'`)) as [
      { n: number },
    ];
    if (n === 0) {
      await loadReferenceData(database.db);
      await seedDemo(database.db, createPiiCipher(Buffer.alloc(32, 1)), {
        scale: 'demo',
        seed: DEFAULT_SEED,
        now: new Date(),
        demoPassword: 'unused',
        log: () => {},
      });
    }
    const queries = judge(await facts(database.db));
    const out = {
      about:
        'Judged query set of the search benchmark (bench/search.ts), built by bench/search-judge.ts from the demo city. grade 3 = what was asked for, 2 = clearly relevant, 1 = related.',
      demo: { seed: DEFAULT_SEED, scale: 'demo' },
      queries,
    };
    fs.writeFileSync(path.join(import.meta.dirname, 'search-judgements.json'), JSON.stringify(out, null, 1) + '\n');
    console.log(`${queries.length} queries, ${queries.reduce((s, q) => s + q.relevant.length, 0)} judgements`);
  } finally {
    await database.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
