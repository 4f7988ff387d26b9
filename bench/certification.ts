import os from 'node:os';
import { sql } from 'drizzle-orm';
import { todayOf } from '../core/calendar.ts';
import { eligibilityOf } from '../server/certification/repository/cases.ts';
import { declarationYearOn } from '../server/certification/index.ts';
import { trainingFundTallies } from '../server/certification/indicators.ts';
import { applicationPdf } from '../server/certification/print.ts';
import { missingReports } from '../server/certification/repository/reporting.ts';
import { creditList } from '../server/certification/repository/surcharge-credit.ts';
import { recomputeIndicators } from '../server/cockpit/indicators/recompute.ts';
import { rows } from '../server/platform/db/engine.ts';
import { openTestDatabase } from '../test/support/engines.ts';

/**
 * Issue 14's benchmark, on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; a schema of its own, dropped
 * afterwards): 20,000 enterprises above designated size in 14 districts; the full indicators recompute before
 * any declaration exists (the training-fund targets then have no value, as before this issue they had only typed-in
 * reports) and after every enterprise has declared; the declarations' tally alone; and the pre-fill of an
 * application (the register facts and the self-check) for 200 enterprises; then, with 1,000 of them certified and
 * five years of declarations each, the surcharge-credit list, the list of those who have not reported and one
 * application's A4 PDF, each against the declarations' tally measured in the same run (the anchor). Prints JSON
 * lines with the load average.
 */
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!url) {
  console.log(
    JSON.stringify({ bench: 'certification', skipped: 'set BENCH_DATABASE_URL (a PostgreSQL database whose name contains "test")' }),
  );
  process.exit(0);
}
const N = Number(process.env.BENCH_ENTERPRISES || 20_000);
const database = await openTestDatabase({ name: 'postgres', databaseUrl: url });
const db = database.db;
const now = new Date();
const year = declarationYearOn(todayOf(now));
const load = () => Math.round(os.loadavg()[0]! * 10) / 10;
const print = (o: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: 'certification', enterprises: N, loadavg_1m: load(), ...o }));

