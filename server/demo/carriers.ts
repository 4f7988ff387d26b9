import { CARRIER_KINDS, type CarrierKind, type CarrierLevel, type CarrierStatus } from '../../core/registry/carrier-kinds.ts';
import type { ClusterDef } from '../catalogues/index.ts';
import { allocate } from './allocate.ts';
import { DEMO_CLUSTER_MAJORS } from './cluster-majors.ts';
import { AFFINITY } from './enterprises.ts';
import { DEMO_CARRIERS, DEMO_ENTITY_GROUPS, DEMO_PROVINCIAL_INNOVATION, atScale } from './progress.ts';
import type { Rng } from './prng.ts';
import type { DemoCarrier, DemoEnterprise, DemoOrgRef, DemoSchool, RefDistrict, ScaleParams } from './types.ts';

/**
 * The plan's carriers in the demo city, in the numbers of progress.ts: each with a lead of the kind the carrier
 * implies (a school leads an industry college, an enterprise a practice centre, a district a consortium …),
 * partners from the generated schools and enterprises of its cluster, a level, dates and, once certified, the
 * certifying body. Names are built from the lead's name, the cluster's and the district's, as the city names them.
 */

type School = DemoSchool & { focus: readonly string[] };

/** Clusters a school's name points to (郑州铁路职业技术学院 → 轨道交通), besides those of its 专业大类. */
const NAME_HINTS: readonly (readonly [RegExp, string])[] = [
  [/铁路|轨道/, 'rail_transit'],
  [/武术/, 'martial_arts'],
  [/旅游|商贸/, 'culture_tourism'],
  [/汽车|交通/, 'automotive'],
  [/电力|新能源/, 'energy_environment'],
  [/食品|农业/, 'modern_food'],
  [/医|卫生|护理/, 'biomedicine'],
  [/机电|智能制造|科技工业/, 'equipment'],
  [/信息|软件|数字|电子/, 'artificial_intelligence'],
  [/建筑|建设/, 'new_materials'],
  [/财贸|经贸|商务|物流/, 'cross_border_ecommerce'],
];

/** 专业大类 → clusters, from the demo cluster ↔ major mapping. */
const DIVISION_CLUSTERS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [cluster, codes] of Object.entries(DEMO_CLUSTER_MAJORS)) {
    for (const code of codes) {
      const list = m.get(code.slice(0, 2)) ?? [];
      if (!list.includes(cluster)) list.push(cluster);
      m.set(code.slice(0, 2), list);
    }
  }
  return m;
})();

/** Partner countries of Zhengzhou's vocational schools (二 (四) 13: 一带一路 countries), with the short form of 中X合作. */
const COUNTRIES: readonly (readonly [string, string])[] = [
  ['泰国', '泰'],
  ['俄罗斯', '俄'],
  ['哈萨克斯坦', '哈'],
  ['巴基斯坦', '巴'],
  ['埃及', '埃'],
  ['马来西亚', '马'],
  ['老挝', '老'],
  ['柬埔寨', '柬'],
  ['肯尼亚', '肯'],
  ['乌兹别克斯坦', '乌'],
  ['印度尼西亚', '印尼'],
  ['吉尔吉斯斯坦', '吉'],
  ['赞比亚', '赞'],
];

const CERTIFYING_BODY: Record<CarrierLevel, string> = { city: '郑州市教育局', province: '河南省教育厅', national: '教育部' };

/** Levels a kind is built at, weighted (innovation centres: city and province only, carrier-rules.ts). */
const LEVELS: Record<CarrierKind, readonly (readonly [CarrierLevel, number])[]> = {
  trainingBase: [
    ['city', 3],
    ['province', 1],
  ],
  practiceCenter: [
    ['city', 4],
    ['province', 1],
  ],
  industryCollege: [
    ['city', 3],
    ['province', 1],
  ],
  educationGroup: [
    ['city', 3],
    ['province', 1],
  ],
  consortium: [
    ['city', 1],
    ['province', 1],
  ],
  community: [
    ['province', 2],
    ['national', 1],
  ],
  innovationCenter: [
    ['city', 3],
    ['province', 1],
  ],
  internationalProject: [
    ['city', 2],
    ['province', 1],
  ],
  lubanWorkshop: [
    ['province', 2],
    ['national', 1],
  ],
  experienceCenter: [['city', 1]],
};

/** 金水区 → 郑州市金水区; the zones carry 郑州 already, and county-level 登封市 or 中牟县 go by their own name. */
const placeName = (d: RefDistrict) => (d.name.startsWith('郑州') || /[县市]$/.test(d.name) ? d.name : `郑州市${d.name}`);

