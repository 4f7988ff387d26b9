import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/engine.ts';
import { industryClusters } from '../platform/db/schema/index.ts';
import { auditBulkLoad } from './editions.ts';

/**
 * The plan's industry clusters (郑政办〔2023〕38号). 二 (一) 3 names the thirteen 战略支撑/新兴未来 clusters
 * for 特色专业群 and, "围绕推动黄河流域生态保护和高质量发展战略", 文化创意旅游; 二 (四) 13 names the
 * Zhengzhou specialities to take abroad: 轨道交通, 跨境电商, 中华武术. Codes are stable ASCII identifiers.
 *
 * `profiles` name the GB/T 4754-2017 小类 an enterprise of the cluster typically registers under. The
 * plan gives no such crosswalk: this is the editable demo mapping the data README asks for, used by the
 * demo generator; the loader checks every code exists in the loaded edition.
 */
export interface ClusterDef {
  code: string;
  name: string;
  article: string;
  /** GB/T 4754 小类 of the cluster, each with words for demo enterprise names (郑州XX + word + 有限公司). */
  profiles: readonly (readonly [industryClass: string, nameWords: readonly string[]])[];
}

export const CLUSTERS: readonly ClusterDef[] = [
  {
    code: 'smart_terminal',
    name: '智能终端',
    article: '二 (一) 3',
    profiles: [
      ['3922', ['智能终端', '通信设备', '电子科技']],
      ['3911', ['计算机', '电子科技']],
      ['3913', ['电子科技', '智能设备']],
      ['3921', ['通信技术', '通信设备']],
      ['3990', ['电子科技', '智能科技']],
    ],
  },
  {
    code: 'aluminium',
    name: '铝加工制品',
    article: '二 (一) 3',
    profiles: [
      ['3252', ['铝业', '铝材', '铝箔']],
      ['3216', ['铝业', '铝冶炼']],
      ['3311', ['铝结构', '钢结构']],
    ],
  },
  {
    code: 'hydrogen_fuel_cell',
    name: '氢燃料电池',
    article: '二 (一) 3',
    profiles: [
      ['3849', ['燃料电池', '氢能科技']],
      ['3670', ['氢能动力', '燃料电池系统']],
      ['7515', ['氢能源', '新能源科技']],
      ['2619', ['氢气', '工业气体']],
    ],
  },
  {
    code: 'artificial_intelligence',
    name: '人工智能',
    article: '二 (一) 3',
    profiles: [
      ['6513', ['人工智能', '智能科技', '软件']],
      ['6511', ['软件', '信息技术']],
      ['6450', ['数据科技', '大数据']],
      ['3491', ['机器人', '智能装备']],
      ['3964', ['机器人', '智能科技']],
    ],
  },
  {
    code: 'metaverse',
    name: '元宇宙',
    article: '二 (一) 3',
    profiles: [
      ['6572', ['数字娱乐', '动漫', '游戏科技']],
      ['6579', ['数字科技', '虚拟现实']],
      ['6422', ['网络科技', '互动娱乐']],
    ],
  },
  {
    code: 'automotive',
    name: '汽车制造',
    article: '二 (一) 3',
    profiles: [
      ['3670', ['汽车零部件', '汽车配件', '车桥']],
      ['3612', ['新能源汽车', '电动汽车']],
      ['3611', ['汽车', '客车']],
      ['3660', ['专用车', '汽车车身']],
      ['3620', ['动力', '发动机']],
    ],
  },
  {
    code: 'apparel_home',
    name: '服装家居',
    article: '二 (一) 3',
    profiles: [
      ['1819', ['服饰', '服装']],
      ['1811', ['运动服饰', '服装']],
      ['2110', ['家具', '家居']],
      ['2130', ['家具', '办公家具']],
      ['1771', ['家纺', '床上用品']],
    ],
  },
  {
    code: 'equipment',
    name: '装备制造',
    article: '二 (一) 3',
    profiles: [
      ['3511', ['重工', '矿山机械', '煤矿机械']],
      ['3432', ['起重机械', '重工']],
      ['3516', ['冶金设备', '重型机械']],
      ['3441', ['泵业', '流体设备']],
      ['3451', ['轴承']],
      ['3599', ['智能装备', '机械设备']],
    ],
  },
  {
    code: 'modern_food',
    name: '现代食品',
    article: '二 (一) 3',
    profiles: [
      ['1432', ['速冻食品', '食品']],
      ['1431', ['面业', '粮油食品']],
      ['1353', ['肉制品', '食品']],
      ['1441', ['乳业', '乳品']],
      ['1411', ['食品', '烘焙']],
    ],
  },
  {
    code: 'energy_environment',
    name: '节能环保',
    article: '二 (一) 3',
    profiles: [
      ['3591', ['环保设备', '环保科技']],
      ['7721', ['水务', '水处理']],
      ['7722', ['环境工程', '环保科技']],
      ['7514', ['节能科技', '能源管理']],
      ['7516', ['环保科技', '环境技术']],
    ],
  },
  {
    code: 'smart_sensor',
    name: '智能传感器',
    article: '二 (一) 3',
    profiles: [
      ['3983', ['传感器', '传感技术']],
      ['4019', ['仪器仪表', '测控技术']],
      ['4012', ['电气仪表', '仪器仪表']],
      ['4021', ['环境监测', '监测仪器']],
    ],
  },
  {
    code: 'new_materials',
    name: '新材料',
    article: '二 (一) 3',
    profiles: [
      ['3089', ['耐材', '耐火材料']],
      ['3091', ['碳素', '石墨']],
      ['3985', ['电子材料', '材料科技']],
      ['2832', ['生物材料', '新材料']],
      ['7513', ['新材料', '材料科技']],
    ],
  },
  {
    code: 'biomedicine',
    name: '生物医药',
    article: '二 (一) 3',
    profiles: [
      ['2720', ['制药', '药业']],
      ['2761', ['生物制药', '生物科技']],
      ['2740', ['中药', '药业']],
      ['2770', ['医用材料', '卫生材料']],
      ['3581', ['医疗器械', '医疗科技']],
    ],
  },
  {
    code: 'culture_tourism',
    name: '文化创意旅游',
    article: '二 (一) 3',
    profiles: [
      ['7291', ['国际旅行社', '旅游']],
      ['9051', ['文化传播', '文化活动']],
      ['8840', ['文化遗产', '文物保护']],
      ['7284', ['会展', '文化会展']],
      ['6110', ['酒店管理', '旅游饭店']],
      ['8730', ['影视文化', '影视传媒']],
    ],
  },
  {
    code: 'rail_transit',
    name: '轨道交通',
    article: '二 (四) 13',
    profiles: [
      ['3720', ['轨道交通装备', '轨道车辆']],
      ['3715', ['铁路配件', '机车配件']],
      ['3716', ['铁路器材', '轨道器材']],
      ['5412', ['轨道交通运营']],
      ['4814', ['轨道交通工程', '隧道工程']],
      ['5333', ['铁路维护', '轨道养护']],
    ],
  },
  {
    code: 'cross_border_ecommerce',
    name: '跨境电商',
    article: '二 (四) 13',
    profiles: [
      ['5193', ['跨境电子商务', '国际贸易']],
      ['5292', ['电子商务', '跨境电商']],
      ['6431', ['供应链', '产业互联网']],
      ['5821', ['国际物流', '国际货运代理']],
    ],
  },
  {
    code: 'martial_arts',
    name: '中华武术',
    article: '二 (四) 13',
    profiles: [
      ['8392', ['武术培训', '武术学校']],
      ['9052', ['武术表演', '功夫文化']],
      ['8930', ['武术健身', '体育发展']],
      ['8919', ['武术文化', '武术发展']],
    ],
  },
];

