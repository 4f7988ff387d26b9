import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { fundingGroupOf, perStudentYuan } from '../../core/funding/index.ts';
import { currentPlan, fundingPolicy as policy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { fundingDeclarations, highSchoolFunding } from '../platform/db/schema/index.ts';
import { createRng } from './prng.ts';

/**
 * 生均财政拨款 in the demo city (issue 18 item 3), so the cockpit computes both funding targets: the 市财政局's
 * 普高 figure for the last two years, and each public 高职 and 中职 school's declaration of those years — most at
 * or above their threshold, about one in five below (the bureau's list and the drill-down have someone to follow
 * up), and a few schools that have not declared the latest year. Deterministic for a seed.
 */
export interface FundingDemoResult {
  year: number;
  declared: number;
  below: number;
  highSchoolYuan: number;
}

export async function seedFundingDemo(db: Db, opts: { now: Date; seed?: number }): Promise<FundingDemoResult | null> {
  const rng = createRng(opts.seed ?? 20231010);
  const year = Number(todayOf(opts.now).slice(0, 4)) - 1;
  const [finance] = await rows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'department' and code = ${policy.enteredBy} and status = 'active'`,
  );
  if (!finance) return null;
  const floorRule = currentPlan.rules.per_student_funding;
  const floor = floorRule?.kind === 'amount' ? floorRule.value : 0;
  // The local 普高 figure grows a little each year.
  const highSchool = { [year - 1]: 15200, [year]: 15800 } as Record<number, number>;
  await db
    .insert(highSchoolFunding)
    .values([year - 1, year].map((y) => ({ year: y, perStudentYuan: highSchool[y]!, organisationId: finance.id })))
    .onConflictDoNothing();
  const schools = await rows<{ id: string; districtId: string | null; ownership: string; level: string }>(
    db,
    sql`select o.id, o.district_id as "districtId", s.ownership, s.level from schools s join organisations o on o.id = s.organisation_id
      where o.status = 'active' and s.ownership = 'public' order by o.code, o.id`,
  );
  const values: Array<typeof fundingDeclarations.$inferInsert> = [];
  let below = 0;
  for (const s of schools) {
    const group = fundingGroupOf(policy, s);
    if (!group) continue;
    const students = group === 'higher' ? rng.int(4000, 16000) : rng.int(800, 4500);
    const short = rng.chance(0.2);
    for (const y of [year - 1, year]) {
      if (y === year && rng.chance(0.08)) continue; // not yet declared this year
      const threshold = group === 'higher' ? floor : highSchool[y]!;
      const per = short ? threshold - rng.int(600, 2600) : threshold + rng.int(200, 4800);
      if (short && y === year) below++;
      const appropriationYuan = per * students;
      values.push({
        schoolId: s.id,
        districtId: s.districtId,
        year: y,
        appropriationYuan,
        students,
        perStudentYuan: perStudentYuan(appropriationYuan, students),
        note: null,
      });
    }
  }
  for (let i = 0; i < values.length; i += 500)
    await db
      .insert(fundingDeclarations)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing();
  return { year, declared: values.filter((v) => v.year === year).length, below, highSchoolYuan: highSchool[year]! };
}
