/**
 * Rebuild the search index by hand (the bureau can also start job `search.reindex` from the API).
 *
 *   node scripts/search-reindex.ts [--types school,program,major,enterprise,carrier]
 *
 * Uses DATABASE_URL, or the embedded database in DATA_DIR. Run it after loading a new catalogue edition
 * (the segmentation dictionary is built from the catalogues) or any bulk change made outside the app.
 */
import { parseArgs } from 'node:util';
import { SEARCH_ENTITY_TYPES, type SearchEntityType } from '../contracts/search.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { reindexAll } from '../server/search/search-index.ts';

const { values } = parseArgs({ options: { types: { type: 'string' } } });
const types = values.types
  ?.split(',')
  .map((t) => t.trim())
  .filter(Boolean);
const unknown = types?.filter((t) => !(SEARCH_ENTITY_TYPES as readonly string[]).includes(t)) ?? [];
if (unknown.length) {
  console.error(`未知的类型：${unknown.join('、')}（可选 ${SEARCH_ENTITY_TYPES.join('、')}）`);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const started = performance.now();
try {
  await reindexAll(database.db, {
    types: types as SearchEntityType[] | undefined,
    onProgress: (p) => console.log(`[${p.done}/${p.total}] ${p.type}: ${p.documents} 条`),
  });
  console.log(`搜索索引已重建，用时 ${Math.round(performance.now() - started)} 毫秒`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await database.close();
}