try {
  await db.execute(sql`insert into organisations (kind, name, code, status)
    select 'district', '区' || i, lpad(i::text, 6, '41010'), 'active' from generate_series(1, 14) i`);
  await db.execute(sql`update organisations set district_id = id where kind = 'district'`);
  await db.execute(sql`insert into organisations (kind, name, code, status, district_id)
    select 'enterprise', '基准企业' || i || '有限公司', '91410100' || lpad(i::text, 10, '0'), 'active',
      (select id from organisations where kind = 'district' order by code offset (i % 14) limit 1)
    from generate_series(1, ${N}) i`);
  await db.execute(sql`insert into enterprises (organisation_id, size, industry_code, staff_count, payroll_yuan, above_designated_size)
    select id, 'medium', 'C34', 300 + (hashtext(code) & 1023), (300 + (hashtext(code) & 1023)) * 90000, true from organisations where kind = 'enterprise'`);
  await db.execute(sql`analyze`);

  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return Math.round(performance.now() - t0);
  };
  // Three runs each, the median printed: the first run of a fresh schema also warms caches.
  const median = async (f: () => Promise<unknown>) => {
    const xs = [await time(f), await time(f), await time(f)].sort((a, b) => a - b);
    return { p50: xs[1], runs: xs };
  };
  print({ measure: 'recompute_ms', declarations: 0, ...(await median(() => recomputeIndicators(db, { now }))) });

  await db.execute(sql`insert into enterprise_declarations (enterprise_id, year, payroll_yuan, fund_drawn_yuan, fund_spent_yuan, frontline_share_pct, people_trained, sasac_level)
    select e.organisation_id, ${year}, e.payroll_yuan, e.payroll_yuan * (10 + (hashtext(o.code) & 15)) / 1000,
      e.payroll_yuan * (8 + (hashtext(o.code) & 7)) / 1000, 45 + (hashtext(o.code || 'f') & 31), e.staff_count / 2,
      case when hashtext(o.code) % 12 = 0 then 'city' end
    from enterprises e join organisations o on o.id = e.organisation_id`);
  await db.execute(sql`analyze`);
  print({ measure: 'recompute_ms', declarations: N, ...(await median(() => recomputeIndicators(db, { now }))) });
  const tally: number[] = [];
  for (let i = 0; i < 5; i++) tally.push(await time(() => trainingFundTallies(db, year)));
  tally.sort((a, b) => a - b);
  print({ measure: 'declarations_tally_ms', declarations: N, p50: tally[2], max: tally[4] });

  const ids = await rows<{ id: string }>(db, sql`select id from organisations where kind = 'enterprise' order by random() limit 200`);
  const prefill: number[] = [];
  for (const { id } of ids) prefill.push(await time(() => eligibilityOf(db, { kind: 'city' }, id, todayOf(now))));
  prefill.sort((a, b) => a - b);
  print({
    measure: 'application_prefill_ms',
    declarations: N,
    p50: prefill[Math.floor(prefill.length / 2)],
    p95: prefill[Math.floor(prefill.length * 0.95)],
  });

  // What certification brings: 1,000 certified enterprises (ten times the plan's 100), five years of declarations each.
  const CERTIFIED = 1000;
  const today = todayOf(now);
  await db.execute(sql`insert into certification_cases (enterprise_id, stage, applied_on, prefill, statement, level, document_no,
      certified_on, objection_until, valid_until)
    select o.id, 'certified', make_date(${year} - 5, 3, 1), '{}', '基准企业申报说明', 'city', '郑教〔基准〕' || row_number() over (order by o.code) || '号',
      make_date(${year} - 4 + (hashtext(o.code) & 1), 6, 1), make_date(${year} - 4 + (hashtext(o.code) & 1), 6, 8), make_date(${year} + 1, 6, 1)
    from organisations o where o.kind = 'enterprise' order by o.code limit ${CERTIFIED}`);
  await db.execute(sql`insert into enterprise_declarations (enterprise_id, year, payroll_yuan, fund_drawn_yuan, fund_spent_yuan, frontline_share_pct, people_trained)
    select c.enterprise_id, y, 30000000, 600000, 500000, 65, 300 from certification_cases c, generate_series(${year} - 4, ${year} - 1) y`);
  await db.execute(sql`update enterprise_declarations d set vocational_investment_yuan = 100000 * (1 + (hashtext(d.id::text) & 31)),
      education_surcharges_yuan = 50000 * (1 + (hashtext(d.id::text || 's') & 15))
    where d.enterprise_id in (select enterprise_id from certification_cases)`);
  await db.execute(sql`analyze`);
  const anchor = await median(() => trainingFundTallies(db, year));
  const ratio = (m: { p50?: number }) => (anchor.p50 ? Math.round((m.p50! / anchor.p50) * 100) / 100 : null);
  const credits = await median(() => creditList(db, { kind: 'city' }, { year }, today));
  print({
    measure: 'surcharge_credit_list_ms',
    certified: CERTIFIED,
    years: 5,
    ...credits,
    anchor_tally_ms: anchor.p50,
    ratio: ratio(credits),
  });
  const missing = await median(() => missingReports(db, { kind: 'city' }, {}, today));
  print({ measure: 'missing_reports_ms', certified: CERTIFIED, ...missing, anchor_tally_ms: anchor.p50, ratio: ratio(missing) });
  const [one] = await rows<{ id: string }>(db, sql`select id from certification_cases limit 1`);
  const pdf = await median(() => applicationPdf(db, { kind: 'city' }, one!.id, today, now));
  print({ measure: 'application_pdf_ms', ...pdf, anchor_tally_ms: anchor.p50, ratio: ratio(pdf) });
} finally {
  await database.close();
}
