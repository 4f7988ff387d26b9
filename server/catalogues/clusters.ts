import { eq } from 'drizzle-orm';
import type { Db } from '../db/engine.ts';
import { industryClusters } from '../db/schema/index.ts';

/**
 * The plan's industry clusters (郑政办〔2023〕38号). 二 (一) 3 names the thirteen 战略支撑/新兴未来 clusters
 * for 特色专业群 and, "围绕推动黄河流域生态保护和高质量发展战略", 文化创意旅游; 二 (四) 13 names the
 * Zhengzhou specialities to take abroad: 轨道交通, 跨境电商, 中华武术. Codes are stable ASCII identifiers.
 *
 * `industryClasses` are the GB/T 4754-2017 小类 an enterprise of the cluster typically registers under. The
 * plan gives no such crosswalk: this is the editable demo mapping the data README asks for, used by the
 * demo generator; the loader checks every code exists in the loaded edition.
 */
export interface ClusterDef {
  code: string;
  name: string;
  article: string;
  industryClasses: readonly string[];
  /** Words for demo enterprise names (…智能科技有限公司). */
  nameWords: readonly string[];
}

export const CLUSTERS: readonly ClusterDef[] = [
  { code: 'smart_terminal', name: '智能终端', article: '二 (一) 3', industryClasses: ['3922', '3911', '3913', '3921', '3990'], nameWords: ['智能终端', '电子科技', '通信设备', '智能科技'] },
  { code: 'aluminium', name: '铝加工制品', article: '二 (一) 3', industryClasses: ['3252', '3216', '3311'], nameWords: ['铝业', '铝材', '铝制品', '新型铝材'] },
  { code: 'hydrogen_fuel_cell', name: '氢燃料电池', article: '二 (一) 3', industryClasses: ['3849', '3670', '7515', '2619'], nameWords: ['氢能科技', '燃料电池', '新能源科技', '氢能源'] },
  { code: 'artificial_intelligence', name: '人工智能', article: '二 (一) 3', industryClasses: ['6513', '6511', '6450', '3491', '3964'], nameWords: ['人工智能', '智能科技', '数据科技', '机器人'] },
  { code: 'metaverse', name: '元宇宙', article: '二 (一) 3', industryClasses: ['6572', '6579', '6422'], nameWords: ['数字科技', '虚拟现实', '互动娱乐', '数字文化'] },
  { code: 'automotive', name: '汽车制造', article: '二 (一) 3', industryClasses: ['3670', '3612', '3611', '3660', '3620'], nameWords: ['汽车零部件', '汽车', '新能源汽车', '车辆'] },
  { code: 'apparel_home', name: '服装家居', article: '二 (一) 3', industryClasses: ['1819', '1811', '2110', '2130', '1771'], nameWords: ['服饰', '家居', '服装', '家具'] },
  { code: 'equipment', name: '装备制造', article: '二 (一) 3', industryClasses: ['3511', '3432', '3516', '3441', '3451', '3599'], nameWords: ['重工', '机械', '装备', '智能装备'] },
  { code: 'modern_food', name: '现代食品', article: '二 (一) 3', industryClasses: ['1432', '1431', '1353', '1441', '1411'], nameWords: ['食品', '速冻食品', '粮油食品', '乳业'] },
  { code: 'energy_environment', name: '节能环保', article: '二 (一) 3', industryClasses: ['3591', '7721', '7722', '7514', '7516'], nameWords: ['环保科技', '节能科技', '环境工程', '水务'] },
  { code: 'smart_sensor', name: '智能传感器', article: '二 (一) 3', industryClasses: ['3983', '4019', '4012', '4021'], nameWords: ['传感技术', '传感器', '仪器仪表', '智能传感'] },
  { code: 'new_materials', name: '新材料', article: '二 (一) 3', industryClasses: ['3089', '3091', '3985', '2832', '7513'], nameWords: ['新材料', '耐材', '碳素', '材料科技'] },
  { code: 'biomedicine', name: '生物医药', article: '二 (一) 3', industryClasses: ['2720', '2761', '2740', '2770', '3581'], nameWords: ['生物医药', '制药', '医疗器械', '生物科技'] },
  { code: 'culture_tourism', name: '文化创意旅游', article: '二 (一) 3', industryClasses: ['7291', '9051', '8840', '7284', '6110', '8730'], nameWords: ['文化旅游', '文化传媒', '文旅发展', '创意设计'] },
  { code: 'rail_transit', name: '轨道交通', article: '二 (四) 13', industryClasses: ['3720', '3715', '3716', '5412', '4814', '5333'], nameWords: ['轨道交通', '轨道装备', '铁路器材', '轨道工程'] },
  { code: 'cross_border_ecommerce', name: '跨境电商', article: '二 (四) 13', industryClasses: ['5193', '5292', '6431', '5821'], nameWords: ['跨境电子商务', '国际贸易', '供应链', '电子商务'] },
  { code: 'martial_arts', name: '中华武术', article: '二 (四) 13', industryClasses: ['8392', '9052', '8930', '8919'], nameWords: ['武术文化', '武术培训', '功夫文化', '体育发展'] },
];

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
      for (const code of c.industryClasses) {
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
      if (!cur) { await tx.insert(industryClusters).values(row); inserted++; }
      else if (cur.name !== row.name || cur.article !== row.article || cur.sortOrder !== row.sortOrder) {
        await tx.update(industryClusters).set(row).where(eq(industryClusters.code, c.code));
        updated++;
      }
    }
    return { kind: 'clusters' as const, inserted, updated, unchanged: CLUSTERS.length - inserted - updated, anomalies };
  });
}
