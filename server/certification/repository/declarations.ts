import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { declarationProblems, declarationStanding, fundRulesOf, type FundRules } from '../../../core/certification/declaration.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import type {
  Declaration,
  DeclarationForm,
  DeclarationListQuery,
  DeclarationSave,
  StateOwnedDeclarationQuery,
  UndeclaredQuery,
} from '../../../contracts/certification.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { enterpriseDeclarations } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { offeredPlaces } from '../../internships/index.ts';

/** The plan's training-fund rules (policy file, 二 (二) 5): the standing every declaration is shown against. */
export const fundRules: FundRules = fundRulesOf(currentPlan.rules);

/** The year a declaration made on `today` is of by default: the last full year. */
const yearOf = (today: string) => Number(today.slice(0, 4));
export const declarationYearOn = (today: string) => yearOf(today) - 1;

interface Row {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  districtId: string | null;
  districtName: string | null;
  year: number;
  payrollYuan: string | number;
  fundDrawnYuan: string | number;
  fundSpentYuan: string | number;
  frontlineSharePct: string | number;
  peopleTrained: number;
  sasacLevel: Declaration['sasacLevel'];
  vocationalInvestmentYuan: string | number | null;
  educationSurchargesYuan: string | number | null;
  internshipPlaces: number;
  updatedAt: string;
  version: number;
}

export function toDeclaration(r: Row): Declaration {
  const figures = {
    payrollYuan: Number(r.payrollYuan),
    fundDrawnYuan: Number(r.fundDrawnYuan),
    fundSpentYuan: Number(r.fundSpentYuan),
    frontlineSharePct: Number(r.frontlineSharePct),
    peopleTrained: r.peopleTrained,
  };
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    districtId: r.districtId,
    districtName: r.districtName,
    year: r.year,
    ...figures,
    stateOwned: r.sasacLevel !== null,
    sasacLevel: r.sasacLevel,
    vocationalInvestmentYuan: r.vocationalInvestmentYuan === null ? null : Number(r.vocationalInvestmentYuan),
    educationSurchargesYuan: r.educationSurchargesYuan === null ? null : Number(r.educationSurchargesYuan),
    internshipPlaces: r.internshipPlaces,
    standing: declarationStanding(figures, fundRules),
    updatedAt: new Date(r.updatedAt).toISOString(),
    version: r.version,
  };
}

/** Declarations of one year with the register's internship places of that year; `where` over aliases d and o. */
export function declarationRows(year: number, where: SQL): SQL {
  return sql`select d.id, d.enterprise_id as "enterpriseId", o.name as "enterpriseName", o.code as uscc, o.district_id as "districtId",
      dist.name as "districtName", d.year, d.payroll_yuan as "payrollYuan", d.fund_drawn_yuan as "fundDrawnYuan",
      d.fund_spent_yuan as "fundSpentYuan", d.frontline_share_pct as "frontlineSharePct", d.people_trained as "peopleTrained",
      d.sasac_level as "sasacLevel", d.vocational_investment_yuan as "vocationalInvestmentYuan",
      d.education_surcharges_yuan as "educationSurchargesYuan", coalesce(offered.places, 0)::int as "internshipPlaces", d.updated_at as "updatedAt", d.version
    from enterprise_declarations d join organisations o on o.id = d.enterprise_id
    left join organisations dist on dist.id = o.district_id
    left join ${offeredPlaces(year)} on offered.enterprise_id = d.enterprise_id
    where d.year = ${year} and ${where}`;
}

/** The caller's scope over a declaration (aliases d, o): the enterprise itself, its district, or the city. */
const scopeOf = (access: Access): SQL => scopeSqlOn(access, { districtId: 'o.district_id', organisationId: 'd.enterprise_id' });

const STANDING: Record<NonNullable<DeclarationListQuery['standing']>, SQL> = {
  drawnBelow: sql`d.fund_drawn_yuan * 10000 < d.payroll_yuan * ${Math.round(fundRules.drawnMin * 10_000)}`,
  drawnAbove: sql`d.fund_drawn_yuan * 10000 > d.payroll_yuan * ${Math.round(fundRules.drawnMax * 10_000)}`,
  frontlineBelow: sql`d.frontline_share_pct < ${fundRules.frontlineMin * 100}`,
};

export function declarationListWhere(access: Access, q: Omit<DeclarationListQuery, 'page' | 'pageSize' | 'year'>): SQL {
  return sql.join(
    [
      scopeOf(access),
      q.districtId ? sql`o.district_id = ${q.districtId}` : sql`true`,
      q.q ? sql`(o.name ilike ${`%${escapeLike(q.q)}%`} or o.code = ${q.q})` : sql`true`,
      q.standing ? STANDING[q.standing] : sql`true`,
    ],
    sql` and `,
  );
}

