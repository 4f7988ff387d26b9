import { sql } from 'drizzle-orm';
import type { Dictionary } from '../../core/search/dictionary.ts';
import { buildPlatformDictionary } from '../../core/search/tokenize.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS } from '../../core/registry/carrier-kinds.ts';
import { CLUSTERS } from '../catalogues/index.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';

/**
 * The platform's segmentation dictionary, built from the loaded catalogues: major names (with their 专业类 and
 * 专业大类), GB/T 4754 names, the plan's clusters and the words of their enterprise profiles, the carrier kinds and
 * levels, and the district names (with and without 区/县/市). Built once per catalogue state and cached; a cheap signature query tells
 * when the catalogues changed (a new edition, new clusters or districts), after which the index should be
 * rebuilt (job `search.reindex`) so that documents and queries segment alike again.
 */
const cache = new Map<string, Dictionary>();

export async function searchDictionary(db: Db | Tx): Promise<Dictionary> {
  const [sig] = await rows<{ sig: string }>(
    db,
    sql`select concat_ws(':',
      (select count(*) from majors), (select count(*) from industries), (select count(*) from industry_clusters),
      (select count(*) from organisations where kind = 'district'),
      (select max(loaded_at)::text from catalogue_editions)) as sig`,
  );
  const key = sig!.sig;
  const hit = cache.get(key);
  if (hit) return hit;
  const dict = await buildFromCatalogues(db);
  if (cache.size > 8) cache.clear();
  cache.set(key, dict);
  return dict;
}

async function buildFromCatalogues(db: Db | Tx): Promise<Dictionary> {
  const majorRows = await rows<{ name: string; category_name: string; division_name: string }>(
    db,
    sql`select distinct name, category_name, division_name from majors`,
  );
  const industryRows = await rows<{ name: string }>(db, sql`select distinct name from industries`);
  const clusterRows = await rows<{ name: string }>(db, sql`select name from industry_clusters`);
  const districtRows = await rows<{ name: string }>(db, sql`select name from organisations where kind = 'district'`);
  const districtNames = districtRows.flatMap((d) => {
    const short = d.name.replace(/(区|县|市)$/, '');
    return [...short].length >= 2 ? [d.name, short] : [d.name];
  });
  return buildPlatformDictionary([
    { names: majorRows.map((m) => m.name), freq: 2000 },
    { names: majorRows.flatMap((m) => [m.category_name, m.division_name]) },
    { names: industryRows.map((r) => r.name) },
    { names: clusterRows.map((r) => r.name), freq: 2000 },
    { names: CLUSTERS.flatMap((c) => c.profiles.flatMap(([, words]) => words)) },
    { names: districtNames, freq: 2000 },
    { names: [...Object.values(CARRIER_KIND_LABELS), ...Object.values(CARRIER_LEVEL_LABELS)], freq: 2000 },
  ]);
}
