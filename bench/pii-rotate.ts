import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { students } from '../server/platform/db/schema/index.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import { countStale, rotatePiiKey } from '../server/personal-data/rotate.ts';
import type { Services } from '../server/platform/services.ts';
import { report } from '../test/support/process.ts';

/**
 * `npm run pii:rotate` at city scale, on the PostgreSQL server at BENCH_DATABASE_URL (a schema of its own,
 * dropped afterwards): BENCH_PII_ROWS students (default 500,000, the city) with ID number and phone encrypted
 * under an old key are re-encrypted under a new one, while single-row student edits run alongside (the platform
 * running). Anchor, same run and rows: one `update students set id_number_cipher = id_number_cipher,
 * phone_cipher = phone_cipher` over the whole table — the database's own cost of rewriting those rows.
 */
const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'pii-rotate', skipped: 'set BENCH_DATABASE_URL (a database with "bench" in its name)' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('BENCH_DATABASE_URL must name a database containing "bench"');
const ROWS = Number(process.env.BENCH_PII_ROWS || 500_000);
const schema = `bench_pii_${crypto.randomBytes(4).toString('hex')}`;
const database = await openDatabase({ databaseUrl: url, schema, poolSize: 6 });
const { db } = database;
const oldKey = crypto.randomBytes(32);
const oldPii = createPiiCipher(oldKey);
const ring = createPiiCipher({ current: crypto.randomBytes(32), previous: [oldKey] });
try {
  const [org] = await rows<{ id: string }>(
    db,
    sql`insert into organisations (kind, name, code) values ('school', '基准学校', 'B-PII') returning id`,
  );
  const t0 = performance.now();
  for (let i = 0; i < ROWS; i += 5_000) {
    const n = Math.min(5_000, ROWS - i);
    await db.insert(students).values(
      Array.from({ length: n }, (_, k) => {
        const id = `410105200701${String(i + k).padStart(6, '0')}`;
        return {
          schoolId: org!.id,
          name: `学生${i + k}`,
          cohort: 2024,
          birthDate: '2007-01-01',
          sex: 'male' as const,
          idNumberCipher: oldPii.encrypt(id),
          idNumberIndex: oldPii.index(id),
          idNumberMasked: '410105**********',
          phoneCipher: oldPii.encrypt(`139${String(i + k).padStart(8, '0')}`),
          phoneMasked: '139****0000',
        };
      }),
    );
  }
  const seedMs = performance.now() - t0;
  await db.execute(sql`analyze students`);

  const a0 = performance.now();
  await db.execute(sql`update students set id_number_cipher = id_number_cipher, phone_cipher = phone_cipher`);
  const anchorMs = performance.now() - a0;

  // The platform running: one connection editing random students' phones (as app servers do) until the rotation ends.
  const ids = (await rows<{ id: string }>(db, sql`select id from students order by random() limit 2000`)).map((r) => r.id);
  const editor = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  await editor.connect();
  let rotating = true;
  const latencies: number[] = [];
  const edits = (async () => {
    for (let i = 0; rotating; i++) {
      const e0 = performance.now();
      await editor.query(`update students set phone_cipher = $1, version = version + 1 where id = $2`, [
        ring.encrypt('13700000000'),
        ids[i % ids.length],
      ]);
      latencies.push(performance.now() - e0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();

  const services: Services = { database, config: loadConfig({}), pii: ring, now: () => new Date(), pokeJobs: () => {} };
  const r0 = performance.now();
  const result = await rotatePiiKey(services, () => {}, 200);
  const rotateMs = performance.now() - r0;
  rotating = false;
  await edits;
  await editor.end();
  latencies.sort((x, y) => x - y);
  const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  report({
    bench: 'pii-rotate',
    rows: ROWS,
    values: ROWS * 2,
    seed_s: Math.round(seedMs / 100) / 10,
    rotate_s: Math.round(rotateMs / 100) / 10,
    rows_per_s: Math.round(ROWS / (rotateMs / 1000)),
    left: result.left + (await countStale(db, ring)),
    anchor: 'update students set id_number_cipher = id_number_cipher, phone_cipher = phone_cipher (one statement, same rows)',
    anchor_s: Math.round(anchorMs / 100) / 10,
    ratio: Math.round((rotateMs / anchorMs) * 10) / 10,
    concurrent_edits: latencies.length,
    edit_p50_ms: p(0.5),
    edit_p95_ms: p(0.95),
    edit_max_ms: p(1),
    loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
  });
} finally {
  await database.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
