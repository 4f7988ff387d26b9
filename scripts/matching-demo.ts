/**
 * Adds the matching demo data (published internship posts with demands, talent demands, student profiles —
 * server/demo/matching.ts) to a seeded database. Run once; running again adds more posts.
 *
 *   node scripts/matching-demo.ts [--posts N] [--seeking SHARE]
 *
 * Uses DATABASE_URL, or the embedded database in DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { seedMatchingDemo } from '../server/demo/matching.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '300' }, seeking: { type: 'string', default: '0.3' } } });
const posts = Number(values.posts),
  seekingShare = Number(values.seeking);
if (!Number.isInteger(posts) || posts < 0 || !(seekingShare >= 0 && seekingShare <= 1)) {
  console.error('--posts 应为非负整数，--seeking 应在 0 到 1 之间');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  console.log(JSON.stringify(await seedMatchingDemo(database.db, { posts, seekingShare, now: new Date() })));
} finally {
  await database.close();
}
