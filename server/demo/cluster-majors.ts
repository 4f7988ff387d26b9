import { sql } from 'drizzle-orm';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';

/**
 * A demo mapping of the shipped major subset to the plan's clusters (the plan gives none; the bureau edits the
 * real one on the clusters page). The demo's 专业群 and carriers align to clusters through it, and matching
 * uses it for cluster fit. Loaded only when no link exists, so a mapping the bureau edited is never touched.
 */
export const DEMO_CLUSTER_MAJORS: Readonly<Record<string, readonly string[]>> = {
  // 高职专科 majors first, then the 中职 majors of the same fields.
  equipment: ['460101', '460102', '460103', '460301', '660301'],
  automotive: ['460702', '460301', '460102', '700206', '660301'],
  smart_terminal: ['510101', '510102', '510201', '710201', '710202'],
  smart_sensor: ['510101', '510102'],
  artificial_intelligence: ['510209', '510205', '510203', '510206'],
  metaverse: ['510204', '510208'],
  biomedicine: ['520301', '520201', '720201'],
  cross_border_ecommerce: ['530701', '530702', '530802', '730701', '730801', '730301'],
  culture_tourism: ['540101', '540102', '740101'],
};

export async function ensureDemoClusterMajors(db: Db | Tx): Promise<void> {
  const [{ n: links } = { n: 0 }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from cluster_majors`);
  if (links > 0) return;
  await db.execute(
    sql`insert into cluster_majors (cluster_code, major_code) values ${sql.join(
      Object.entries(DEMO_CLUSTER_MAJORS).flatMap(([c, ms]) => ms.map((m) => sql`(${c}, ${m})`)),
      sql`, `,
    )} on conflict do nothing`,
  );
}