interface Ctx {
  rng: Rng;
  schools: readonly School[];
  enterprises: readonly DemoEnterprise[];
  districts: readonly RefDistrict[];
  clusterName: ReadonlyMap<string, string>;
  /** Per school: the clusters its name points to, and all it serves (name and 专业大类). */
  schoolClusters: readonly { named: readonly string[]; all: readonly string[] }[];
  /** The academic year in progress: dates stay before its September. */
  year: number;
}

/** What one carrier is before its dates and status: lead, partners, cluster, name. */
interface Draft {
  lead: DemoOrgRef;
  partners: DemoOrgRef[];
  districtCode: string;
  clusterCode: string;
  name: string;
  country?: string;
}

const schoolRef = (s: School): DemoOrgRef => ({ kind: 'school', index: s.index });
const enterpriseRef = (e: DemoEnterprise): DemoOrgRef => ({ kind: 'enterprise', index: e.index });
const isHigher = (s: School) => s.level !== 'secondary';

function pickSchool(c: Ctx, filter: (s: School) => boolean): School {
  const pool = c.schools.filter(filter);
  return c.rng.pick(pool.length ? pool : c.schools);
}

/** Weighted towards the large and the certified: they lead carriers and take students. */
function enterpriseWeight(e: DemoEnterprise): number {
  const size = { large: 20, medium: 6, small: 1, micro: 0.1 }[e.size];
  return size * (e.integrationStatus.startsWith('certified') ? 3 : 1);
}

function pickEnterprises(c: Ctx, cluster: string, n: number, exclude: ReadonlySet<number> = new Set()): DemoEnterprise[] {
  let pool = c.enterprises.filter((e) => e.clusterCode === cluster && !exclude.has(e.index) && e.size !== 'micro');
  if (pool.length === 0) pool = c.enterprises.filter((e) => !exclude.has(e.index) && e.size !== 'micro');
  const out: DemoEnterprise[] = [];
  const weighted = pool.map((e) => [e, enterpriseWeight(e)] as [DemoEnterprise, number]);
  while (out.length < n && weighted.length) {
    const e = c.rng.weighted(weighted);
    out.push(e);
    weighted.splice(
      weighted.findIndex(([x]) => x === e),
      1,
    );
  }
  return out;
}

function pickPartnerSchools(c: Ctx, cluster: string, n: number, exclude: number | null): School[] {
  const pool = c.schools
    .filter((s) => s.index !== exclude)
    .map((s) => [s, c.schoolClusters[s.index]!.all.includes(cluster) ? 4 : 1] as [School, number]);
  const out: School[] = [];
  while (out.length < n && pool.length) {
    const s = c.rng.weighted(pool);
    out.push(s);
    pool.splice(
      pool.findIndex(([x]) => x === s),
      1,
    );
  }
  return out;
}

function schoolCluster(c: Ctx, s: School): string {
  const own = c.schoolClusters[s.index]!;
  if (own.named.length && c.rng.chance(0.6)) return c.rng.pick(own.named);
  return own.all.length ? c.rng.pick(own.all) : c.rng.pick([...c.clusterName.keys()]);
}

/** A school-led carrier of the school's cluster with enterprise partners. */
function schoolLed(
  c: Ctx,
  filter: (s: School) => boolean,
  partners: [number, number],
  name: (school: string, cluster: string) => string,
): Draft {
  const s = pickSchool(c, filter);
  const cluster = schoolCluster(c, s);
  return {
    lead: schoolRef(s),
    districtCode: s.districtCode,
    clusterCode: cluster,
    name: name(s.name, c.clusterName.get(cluster)!),
    partners: pickEnterprises(c, cluster, c.rng.int(...partners)).map(enterpriseRef),
  };
}

/** An enterprise-led carrier of the enterprise's cluster with school partners. */
function enterpriseLed(c: Ctx, partners: [number, number], name: (enterprise: string, cluster: string) => string): Draft {
  const [e] = pickEnterprises(c, c.rng.pick([...c.clusterName.keys()]), 1);
  const cluster = e!.clusterCode ?? c.rng.pick([...c.clusterName.keys()]);
  return {
    lead: enterpriseRef(e!),
    districtCode: e!.districtCode,
    clusterCode: cluster,
    name: name(e!.name, c.clusterName.get(cluster)!),
    partners: pickPartnerSchools(c, cluster, c.rng.int(...partners), null).map(schoolRef),
  };
}

