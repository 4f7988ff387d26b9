import { sql, type SQL } from 'drizzle-orm';
import type { TrainingFundTally } from '../../core/indicators/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { offeredPlaces } from '../internships/index.ts';
import { fundRules } from './repository/declarations.ts';

/**
 * What the cockpit computes from the yearly declarations (training_fund_share, training_fund_frontline_share):
 * declarations of `year` by active enterprises above designated size, grouped by district in one query.
 * The rules' bounds are compared in integers (basis points of payroll) so that 1.5% of a round payroll is within.
 */
const pct = (fraction: number) => Math.round(fraction * 10_000) / 100;
const DRAWN_WITHIN = sql`(d.fund_drawn_yuan * 10000 >= d.payroll_yuan * ${Math.round(fundRules.drawnMin * 10_000)}
  and d.fund_drawn_yuan * 10000 <= d.payroll_yuan * ${Math.round(fundRules.drawnMax * 10_000)})`;
const FRONTLINE_MEETS = sql`(d.frontline_share_pct >= ${pct(fundRules.frontlineMin)})`;
const COUNTED = (year: number) => sql`d.year = ${year} and e.above_designated_size and o.status = 'active'`;

export function trainingFundTallies(db: Db, year: number): Promise<TrainingFundTally[]> {
  return rows<TrainingFundTally>(
    db,
    sql`
    select o.district_id as "districtId", count(*)::int as declared, sum(d.payroll_yuan)::float8 as payroll,
      sum(d.fund_drawn_yuan)::float8 as drawn, sum(d.fund_spent_yuan)::float8 as spent,
      sum(d.fund_spent_yuan * d.frontline_share_pct / 100)::float8 as frontline,
      (count(*) filter (where ${DRAWN_WITHIN}))::int as "drawnWithin", (count(*) filter (where ${FRONTLINE_MEETS}))::int as "frontlineMeeting"
    from enterprise_declarations d join enterprises e on e.organisation_id = d.enterprise_id join organisations o on o.id = d.enterprise_id
    where ${COUNTED(year)} group by 1`,
  );
}

/** The cockpit's drill-down of the two targets: each declaring enterprise, those outside the rule first. */
export function trainingFundDrill(measure: 'drawn' | 'frontline', districtWhere: SQL, year: number) {
  const where = sql`${COUNTED(year)} and ${districtWhere}`;
  const from = sql`from enterprise_declarations d join enterprises e on e.organisation_id = d.enterprise_id join organisations o on o.id = d.enterprise_id`;
  const count = sql`select count(*)::int as n ${from} where ${where}`;
  if (measure === 'drawn')
    return {
      columns: [
        ['name', '企业名称'],
        ['district', '所在区域'],
        ['payroll', `${year}年职工工资总额（元）`],
        ['drawn', '提取培训经费（元）'],
        ['share', '提取比例(%)'],
        ['meets', `在${pct(fundRules.drawnMin)}%—${pct(fundRules.drawnMax)}%区间内`],
        ['internshipPlaces', '实习岗位名额（登记）'],
      ] as Array<[string, string]>,
      list: sql`select o.id, o.name, dist.name as district, d.payroll_yuan::float8 as payroll, d.fund_drawn_yuan::float8 as drawn,
        round(d.fund_drawn_yuan * 100.0 / nullif(d.payroll_yuan, 0), 2)::float8 as share, ${DRAWN_WITHIN} as meets,
        coalesce(offered.places, 0)::int as "internshipPlaces"
        ${from} left join organisations dist on dist.id = o.district_id left join ${offeredPlaces(year)} on offered.enterprise_id = o.id
        where ${where} order by ${DRAWN_WITHIN}, share, o.code`,
      count,
    };
  return {
    columns: [
      ['name', '企业名称'],
      ['district', '所在区域'],
      ['spent', `${year}年使用培训经费（元）`],
      ['frontlineShare', '用于一线职工比例(%)'],
      ['meets', `达到${pct(fundRules.frontlineMin)}%`],
      ['peopleTrained', '培训人次'],
    ] as Array<[string, string]>,
    list: sql`select o.id, o.name, dist.name as district, d.fund_spent_yuan::float8 as spent, d.frontline_share_pct::float8 as "frontlineShare",
      ${FRONTLINE_MEETS} as meets, d.people_trained as "peopleTrained"
      ${from} left join organisations dist on dist.id = o.district_id where ${where} order by ${FRONTLINE_MEETS}, d.frontline_share_pct, o.code`,
    count,
  };
}
