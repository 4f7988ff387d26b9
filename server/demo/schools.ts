import { allocate } from './allocate.ts';
import type { Rng } from './prng.ts';
import type { DemoSchool, RefDistrict, SchoolLevel } from './types.ts';

/**
 * Demo schools. A handful carry the names of real vocational schools in Zhengzhou so the demo reads like the
 * city (only names we are confident are Zhengzhou schools); everything else about them — 学校标识码, district
 * where not listed below, sizes, programmes, people — is generated, and every record is flagged is_demo.
 * The rest have generated names in the patterns Zhengzhou schools use.
 *
 * `focus` lists 专业大类 codes (2021 catalogue) the school's programmes lean towards.
 */
interface NamedSchool {
  name: string;
  level: SchoolLevel;
  ownership: 'public' | 'private';
  /** Division name when we are confident of it; otherwise the generator places the school. */
  district?: string;
  focus: readonly string[];
}

const REAL_SCHOOLS: readonly NamedSchool[] = [
  { name: '郑州铁路职业技术学院', level: 'higher', ownership: 'public', focus: ['46', '51'] },
  { name: '郑州职业技术学院', level: 'higher', ownership: 'public', focus: ['46', '51'] },
  { name: '河南职业技术学院', level: 'higher', ownership: 'public', focus: ['51', '53'] },
  { name: '郑州商贸旅游职业学院', level: 'higher', ownership: 'public', focus: ['53', '54'] },
  { name: '郑州信息科技职业学院', level: 'higher', ownership: 'private', focus: ['51'] },
  { name: '郑州电力高等专科学校', level: 'higher', ownership: 'public', focus: ['46', '51'] },
  { name: '郑州旅游职业学院', level: 'higher', ownership: 'public', focus: ['54', '53'] },
  { name: '郑州财税金融职业学院', level: 'higher', ownership: 'public', focus: ['53', '51'] },
  { name: '河南交通职业技术学院', level: 'higher', ownership: 'public', focus: ['46', '51'] },
  { name: '河南经贸职业学院', level: 'higher', ownership: 'public', focus: ['53', '54'] },
  { name: '河南建筑职业技术学院', level: 'higher', ownership: 'public', focus: ['46', '51'] },
  { name: '河南医学高等专科学校', level: 'higher', ownership: 'public', focus: ['52'] },
  { name: '郑州幼儿师范高等专科学校', level: 'higher', ownership: 'public', focus: ['51', '54'] },
  { name: '河南农业职业学院', level: 'higher', ownership: 'public', district: '中牟县', focus: ['53', '51'] },
  { name: '河南机电职业学院', level: 'higher', ownership: 'public', district: '新郑市', focus: ['46', '51'] },
  { name: '嵩山少林武术职业学院', level: 'higher', ownership: 'private', district: '登封市', focus: ['54'] },
  { name: '郑州工程技术学院', level: 'appliedUndergrad', ownership: 'public', focus: ['46', '51', '54'] },
  { name: '黄河科技学院', level: 'appliedUndergrad', ownership: 'private', focus: ['51', '52', '53'] },
  { name: '郑州科技学院', level: 'appliedUndergrad', ownership: 'private', focus: ['51', '46'] },
  { name: '郑州市电子信息工程学校', level: 'secondary', ownership: 'public', focus: ['51'] },
  { name: '郑州市财贸学校', level: 'secondary', ownership: 'public', focus: ['53'] },
  { name: '郑州市科技工业学校', level: 'secondary', ownership: 'public', focus: ['46'] },
  { name: '郑州市中等专业学校', level: 'secondary', ownership: 'public', focus: ['51', '53'] },
  { name: '河南省经济管理学校', level: 'secondary', ownership: 'public', focus: ['53'] },
];

/** Themes for generated names, each with the 专业大类 it leans to. */
const THEMES: readonly (readonly [string, readonly string[]])[] = [
  ['信息工程', ['51']],
  ['智能制造', ['46']],
  ['机电工程', ['46']],
  ['现代服务', ['53', '54']],
  ['交通运输', ['46']],
  ['汽车工程', ['46']],
  ['商务', ['53']],
  ['旅游', ['54']],
  ['卫生', ['52']],
  ['电子商务', ['53', '51']],
  ['数字科技', ['51']],
  ['轨道交通', ['46', '51']],
  ['航空服务', ['54', '53']],
  ['食品工程', ['53']],
  ['建设', ['46']],
  ['艺术', ['51', '54']],
  ['物流', ['53']],
  ['新能源', ['46']],
  ['软件', ['51']],
  ['护理', ['52']],
];
const BRANDS = [
  '华信',
  '中原',
  '嵩岳',
  '黄河',
  '豫达',
  '郑兴',
  '博雅',
  '文博',
  '德才',
  '明德',
  '华夏',
  '东方',
  '科达',
  '天中',
  '商都',
  '绿城',
  '中州',
  '启航',
];

