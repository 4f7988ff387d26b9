/**
 * Load the demo data set by hand (npm start does it on an empty database by itself).
 *
 *   node scripts/demo.ts [--scale demo|city|tiny] [--seed N] [--reset] [--logins FILE]
 *
 * --reset first removes the existing demo data (only in a database whose name — or PGlite data folder —
 * contains "test" or "demo"; non-demo rows are never touched), and only while the demo has no internships, demands,
 * student profiles or credit-bank records — those need a new database. Without --reset, a database that already
 * holds demo data is left alone. Uses DATABASE_URL, or the embedded database in DATA_DIR.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../server/bootstrap.ts';
import { formatSummary, loadReferenceData } from '../server/catalogues/load.ts';
import { loadConfig } from '../server/platform/config.ts';
import { rows } from '../server/platform/db/engine.ts';
import { DEFAULT_SEED } from '../server/demo/generate.ts';
import { resetDemo } from '../server/demo/reset.ts';
import { demoLogins, seedDemo } from '../server/demo/seed.ts';
import type { DemoScale } from '../server/demo/types.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
    reset: { type: 'boolean', default: false },
    logins: { type: 'string' },
  },
});
const scale = values.scale as DemoScale;
if (!['demo', 'city', 'tiny'].includes(scale)) {
  console.error(`--scale 应为 demo、city 或 tiny，收到“${values.scale}”`);
  process.exit(2);
}

const config = loadConfig();
const services = await bootstrap(config);
const { db } = services.database;
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
try {
  if (values.reset) await resetDemo(services.database, config.dataDir, log);
  const [{ n }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from organisations where is_demo`)) as [{ n: number }];
  if (n > 0) {
    log(`数据库中已有 ${n} 个演示机构，未重新生成（如需重新生成，加 --reset）`);
  } else {
    for (const s of await loadReferenceData(db)) for (const line of formatSummary(s)) log(line);
    const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
    await seedDemo(db, services.pii, { scale, seed, now: services.now(), demoPassword: config.demoPassword, log });
  }
  const logins = await demoLogins(db, { all: true });
  console.log(`\n演示账号（密码：${config.demoPasswordIsDefault ? config.demoPassword : 'DEMO_PASSWORD 的值'}）：`);
  for (const l of logins) console.log(`  ${l.username.padEnd(24)} ${l.role.padEnd(16)} ${l.label}`);
  if (values.logins) fs.writeFileSync(values.logins, logins.map((l) => `${l.username}\t${l.role}\t${l.label}`).join('\n') + '\n');
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await services.database.close();
}
