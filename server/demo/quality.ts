import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { systemFor } from '../../core/quality/index.ts';
import { qualityPolicy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { evaluateSchools, rerank, surveyScores } from '../quality/index.ts';
import { createRng } from './prng.ts';

/**
 * The quality evaluation in the demo city (issue 17): a third-party evaluation organisation with its sign-in
 * (evaluator1) commissioned for last year's evaluation of half the schools (school1's among them), the schools'
 * collected indicators with their evidence, every school evaluated for the last three years (so a school sees its
 * trend and the bureau a ranking), and one finding of the evaluator with its adjustment. Deterministic for a seed.
 */
export interface QualityDemoResult {
  years: number[];
  schools: number;
  commissioned: number;
}

export async function seedQualityDemo(db: Db, opts: { now: Date; passwordHash: string; seed?: number }): Promise<QualityDemoResult | null> {
  const rng = createRng(opts.seed ?? 20231018);
  const today = todayOf(opts.now);
  const year = Number(today.slice(0, 4));
  const years = [year - 2, year - 1, year].filter((y) => systemFor(qualityPolicy, y));
  if (!years.length) return null;
  const schools = await rows<{ id: string; admin: string | null }>(
    db,
    sql`select o.id, (select m.user_id from memberships m where m.organisation_id = o.id and m.role = 'school_admin' order by m.user_id limit 1) as admin
      from organisations o join schools s on s.organisation_id = o.id where o.status = 'active' order by o.code, o.id`,
  );
  if (!schools.length) return null;
  const [evaluator] = await rows<{ id: string }>(
    db,
    sql`insert into organisations (kind, name, code, status, is_demo) values ('evaluator', '郑州市职业教育质量评价中心（演示）', 'EVAL-DEMO-01', 'active', true)
      returning id`,
  );
  const [user] = await rows<{ id: string }>(
    db,
    sql`insert into users (username, display_name, password_hash, must_change_password, is_demo)
      values ('evaluator1', '评价专员', ${opts.passwordHash}, false, true) returning id`,
  );
  await db.execute(sql`insert into memberships (user_id, organisation_id, role) values (${user!.id}, ${evaluator!.id}, 'evaluator')`);
  const [bureauAdmin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  const [school1] = await rows<{ id: string }>(
    db,
    sql`select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.username = 'school1'`,
  );
  // Schools the owner enters its collected indicators for: every one, each year, with the evidence named.
  const collected = qualityPolicy.systems.flatMap((s) => s.dimensions.flatMap((d) => d.indicators.filter((i) => i.source === 'collected')));
  const codes = [...new Set(collected.map((i) => i.code))];
  for (const y of years)
    for (const s of schools)
      for (const code of codes) {
        const i = collected.find((x) => x.code === code)!;
        if (y === year && rng.chance(0.3)) continue; // not yet entered this year
        const value = Math.round(i.floor * (0.5 + rng.next() * 2.5) * 10) / 10;
        await db.execute(sql`insert into quality_collected (school_id, district_id, year, indicator_code, value, evidence, entered_by)
          select ${s.id}, o.district_id, ${y}, ${code}, ${value}, ${`${y}年度财务决算报表及合作协议（演示）`}, ${s.admin} from organisations o where o.id = ${s.id}`);
      }
  const last = year - 1;
  const commissioned = schools.filter((s, k) => k % 2 === 0 || s.id === school1?.id);
  let commissionId: string | null = null;
  if (years.includes(last)) {
    const [c] = await rows<{ id: string }>(
      db,
      sql`insert into quality_commissions (year, evaluator_id, note, created_by) values (${last}, ${evaluator!.id}, '对半数学校开展年度第三方质量评价（演示）', ${bureauAdmin?.id ?? null}) returning id`,
    );
    commissionId = c!.id;
    for (const s of commissioned)
      await db.execute(sql`insert into quality_commission_schools (commission_id, school_id) values (${commissionId}, ${s.id})`);
  }
  for (const y of years) {
    const system = systemFor(qualityPolicy, y)!;
    const surveys = await surveyScores(db, y);
    await evaluateSchools(db, { year: y, today, system, schoolIds: schools.map((s) => s.id), surveys, jobId: null, now: opts.now });
    await rerank(db, y);
  }
  if (commissionId && school1) {
    await db.execute(sql`insert into quality_findings (commission_id, school_id, dimension, text, adjustment, author_id)
      values (${commissionId}, ${school1.id}, 'integration', '校企合作协议齐全，企业深度参与专业建设；现场核查的合作企业与平台数据一致。', 2, ${user!.id})`);
    const system = systemFor(qualityPolicy, last)!;
    await evaluateSchools(db, { year: last, today, system, schoolIds: [school1.id], surveys: [], jobId: null, now: opts.now });
    await rerank(db, last);
  }
  return { years, schools: schools.length, commissioned: commissionId ? commissioned.length : 0 };
}