/** Share of schools per level (secondary majority, a few undergraduate-level). */
function levelCounts(n: number): Record<SchoolLevel, number> {
  const vocUndergrad = Math.max(1, Math.round(n * 0.03));
  const appliedUndergrad = Math.max(1, Math.round(n * 0.05));
  const higher = Math.round(n * 0.32);
  return { secondary: n - vocUndergrad - appliedUndergrad - higher, higher, vocUndergrad, appliedUndergrad };
}

const COUNTY_CENTRE_SUFFIX = '职业教育中心';

export function generateSchools(
  rng: Rng,
  n: number,
  districts: readonly RefDistrict[],
  totalStudents: number,
): (DemoSchool & { focus: readonly string[] })[] {
  const counts = levelCounts(n);
  const used = new Set<string>();
  const codes = new Set<string>();
  const out: (DemoSchool & { focus: readonly string[] })[] = [];
  const byName = new Map(districts.map((d) => [d.name, d]));
  // Urban districts and the zones hold most schools; counties have fewer, larger ones.
  const districtWeights = districts.map((d) => [d, /区$/.test(d.name) ? 3 : /开发区|实验区|新区/.test(d.name) ? 2 : 1.5] as const);

  const push = (s: Omit<DemoSchool, 'index' | 'code' | 'staffingQuota' | 'studentTarget'> & { focus: readonly string[] }) => {
    let code: string;
    do code = `41${rng.digits(8)}`;
    while (codes.has(code));
    codes.add(code);
    used.add(s.name);
    out.push({ ...s, index: out.length, code, staffingQuota: 0, studentTarget: 0 });
  };

  for (const level of ['higher', 'appliedUndergrad', 'vocUndergrad', 'secondary'] as const) {
    let left = counts[level];
    for (const real of REAL_SCHOOLS.filter((r) => r.level === level)) {
      if (left === 0) break;
      const district = (real.district && byName.get(real.district)) || rng.weighted(districtWeights);
      push({ name: real.name, level, ownership: real.ownership, enterpriseRun: false, districtCode: district.code, focus: real.focus });
      left--;
    }
    if (level === 'secondary') {
      // County vocational education centres: one per county-level division.
      for (const d of districts.filter((x) => /[县市]$/.test(x.name))) {
        if (left === 0) break;
        push({
          name: d.name + COUNTY_CENTRE_SUFFIX,
          level,
          ownership: 'public',
          enterpriseRun: false,
          districtCode: d.code,
          focus: ['46', '53'],
        });
        left--;
      }
    }
    while (left > 0) {
      const [theme, focus] = rng.pick(THEMES);
      const isPrivate = rng.chance(level === 'secondary' ? 0.3 : 0.35);
      const enterpriseRun = isPrivate && rng.chance(0.25);
      const brand = rng.pick(BRANDS);
      const name =
        level === 'higher'
          ? isPrivate
            ? `郑州${brand}${theme}职业学院`
            : `郑州${theme}职业学院`
          : level === 'vocUndergrad'
            ? `郑州${theme}职业技术大学`
            : level === 'appliedUndergrad'
              ? `郑州${brand}${theme}学院`
              : isPrivate
                ? `郑州${brand}${theme}职业技术学校`
                : `郑州市${theme}职业中等专业学校`;
      if (used.has(name)) continue;
      push({
        name,
        level,
        ownership: isPrivate ? 'private' : 'public',
        enterpriseRun,
        districtCode: rng.weighted(districtWeights).code,
        focus,
      });
      left--;
    }
  }

  // Sizes: higher-level schools are larger; log-normal spread, scaled to the target total.
  const meanSize: Record<SchoolLevel, number> = { secondary: 1, higher: 2.4, vocUndergrad: 3, appliedUndergrad: 1.6 };
  const targets = allocate(
    totalStudents,
    out.map((s) => meanSize[s.level] * rng.logNormal(0, 0.45)),
  );
  for (const [i, s] of out.entries()) s.studentTarget = targets[i]!;
  return out;
}