/** Schools and enterprises of a cluster: the members of a group, consortium or community. */
function members(c: Ctx, cluster: string, schools: [number, number], enterprises: [number, number], lead: DemoOrgRef): DemoOrgRef[] {
  const leadSchool = lead.kind === 'school' ? lead.index : null;
  const leadEnterprise = new Set(lead.kind === 'enterprise' ? [lead.index] : []);
  return [
    ...pickPartnerSchools(c, cluster, c.rng.int(...schools), leadSchool).map(schoolRef),
    ...pickEnterprises(c, cluster, c.rng.int(...enterprises), leadEnterprise).map(enterpriseRef),
  ];
}

function draft(c: Ctx, kind: CarrierKind): Draft {
  const { rng } = c;
  switch (kind) {
    case 'trainingBase':
      return rng.chance(0.7)
        ? schoolLed(
            c,
            () => true,
            [1, 3],
            (s, cl) => `${s}${cl}产教融合实训基地`,
          )
        : enterpriseLed(c, [1, 2], (e) => `${e}产教融合实训基地`);
    case 'practiceCenter':
      return rng.chance(0.8)
        ? enterpriseLed(c, [1, 3], (e) => `${e}产教融合实践中心`)
        : schoolLed(c, isHigher, [1, 3], (s, cl) => `${s}${cl}产教融合实践中心`);
    case 'industryCollege':
      return schoolLed(c, isHigher, [1, 3], (s, cl) => `${s}${cl}产业学院`);
    case 'innovationCenter':
      return schoolLed(c, isHigher, [1, 3], (s, cl) => `${s}${cl}${rng.pick(['协同创新中心', '工程技术研究中心'])}`);
    case 'educationGroup': {
      const s = pickSchool(c, isHigher);
      const cluster = schoolCluster(c, s);
      const cl = c.clusterName.get(cluster)!;
      const district = c.districts.find((d) => d.code === s.districtCode)!;
      const name = rng.pick([`郑州${cl}职业教育集团`, `郑州${cl}产教融合联盟`, `${placeName(district)}${cl}职业教育集团`]);
      return {
        lead: schoolRef(s),
        districtCode: s.districtCode,
        clusterCode: cluster,
        name,
        partners: members(c, cluster, [2, 4], [3, 6], schoolRef(s)),
      };
    }
    case 'consortium': {
      // Built on an industrial park: a cluster that concentrates somewhere, led by a district (or zone) where it does.
      const cluster = rng.pick(Object.keys(AFFINITY).filter((code) => c.clusterName.has(code)));
      const affinity = AFFINITY[cluster]!;
      const parks = c.districts.filter((d) => affinity[d.slug]);
      const district = parks.length ? rng.weighted(parks.map((d) => [d, affinity[d.slug]!] as const)) : rng.pick(c.districts);
      const lead: DemoOrgRef = { kind: 'district', code: district.code };
      return {
        lead,
        districtCode: district.code,
        clusterCode: cluster,
        name: `${placeName(district)}${c.clusterName.get(cluster)!}市域产教联合体`,
        partners: members(c, cluster, [2, 4], [4, 8], lead),
      };
    }
    case 'community': {
      // 行业产教融合共同体: a leading enterprise of the cluster with schools and its supply chain.
      const [e] = pickEnterprises(c, rng.pick([...c.clusterName.keys()]), 1);
      const cluster = e!.clusterCode ?? rng.pick([...c.clusterName.keys()]);
      const cl = c.clusterName.get(cluster)!;
      const brand = e!.name.replace(/(股份|集团)?有限公司$/, '');
      const name = rng.chance(0.5) ? `郑州${cl}行业产教融合共同体` : `${brand}${brand.includes(cl) ? '' : cl}产教融合共同体`;
      return {
        lead: enterpriseRef(e!),
        districtCode: e!.districtCode,
        clusterCode: cluster,
        name,
        partners: members(c, cluster, [2, 4], [2, 4], enterpriseRef(e!)),
      };
    }
    case 'internationalProject': {
      const [country, short] = rng.pick(COUNTRIES);
      const d = schoolLed(c, isHigher, [0, 1], (s, cl) => `${s}中${short}${cl}合作办学项目`);
      return { ...d, country };
    }
    case 'lubanWorkshop': {
      const [country] = rng.pick(COUNTRIES);
      const d = schoolLed(c, isHigher, [1, 1], (s) => `${s}${country}鲁班工坊`);
      return { ...d, country };
    }
    case 'experienceCenter':
      // Open to primary and middle schools: mostly at secondary vocational schools, some at enterprises.
      return rng.chance(0.75)
        ? schoolLed(
            c,
            (s) => s.level === 'secondary',
            [0, 1],
            (s, cl) => `${s}${cl}职业体验中心`,
          )
        : enterpriseLed(c, [1, 1], (e) => `${e}职业体验中心`);
  }
}

