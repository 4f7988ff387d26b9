import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { SASAC_LEVELS } from '../../contracts/certification.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { enterpriseDeclarations } from '../platform/db/schema/index.ts';
import { declarationYearOn } from '../certification/index.ts';
import { createRng } from './prng.ts';

/**
 * Last year's declarations of the demo city's enterprises above designated size (issue 14 item 3), so the
 * cockpit's training-fund targets and their drill-down have figures: about nine in ten have declared; most
 * draw 1.5%–2.5% of payroll, some less (a few more), and spend most of it, 45%–85% on front-line staff; about
 * one in twelve is state-owned, most under the city's 国资委. Payroll is the register's, give or take a tenth.
 */
export async function seedDeclarationsDemo(db: Db, opts: { now: Date; seed?: number }): Promise<{ declared: number; stateOwned: number }> {
  const rng = createRng(opts.seed ?? 20240115);
  const year = declarationYearOn(todayOf(opts.now));
  const found = await rows<{ id: string; payroll: string | null; staff: number }>(
    db,
    sql`select o.id, e.payroll_yuan as payroll, e.staff_count as staff
      from enterprises e join organisations o on o.id = e.organisation_id
      where e.above_designated_size and o.status = 'active' order by o.code`,
  );
  const values = [];
  for (const e of found) {
    if (!rng.chance(0.9)) continue;
    const registerPayroll = Number(e.payroll ?? 0) || e.staff * 90_000;
    const payrollYuan = Math.round(registerPayroll * (0.95 + rng.next() * 0.15));
    const band = rng.next();
    const drawnShare = band < 0.15 ? 0.006 + rng.next() * 0.008 : band < 0.2 ? 0.026 + rng.next() * 0.006 : 0.015 + rng.next() * 0.01;
    const fundDrawnYuan = Math.round(payrollYuan * drawnShare);
    const fundSpentYuan = Math.round(fundDrawnYuan * (0.7 + rng.next() * 0.3));
    const soe = rng.chance(0.08);
    values.push({
      enterpriseId: e.id,
      year,
      payrollYuan,
      fundDrawnYuan,
      fundSpentYuan,
      frontlineSharePct: Math.round((45 + rng.next() * 40) * 100) / 100,
      peopleTrained: Math.max(1, Math.round(e.staff * (0.2 + rng.next() * 0.8))),
      sasacLevel: soe ? (rng.chance(0.6) ? 'city' : rng.pick(SASAC_LEVELS)) : null,
      createdAt: opts.now,
      updatedAt: opts.now,
    } as const);
  }
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insert(enterpriseDeclarations)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing();
  return { declared: values.length, stateOwned: values.filter((v) => v.sasacLevel).length };
}