/** The cluster → GB/T 4754 class crosswalk. */
export const clusterClasses = (c: ClusterDef): string[] => c.profiles.map(([code]) => code);

export interface ClusterLoadSummary {
  kind: 'clusters';
  inserted: number;
  updated: number;
  unchanged: number;
  anomalies: string[];
}

/** Upsert the clusters (repeatable). `knownIndustryCodes`, when given, is used to check the crosswalk. */
export async function loadClusters(db: Db, knownIndustryCodes?: ReadonlySet<string>): Promise<ClusterLoadSummary> {
  const anomalies: string[] = [];
  if (knownIndustryCodes) {
    for (const c of CLUSTERS) {
      for (const code of clusterClasses(c)) {
        if (!knownIndustryCodes.has(code)) anomalies.push(`产业集群“${c.name}”对应的行业小类${code}不在已导入的行业分类中`);
      }
    }
  }
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(industryClusters)).map((r) => [r.code, r]));
    let inserted = 0;
    let updated = 0;
    for (const [i, c] of CLUSTERS.entries()) {
      const cur = existing.get(c.code);
      const row = { code: c.code, name: c.name, article: c.article, sortOrder: i + 1 };
      if (!cur) {
        await tx.insert(industryClusters).values(row);
        inserted++;
      } else if (cur.name !== row.name || cur.article !== row.article || cur.sortOrder !== row.sortOrder) {
        await tx.update(industryClusters).set(row).where(eq(industryClusters.code, c.code));
        updated++;
      }
    }
    await auditBulkLoad(tx, { action: 'catalogue.load', entityType: 'industry_clusters', entityId: 'plan', inserted, updated });
    return { kind: 'clusters' as const, inserted, updated, unchanged: CLUSTERS.length - inserted - updated, anomalies };
  });
}
