import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { surchargeCredits, type CertifiedPeriod, type CreditFacts, type CreditLine } from '../../../core/certification/surcharge-credit.ts';
import { notFound } from '../../../core/errors.ts';
import type { SurchargeCreditQuery } from '../../../contracts/certification.ts';
import { certificationPolicy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { scopeOfEnterprise } from './cases.ts';
import { declarationYearOn } from './declarations.ts';

const RULE = certificationPolicy.surchargeCredit;

interface Enterprise {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtName: string | null;
}

/**
 * Every enterprise in scope that was ever certified, with its certified periods and its declared investment and
 * surcharges through `throughYear`: the facts the ledger is computed from, each collected once (the cases from the
 * lifecycle, the amounts from the enterprise's yearly declaration).
 */
async function creditFacts(db: Db, access: Access, throughYear: number, filter: { enterpriseId?: string; districtId?: string }) {
  const where = sql.join(
    [
      scopeOfEnterprise(access),
      filter.enterpriseId ? sql`o.id = ${filter.enterpriseId}` : sql`true`,
      filter.districtId ? sql`o.district_id = ${filter.districtId}` : sql`true`,
    ],
    sql` and `,
  );
  const periods = await rows<Enterprise & CertifiedPeriod>(
    db,
    sql`select o.id as "enterpriseId", o.name as "enterpriseName", o.code as uscc, dist.name as "districtName", c.stage,
      c.certified_on::text as "certifiedOn", c.valid_until::text as "validUntil", c.revoked_on::text as "revokedOn"
    from certification_cases c join organisations o on o.id = c.enterprise_id left join organisations dist on dist.id = o.district_id
    where c.stage in ('certified', 'expired', 'revoked') and c.certified_on is not null and ${where}
    order by o.code`,
  );
  const ids = [...new Set(periods.map((p) => p.enterpriseId))];
  const facts = ids.length
    ? await rows<CreditFacts & { enterpriseId: string }>(
        db,
        sql`select enterprise_id as "enterpriseId", year, vocational_investment_yuan::float8 as "investmentYuan",
          education_surcharges_yuan::float8 as "surchargesYuan"
        from enterprise_declarations where year <= ${throughYear}
          and enterprise_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
      )
    : [];
  const periodsOf = Map.groupBy(periods, (p) => p.enterpriseId);
  const factsOf = Map.groupBy(facts, (f) => f.enterpriseId);
  return ids.map((id) => {
    const mine = periodsOf.get(id)!;
    const { enterpriseId, enterpriseName, uscc, districtName } = mine[0]!;
    return {
      enterprise: { enterpriseId, enterpriseName, uscc, districtName },
      lines: surchargeCredits(mine, factsOf.get(id) ?? [], throughYear, RULE.ratePct),
    };
  });
}

/** One enterprise's ledger, year by year through the last full year (empty before it is certified). */
export async function enterpriseCredit(db: Db, access: Access, enterpriseId: string, today: string) {
  const [e] = await rows<Enterprise>(
    db,
    sql`select o.id as "enterpriseId", o.name as "enterpriseName", o.code as uscc, dist.name as "districtName"
    from enterprises en join organisations o on o.id = en.organisation_id left join organisations dist on dist.id = o.district_id
    where o.id = ${enterpriseId} and ${scopeOfEnterprise(access)}`,
  );
  if (!e) throw notFound('企业');
  const [found] = await creditFacts(db, access, declarationYearOn(today), { enterpriseId });
  return { ...e, ratePct: RULE.ratePct, source: RULE.source, note: RULE.note, lines: found?.lines ?? [] };
}

/** The list the tax and finance departments verify: each certified enterprise's line of one year, with the totals. */
export async function creditList(db: Db, access: Access, q: SurchargeCreditQuery, today: string) {
  const year = q.year ?? declarationYearOn(today);
  const items = (await creditFacts(db, access, year, { districtId: q.districtId }))
    .map(({ enterprise, lines }) => ({ ...enterprise, line: lines.find((l) => l.year === year) }))
    .filter((x): x is Enterprise & { line: CreditLine } => x.line !== undefined)
    .map(({ line, ...e }) => ({ ...e, ...line }));
  const sum = (k: 'creditYuan' | 'usedYuan' | 'carriedOutYuan') => Math.round(items.reduce((s, i) => s + i[k], 0) * 100) / 100;
  return {
    year,
    ratePct: RULE.ratePct,
    source: RULE.source,
    items,
    totals: { enterprises: items.length, creditYuan: sum('creditYuan'), usedYuan: sum('usedYuan'), carriedOutYuan: sum('carriedOutYuan') },
  };
}
