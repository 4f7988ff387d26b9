import { USCC_CHARSET, makeUscc } from '../../core/codes/index.ts';
import type { ClusterDef } from '../catalogues/index.ts';
import { isCountyCode } from './people.ts';
import type { Rng } from './prng.ts';
import type { DemoEnterprise, RefDistrict } from './types.ts';

/**
 * Demo enterprises: names in the pattern 郑州XX智能科技有限公司 from word lists per industry cluster, a valid
 * 统一社会信用代码 (GB 32100: 91 = 工商/企业, the district's division code, a random organisation-code body),
 * a size class, a GB/T 4754 class that fits the cluster, staff and payroll.
 */

const BRANDS_A = [
  '华',
  '中',
  '豫',
  '郑',
  '嵩',
  '黄',
  '金',
  '宇',
  '鼎',
  '博',
  '恒',
  '瑞',
  '天',
  '新',
  '汇',
  '通',
  '正',
  '康',
  '晨',
  '明',
  '锦',
  '创',
  '源',
  '航',
  '腾',
  '盛',
  '德',
  '信',
  '安',
  '润',
];
const BRANDS_B = [
  '达',
  '兴',
  '泰',
  '通',
  '源',
  '科',
  '联',
  '诚',
  '远',
  '宏',
  '发',
  '坤',
  '邦',
  '力',
  '森',
  '峰',
  '普',
  '凯',
  '众',
  '驰',
  '翔',
  '昌',
  '瑞',
  '丰',
  '智',
  '图',
  '辰',
  '拓',
  '航',
  '元',
];

/** Enterprises outside the plan's clusters: building, catering, warehousing and transport, common in Zhengzhou. */
const OTHER_INDUSTRY: readonly (readonly [string, string])[] = [
  ['4710', '建设工程'],
  ['6210', '餐饮管理'],
  ['5920', '仓储服务'],
  ['5810', '多式联运'],
  ['5434', '物流'],
  ['5821', '货运代理'],
];

/** Where clusters concentrate (by district slug): the airport zone's terminals, the economic zone's cars, … */
export const AFFINITY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  smart_terminal: { hangkonggang: 5, gaoxin: 2 },
  automotive: { jingkai: 5, zhongmu: 3 },
  aluminium: { shangjie: 5, gongyi: 4, xingyang: 2 },
  new_materials: { gongyi: 4, xinmi: 4, dengfeng: 2 },
  martial_arts: { dengfeng: 8 },
  culture_tourism: { dengfeng: 3, jinshui: 2, zhengdong: 2 },
  artificial_intelligence: { gaoxin: 4, zhengdong: 3, jinshui: 2 },
  metaverse: { gaoxin: 3, zhengdong: 3 },
  cross_border_ecommerce: { hangkonggang: 4, jingkai: 3 },
  rail_transit: { jingkai: 3, erqi: 3, zhongyuan: 2 },
  equipment: { jingkai: 3, shangjie: 2, xingyang: 2 },
  modern_food: { huiji: 3, xingyang: 2, zhongmu: 2 },
  biomedicine: { gaoxin: 3, hangkonggang: 2 },
  smart_sensor: { gaoxin: 5 },
};

/** How many enterprises a cluster gets relative to the others. */
const CLUSTER_WEIGHT: Readonly<Record<string, number>> = {
  equipment: 14,
  automotive: 9,
  smart_terminal: 8,
  modern_food: 9,
  cross_border_ecommerce: 8,
  new_materials: 7,
  artificial_intelligence: 7,
  energy_environment: 6,
  biomedicine: 6,
  culture_tourism: 6,
  apparel_home: 6,
  aluminium: 5,
  rail_transit: 4,
  smart_sensor: 4,
  metaverse: 3,
  hydrogen_fuel_cell: 2,
  martial_arts: 2,
};

const SIZE_DIST = [
  ['large', 2],
  ['medium', 10],
  ['small', 38],
  ['micro', 50],
] as const;

/** Staff ranges per size class (roughly the 工业 thresholds of 统计上大中小微型企业划分办法). */
function staffFor(rng: Rng, size: DemoEnterprise['size']): number {
  const draw = (lo: number, hi: number, mu: number, sigma: number) => Math.min(hi, Math.max(lo, Math.round(rng.logNormal(mu, sigma))));
  switch (size) {
    case 'large':
      return draw(1000, 60000, Math.log(2200), 0.7);
    case 'medium':
      return draw(300, 999, Math.log(500), 0.35);
    case 'small':
      return draw(20, 299, Math.log(70), 0.6);
    case 'micro':
      return draw(2, 19, Math.log(8), 0.5);
  }
}