/** A date in `year` (before September in the academic year in progress, so that it is never in the future). */
function dateIn(c: Ctx, year: number): string {
  const month = c.rng.int(1, year >= c.year ? 8 : 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(c.rng.int(1, 28)).padStart(2, '0')}`;
}

function dates(c: Ctx, status: CarrierStatus): Pick<DemoCarrier, 'startDate' | 'endDate' | 'certifiedAt'> {
  const y = c.year;
  switch (status) {
    case 'planned':
      return { startDate: null, endDate: null, certifiedAt: null };
    case 'building':
      return { startDate: dateIn(c, c.rng.int(y - 1, y)), endDate: null, certifiedAt: null };
    case 'operating':
      return { startDate: dateIn(c, c.rng.int(y - 6, y - 1)), endDate: null, certifiedAt: null };
    case 'certified': {
      // Certified in a later year than it started: most under the plan (issued 2023-10), a few before it.
      const start = c.rng.int(y - 6, y - 1);
      return { startDate: dateIn(c, start), endDate: null, certifiedAt: dateIn(c, c.rng.int(start + 1, y)) };
    }
    case 'closed': {
      const start = c.rng.int(y - 8, y - 5);
      return { startDate: dateIn(c, start), endDate: dateIn(c, c.rng.int(start + 2, y - 1)), certifiedAt: null };
    }
  }
}

export function generateCarriers(
  rng: Rng,
  scale: ScaleParams,
  input: {
    schools: readonly School[];
    enterprises: readonly DemoEnterprise[];
    districts: readonly RefDistrict[];
    clusters: readonly ClusterDef[];
    year: number;
  },
): DemoCarrier[] {
  const clusterName = new Map(input.clusters.map((cl) => [cl.code, cl.name]));
  const schoolClusters = input.schools.map((s) => {
    const fromName = NAME_HINTS.filter(([re]) => re.test(s.name)).map(([, code]) => code);
    const fromFocus = s.focus.flatMap((d) => DIVISION_CLUSTERS.get(d) ?? []);
    return {
      named: fromName.filter((code) => clusterName.has(code)),
      all: [...new Set([...fromName, ...fromFocus])].filter((code) => clusterName.has(code)),
    };
  });
  const c: Ctx = {
    rng,
    schools: input.schools,
    enterprises: input.enterprises,
    districts: input.districts,
    clusterName,
    schoolClusters,
    year: input.year,
  };
  const names = new Set<string>();
  const out: DemoCarrier[] = [];
  for (const kind of CARRIER_KINDS) {
    for (const [status, demoCount] of Object.entries(DEMO_CARRIERS[kind]) as [CarrierStatus, number][]) {
      const n = atScale(demoCount, scale);
      // Levels by allocation, so that the counted ones (certified province-level centres …) come out exact.
      const levels =
        kind === 'innovationCenter' && status === 'certified'
          ? ([
              ...Array(Math.min(n, atScale(DEMO_PROVINCIAL_INNOVATION, scale))).fill('province'),
              ...Array(Math.max(0, n - atScale(DEMO_PROVINCIAL_INNOVATION, scale))).fill('city'),
            ] as CarrierLevel[])
          : rng.shuffle(
              LEVELS[kind].flatMap(([level], i) =>
                Array<CarrierLevel>(
                  allocate(
                    n,
                    LEVELS[kind].map(([, w]) => w),
                  )[i]!,
                ).fill(level),
              ),
            );
      for (let k = 0; k < n; k++) {
        let d: Draft | null = null;
        for (let attempt = 0; attempt < 200 && !d; attempt++) {
          const candidate = draft(c, kind);
          if (!names.has(candidate.name)) d = candidate;
        }
        if (!d) throw new Error(`演示数据：无法为${kind}生成不重名的载体名称`);
        names.add(d.name);
        const level = levels[k]!;
        const certified = status === 'certified';
        out.push({
          index: out.length,
          kind,
          name: d.name,
          level,
          status,
          lead: d.lead,
          partners: d.partners,
          districtCode: d.districtCode,
          clusterCode: d.clusterCode,
          legalPerson: null,
          country: d.country ?? null,
          ...dates(c, status),
          certifyingBody: certified ? CERTIFYING_BODY[level] : null,
        });
      }
    }
  }
  // 实体化职教集团: the first of the working education groups have their own legal personality.
  let entities = atScale(DEMO_ENTITY_GROUPS, scale);
  for (const g of out.filter((x) => x.kind === 'educationGroup')) {
    const working = g.status === 'operating' || g.status === 'certified';
    g.legalPerson = working && entities > 0;
    if (g.legalPerson) entities--;
  }
  return out;
}