export async function listDeclarations(db: Db, access: Access, q: DeclarationListQuery, today: string) {
  const year = q.year ?? declarationYearOn(today);
  const where = declarationListWhere(access, q);
  const [items, [count]] = await Promise.all([
    rows<Row>(db, sql`${declarationRows(year, where)} order by o.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enterprise_declarations d join organisations o on o.id = d.enterprise_id where d.year = ${year} and ${where}`,
    ),
  ]);
  return { items: items.map(toDeclaration), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getDeclaration(db: Db | Tx, access: Access, id: string): Promise<Declaration> {
  const [found] = await rows<{ year: number }>(
    db,
    sql`select d.year from enterprise_declarations d join organisations o on o.id = d.enterprise_id where d.id = ${id} and ${scopeOf(access)}`,
  );
  if (!found) throw notFound('企业年度申报');
  const [row] = await rows<Row>(db, declarationRows(found.year, sql`d.id = ${id}`));
  return toDeclaration(row!);
}

interface EnterpriseFacts {
  id: string;
  name: string;
  districtId: string | null;
  status: string;
  aboveDesignatedSize: boolean;
  staffCount: number;
}

async function enterpriseInScope(db: Db | Tx, access: Access, enterpriseId: string): Promise<EnterpriseFacts> {
  const [e] = await rows<EnterpriseFacts>(
    db,
    sql`select o.id, o.name, o.district_id as "districtId", o.status, e.above_designated_size as "aboveDesignatedSize", e.staff_count as "staffCount"
      from enterprises e join organisations o on o.id = e.organisation_id
      where o.id = ${enterpriseId} and ${scopeOfEnterprise(access)}`,
  );
  if (!e) throw notFound('企业');
  return e;
}

function scopeOfEnterprise(access: Access): SQL {
  if (access.kind === 'city') return sql`true`;
  if (access.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  if (access.districtIds.length)
    parts.push(
      sql`o.district_id in (${sql.join(
        access.districtIds.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`,
    );
  if (access.organisationIds.length)
    parts.push(
      sql`o.id in (${sql.join(
        access.organisationIds.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The form for one enterprise and year: what the register knows (internship places, staff), the declaration if made. */
export async function declarationForm(db: Db, access: Access, enterpriseId: string, year: number): Promise<DeclarationForm> {
  const e = await enterpriseInScope(db, access, enterpriseId);
  const [places] = await rows<{ places: number }>(
    db,
    sql`select coalesce((select places from ${offeredPlaces(year)} where offered.enterprise_id = ${enterpriseId}), 0)::int as places`,
  );
  const [row] = await rows<Row>(db, declarationRows(year, sql`d.enterprise_id = ${enterpriseId}`));
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    year,
    aboveDesignatedSize: e.aboveDesignatedSize,
    internshipPlaces: places?.places ?? 0,
    staffCount: e.staffCount,
    declaration: row ? toDeclaration(row) : null,
    rules: declarationStanding({ payrollYuan: 0, fundDrawnYuan: 0, fundSpentYuan: 0, frontlineSharePct: 0, peopleTrained: 0 }, fundRules)
      .rules,
  };
}

/**
 * Declares (or corrects) one enterprise's figures of one year: the enterprise's own account only (grant
 * `declaration.save`, scope organisation). A year not yet begun is refused; a correction names the version read.
 */
export async function saveDeclaration(
  tx: Tx,
  audit: Auditor,
  access: Access,
  enterpriseId: string,
  year: number,
  input: DeclarationSave,
  userId: string,
  now: Date,
  today: string,
): Promise<{ declaration: Declaration; created: boolean }> {
  const e = await enterpriseInScope(tx, access, enterpriseId);
  if (e.status !== 'active') throw new AppError('INVALID_STATE', '企业不在册（待审核或已注销），不能申报');
  if (year > yearOf(today)) throw validationFailed({ year: `只能申报已开始的年度（${yearOf(today)}年及以前）` }, '申报年度尚未开始');
  // The contract checks the same rules; a direct call (import, script) must not bypass them.
  const problems = declarationProblems(input);
  if (Object.keys(problems).length) throw validationFailed(problems);
  const values = {
    payrollYuan: input.payrollYuan,
    fundDrawnYuan: input.fundDrawnYuan,
    fundSpentYuan: input.fundSpentYuan,
    frontlineSharePct: input.frontlineSharePct,
    peopleTrained: input.peopleTrained,
    sasacLevel: input.stateOwned ? input.sasacLevel : null,
    vocationalInvestmentYuan: input.vocationalInvestmentYuan ?? null,
    educationSurchargesYuan: input.educationSurchargesYuan ?? null,
  };
  const [before] = await rows<Row>(tx, sql`${declarationRows(year, sql`d.enterprise_id = ${enterpriseId}`)} for update of d`);
  if (!before) {
    if (input.version !== undefined) throw versionConflict();
    const inserted = await tx
      .insert(enterpriseDeclarations)
      .values({ enterpriseId, year, ...values, declaredBy: userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: enterpriseDeclarations.id });
    // Two first declarations at once: the second is told to reload, as for a stale edit.
    if (!inserted.length) throw versionConflict();
    await audit.record({
      action: 'declare',
      entityType: 'enterpriseDeclaration',
      entityId: inserted[0]!.id,
      after: { enterpriseId, year, ...values },
    });
    return { declaration: await getDeclaration(tx, { kind: 'city' }, inserted[0]!.id), created: true };
  }
  if (input.version === undefined || input.version !== before.version) throw versionConflict();
  const old: Record<string, unknown> = {
    payrollYuan: Number(before.payrollYuan),
    fundDrawnYuan: Number(before.fundDrawnYuan),
    fundSpentYuan: Number(before.fundSpentYuan),
    frontlineSharePct: Number(before.frontlineSharePct),
    peopleTrained: before.peopleTrained,
    sasacLevel: before.sasacLevel,
    vocationalInvestmentYuan: before.vocationalInvestmentYuan === null ? null : Number(before.vocationalInvestmentYuan),
    educationSurchargesYuan: before.educationSurchargesYuan === null ? null : Number(before.educationSurchargesYuan),
  };
  const touched = (Object.keys(values) as Array<keyof typeof values>).filter((k) => values[k] !== old[k]);
  await tx
    .update(enterpriseDeclarations)
    .set({ ...values, declaredBy: userId, version: sql`${enterpriseDeclarations.version} + 1`, updatedAt: now })
    .where(sql`${enterpriseDeclarations.id} = ${before.id}`);
  await audit.record({
    action: 'correct',
    entityType: 'enterpriseDeclaration',
    entityId: before.id,
    before: Object.fromEntries(touched.map((k) => [k, old[k]])),
    after: Object.fromEntries(touched.map((k) => [k, values[k]])),
  });
  return { declaration: await getDeclaration(tx, { kind: 'city' }, before.id), created: false };
}

const SUMMARY = (year: number, where: SQL) => sql`
  select count(*)::int as enterprises, coalesce(sum(d.payroll_yuan), 0)::float8 as "payrollYuan",
    coalesce(sum(d.fund_drawn_yuan), 0)::float8 as "fundDrawnYuan", coalesce(sum(d.fund_spent_yuan), 0)::float8 as "fundSpentYuan",
    coalesce(sum(d.fund_spent_yuan * d.frontline_share_pct / 100), 0)::float8 as "frontlineYuan",
    coalesce(sum(d.people_trained), 0)::int as "peopleTrained", coalesce(sum(offered.places), 0)::int as "internshipPlaces"
  from enterprise_declarations d join organisations o on o.id = d.enterprise_id
  left join ${offeredPlaces(year)} on offered.enterprise_id = d.enterprise_id
  where d.year = ${year} and ${where}`;

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

/** The 国资委's view: state-owned enterprises' declarations of a year and their totals (三 18 绩效考核). */
export async function listStateOwnedDeclarations(db: Db, q: StateOwnedDeclarationQuery, today: string) {
  const year = q.year ?? declarationYearOn(today);
  const where = sql`d.sasac_level is not null and ${q.sasacLevel ? sql`d.sasac_level = ${q.sasacLevel}` : sql`true`}`;
  const [items, [s]] = await Promise.all([
    rows<Row>(
      db,
      sql`${declarationRows(year, where)} order by d.sasac_level, o.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{
      enterprises: number;
      payrollYuan: number;
      fundDrawnYuan: number;
      fundSpentYuan: number;
      frontlineYuan: number;
      peopleTrained: number;
      internshipPlaces: number;
    }>(db, SUMMARY(year, where)),
  ]);
  const sum = s!;
  return {
    items: items.map(toDeclaration),
    total: sum.enterprises,
    page: q.page,
    pageSize: q.pageSize,
    summary: {
      year,
      ...sum,
      drawnSharePct: ratio(sum.fundDrawnYuan, sum.payrollYuan),
      frontlineSharePct: ratio(sum.frontlineYuan, sum.fundSpentYuan),
    },
  };
}

/**
 * 未申报企业: active enterprises above designated size in the caller's scope without a declaration of the year (the
 * training-fund targets count only those who declared, so the district knows whom to chase).
 */
export async function undeclaredEnterprises(db: Db, access: Access, q: UndeclaredQuery, today: string) {
  const year = q.year ?? declarationYearOn(today);
  const where = sql`e.above_designated_size and o.status = 'active' and ${scopeOfEnterprise(access)}
    and ${q.districtId ? sql`o.district_id = ${q.districtId}` : sql`true`}
    and not exists (select 1 from enterprise_declarations d where d.enterprise_id = o.id and d.year = ${year})`;
  const [items, [n]] = await Promise.all([
    rows<{ enterpriseId: string; enterpriseName: string; uscc: string; districtName: string | null; staffCount: number }>(
      db,
      sql`select o.id as "enterpriseId", o.name as "enterpriseName", o.code as uscc, dist.name as "districtName", e.staff_count as "staffCount"
      from enterprises e join organisations o on o.id = e.organisation_id left join organisations dist on dist.id = o.district_id
      where ${where} order by o.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enterprises e join organisations o on o.id = e.organisation_id where ${where}`,
    ),
  ]);
  return { year, items, total: n?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