const INTEGRATION: Readonly<Record<DemoEnterprise['size'], readonly (readonly [DemoEnterprise['integrationStatus'], number])[]>> = {
  large: [
    ['none', 30],
    ['reserve', 25],
    ['applied', 15],
    ['certified_city', 18],
    ['certified_province', 9],
    ['certified_nation', 3],
  ],
  medium: [
    ['none', 70],
    ['reserve', 14],
    ['applied', 6],
    ['certified_city', 8],
    ['certified_province', 2],
  ],
  small: [
    ['none', 93],
    ['reserve', 5],
    ['applied', 1.2],
    ['certified_city', 0.8],
  ],
  micro: [
    ['none', 99],
    ['reserve', 1],
  ],
};

function orgBody(rng: Rng): string {
  // Codes issued since 2015 typically start with MA; older ones are all digits. No I, O, Z, S, V (USCC charset).
  if (rng.chance(0.6)) {
    let s = 'MA';
    for (let i = 0; i < 6; i++) s += USCC_CHARSET[rng.int(0, USCC_CHARSET.length - 1)]!;
    return s;
  }
  return rng.digits(8);
}

export function generateEnterprises(
  rng: Rng,
  n: number,
  districts: readonly RefDistrict[],
  clusters: readonly ClusterDef[],
  industryClasses: ReadonlySet<string>,
): DemoEnterprise[] {
  const usable = clusters
    .map((c) => ({ c, profiles: c.profiles.filter(([k]) => industryClasses.has(k)) }))
    .filter((x) => x.profiles.length > 0);
  const clusterPick = [...usable.map((x) => [x, CLUSTER_WEIGHT[x.c.code] ?? 3] as const), [null, 30] as const];
  const others = OTHER_INDUSTRY.filter(([code]) => industryClasses.has(code));
  const names = new Set<string>();
  const usccs = new Set<string>();
  const out: DemoEnterprise[] = [];
  while (out.length < n) {
    let chosen = rng.weighted(clusterPick);
    if (!chosen && others.length === 0) chosen = usable[0] ?? null;
    let industryCode: string;
    let word: string;
    if (chosen) {
      const [code, words] = rng.pick(chosen.profiles);
      industryCode = code;
      word = rng.pick(words);
    } else [industryCode, word] = rng.pick(others);
    const affinity = chosen ? (AFFINITY[chosen.c.code] ?? {}) : {};
    const district = rng.weighted(districts.map((d) => [d, (affinity[d.slug] ?? 1) * (/县|市$/.test(d.name) ? 0.6 : 1)] as const));
    const size = rng.weighted(SIZE_DIST);
    const place = rng.chance(0.82) ? '郑州' : '河南';
    let name = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      const brand = rng.pick(BRANDS_A) + rng.pick(BRANDS_B);
      const form = size === 'large' ? rng.pick(['股份有限公司', '集团有限公司', '有限公司']) : '有限公司';
      const candidate = `${place}${brand}${word}${form}`;
      if (!names.has(candidate)) {
        name = candidate;
        break;
      }
    }
    if (!name) continue;
    // Registered with the district's market regulator; in the zones (no administrative division code) with the city's.
    const division = isCountyCode(district.code) ? district.code : '410100';
    let uscc: string;
    do uscc = makeUscc('91', division, orgBody(rng));
    while (usccs.has(uscc));
    names.add(name);
    usccs.add(uscc);
    const staffCount = staffFor(rng, size);
    // Average wage per head a year, yuan (Zhengzhou urban non-private units are around 80–100k).
    const wage = Math.round(rng.logNormal(Math.log(size === 'micro' ? 52000 : size === 'small' ? 62000 : 82000), 0.2) / 100) * 100;
    out.push({
      index: out.length,
      uscc,
      name,
      districtCode: district.code,
      size,
      industryCode,
      clusterCode: chosen ? chosen.c.code : null,
      staffCount,
      payrollYuan: staffCount * wage,
      // 规模以上: annual revenue ≥ 20 million yuan, approximated from the size class.
      aboveDesignatedSize: size === 'large' || size === 'medium' || (size === 'small' && rng.chance(0.35)),
      integrationStatus: rng.weighted(INTEGRATION[size]),
    });
  }
  return out;
}
