import os from 'node:os';
import { sql } from 'drizzle-orm';
import { todayOf } from '../core/calendar.ts';
import type { ReportKind } from '../core/quality-reports/index.ts';
import { seedIfEmpty } from '../server/demo/seed.ts';
import { rows } from '../server/platform/db/engine.ts';
import { renderA4Pdf } from '../server/platform/pdf/a4-document.ts';
import { composeReport, ownRow, reportPdfSpec } from '../server/quality-reports/index.ts';
import { startTestServer } from '../test/support/server.ts';

/**
 * Issue 17's report benchmark: every school's annual quality report of last year generated as its A4 PDF, as the
 * PDF route does it (the school's facts, survey feedback and international carriers read, the report composed,
 * the document rendered), one school after another, over a demo city of BENCH_QR_SCALE (default city: 150 schools,
 * 500,000 students) on PGlite, or on PostgreSQL with BENCH_DATABASE_URL (a database whose name contains "test"; a
 * schema of its own, dropped afterwards). The anchor, measured in the same run: rendering the first school's
 * composed report alone (no database), median of five. Prints one JSON line with the time, the per-school
 * percentiles, peak RSS and the load average.
 */
const scale = (process.env.BENCH_QR_SCALE || 'city') as 'tiny' | 'demo' | 'city';
const url = process.env.BENCH_DATABASE_URL;
const load = () => Math.round(os.loadavg()[0]! * 10) / 10;
const MiB = (b: number) => Math.round(b / 1048576);

const server = await startTestServer(url ? { name: 'postgres', databaseUrl: url } : { name: 'pglite' }, { LOG_LEVEL: 'warn' });
try {
  const t0 = performance.now();
  const config = { ...server.services.config, seedDemo: true, demoScale: scale, demoPassword: 'Bench-Password-2026' };
  await seedIfEmpty({ ...server.services, config }, () => {});
  const seedMs = Math.round(performance.now() - t0);
  const db = server.services.database.db;
  const now = new Date();
  const year = Number(todayOf(now).slice(0, 4)) - 1;
  const schools = await rows<{ id: string; name: string; districtId: string | null; districtName: string | null }>(
    db,
    sql`select o.id, o.name, o.district_id as "districtId", d.name as "districtName" from organisations o
      join schools s on s.organisation_id = o.id left join organisations d on d.id = o.district_id
      where o.status = 'active' order by o.code, o.id`,
  );
  const students = (await rows<{ n: number }>(db, sql`select count(*)::int as n from students`))[0]!.n;
  const compose = async (s: (typeof schools)[number]) => {
    const author = { ...s, kind: 'school' as ReportKind };
    return composeReport(db, author, year, await ownRow(db, author, year), now, () => ({
      canEdit: false,
      canReview: false,
      canConfirm: false,
    }));
  };

  // Peak resident memory while generating, sampled every 20 ms.
  let peak = process.memoryUsage().rss;
  const baseline = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

  const first = await compose(schools[0]!);
  const anchorRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await renderA4Pdf(reportPdfSpec(first, now));
    anchorRuns.push(performance.now() - t);
  }
  anchorRuns.sort((a, b) => a - b);
  const anchorMs = anchorRuns[2]!;

  const perSchool: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (const s of schools) {
    const t = performance.now();
    bytes += (await renderA4Pdf(reportPdfSpec(await compose(s), now))).length;
    perSchool.push(performance.now() - t);
  }
  const totalMs = performance.now() - start;
  clearInterval(sampler);
  perSchool.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(perSchool[Math.min(perSchool.length - 1, Math.ceil(p * perSchool.length) - 1)]!);
  console.log(
    JSON.stringify({
      bench: 'quality-reports',
      engine: url ? 'postgres' : 'pglite',
      scale,
      schools: schools.length,
      students,
      seed_ms: seedMs,
      all_pdfs_ms: Math.round(totalMs),
      per_school_p50_ms: pct(0.5),
      per_school_p95_ms: pct(0.95),
      anchor_render_one_ms: Math.round(anchorMs),
      ratio_per_school_to_anchor: Math.round((totalMs / schools.length / anchorMs) * 10) / 10,
      pdf_mib_total: Math.round((bytes / 1048576) * 10) / 10,
      rss_baseline_mib: MiB(baseline),
      rss_peak_mib: MiB(peak),
      loadavg_1m: load(),
      cpus: os.cpus().length,
    }),
  );
} finally {
  await server.close();
}
