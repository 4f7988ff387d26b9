import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import {
  declarationProblems,
  FUNDING_STANDING_LABELS,
  fundingGroupOf,
  fundingStanding,
  highSchoolProblems,
  perStudentYuan,
  type FundingGroup,
} from '../../../core/funding/index.ts';
import type {
  DeclarationListQuery,
  DeclarationPage,
  DeclarationPut,
  FundingDeclaration,
  HighSchoolFigure,
  HighSchoolFigures,
  HighSchoolPut,
} from '../../../contracts/funding.ts';
import { currentPlan, fundingPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { fundingDeclarations, highSchoolFunding } from '../../platform/db/schema/index.ts';

/**
 * 生均财政拨款: the school's yearly declaration (its own school only), the lists its district, the bureau and the
 * departments read with each school's standing, and the 普通高中 figure the 市财政局 enters. Every read is filtered
 * by the caller's scope, so another school's declaration is simply not found (404).
 */
type Row = {
  id: string;
  schoolId: string;
  schoolName: string;
  districtName: string | null;
  ownership: 'public' | 'private';
  level: string;
  year: number;
  appropriationYuan: number;
  students: number;
  perStudentYuan: number;
  note: string | null;
  version: number;
  updatedAt: string;
  highSchoolYuan: number | null;
};

/** The 高职 floor of the plan (rules.per_student_funding, 12,000 元). */
export function higherFloorYuan(): number {
  const r = currentPlan.rules.per_student_funding;
  if (r?.kind !== 'amount') throw new Error('policy rules.per_student_funding should be an amount');
  return r.value;
}

const scopeSql = (access: Access): SQL => scopeSqlOn(access, { districtId: 'd.district_id', organisationId: 'd.school_id' });

const SELECT = sql`select d.id, d.school_id as "schoolId", o.name as "schoolName", dist.name as "districtName", s.ownership, s.level,
  d.year, d.appropriation_yuan::float8 as "appropriationYuan", d.students, d.per_student_yuan as "perStudentYuan", d.note, d.version,
  to_char(d.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt", h.per_student_yuan as "highSchoolYuan"
  from funding_declarations d join organisations o on o.id = d.school_id join schools s on s.organisation_id = d.school_id
  left join organisations dist on dist.id = d.district_id left join high_school_funding h on h.year = d.year`;

function toDeclaration(r: Row): FundingDeclaration {
  const group = fundingGroupOf(policy, r);
  const floor = higherFloorYuan();
  const standing = fundingStanding(group, r.perStudentYuan, { higherFloorYuan: floor, highSchoolYuan: r.highSchoolYuan });
  return {
    id: r.id,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    districtName: r.districtName,
    ownership: r.ownership,
    level: r.level,
    group,
    year: r.year,
    appropriationYuan: r.appropriationYuan,
    students: r.students,
    perStudentYuan: r.perStudentYuan,
    standing,
    standingLabel: FUNDING_STANDING_LABELS[standing],
    thresholdYuan: group === 'higher' ? floor : group === 'secondary' ? r.highSchoolYuan : null,
    note: r.note,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** The year a list shows by default: the latest declared in scope, else last year. */
async function defaultYear(db: Db, access: Access, now: Date): Promise<number> {
  const [r] = await rows<{ y: number | null }>(db, sql`select max(d.year) as y from funding_declarations d where ${scopeSql(access)}`);
  return r?.y ?? Number(todayOf(now).slice(0, 4)) - 1;
}

/** Every declaration of the year in scope with its standing (optionally only one standing), below-threshold first. */
export async function allDeclarations(
  db: Db,
  access: Access,
  q: { year?: number | undefined; standing?: FundingDeclaration['standing'] | undefined },
  now: Date,
): Promise<{ year: number; items: FundingDeclaration[] }> {
  const year = q.year ?? (await defaultYear(db, access, now));
  const all = (
    await rows<Row>(db, sql`${SELECT} where d.year = ${year} and ${scopeSql(access)} order by d.per_student_yuan, o.name, d.id`)
  ).map(toDeclaration);
  const order: Record<FundingDeclaration['standing'], number> = { below: 0, noBenchmark: 1, meets: 2, notCounted: 3 };
  const items = all.filter((d) => !q.standing || d.standing === q.standing).sort((a, b) => order[a.standing] - order[b.standing]);
  return { year, items };
}

export async function listDeclarations(db: Db, access: Access, q: DeclarationListQuery, now: Date): Promise<DeclarationPage> {
  const { year, items } = await allDeclarations(db, access, q, now);
  const [hs] = await rows<{ v: number }>(db, sql`select per_student_yuan as v from high_school_funding where year = ${year}`);
  // The public 高职 / 中职 schools in scope (active), whether they declared or not: who is still missing shows.
  const schools = await rows<{ ownership: string; level: string }>(
    db,
    sql`select s.ownership, s.level from schools s join organisations o on o.id = s.organisation_id
      where o.status = 'active' and ${schoolScope(access)}`,
  );
  const count = (g: FundingGroup) => {
    const inGroup = items.filter((d) => d.group === g);
    return {
      schools: schools.filter((s) => fundingGroupOf(policy, s) === g).length,
      declared: inGroup.length,
      meeting: inGroup.filter((d) => d.standing === 'meets').length,
    };
  };
  const page = items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return {
    items: page,
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
    year,
    higherFloorYuan: higherFloorYuan(),
    highSchoolYuan: hs?.v ?? null,
    summary: { higher: count('higher'), secondary: count('secondary') },
  };
}

const schoolScope = (access: Access): SQL => {
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
};

export async function getDeclaration(db: Db | Tx, access: Access, id: string): Promise<FundingDeclaration> {
  const [r] = await rows<Row>(db, sql`${SELECT} where d.id = ${id} and ${scopeSql(access)}`);
  if (!r) throw notFound('生均拨款申报');
  return toDeclaration(r);
}

/** The caller's school (a school account's own organisation), with what decides its threshold. */
async function ownSchool(db: Db | Tx, access: Access) {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [s] = ids.length
    ? await rows<{ id: string; name: string; districtId: string | null; ownership: string; level: string }>(
        db,
        sql`select o.id, o.name, o.district_id as "districtId", s.ownership, s.level from organisations o join schools s on s.organisation_id = o.id
          where o.id in (${sql.join(
            ids.map((x) => sql`${x}::uuid`),
            sql`, `,
          )}) and o.kind = 'school' and o.status = 'active' limit 1`,
      )
    : [];
  if (!s) throw notFound('学校');
  return s;
}

export async function myDeclarations(db: Db, access: Access) {
  const s = await ownSchool(db, access);
  const items = (await rows<Row>(db, sql`${SELECT} where d.school_id = ${s.id} order by d.year desc`)).map(toDeclaration);
  return { schoolName: s.name, group: fundingGroupOf(policy, s), higherFloorYuan: higherFloorYuan(), items };
}

/** The school declares (or corrects, naming the version it read) its figure of a year. */
export async function putDeclaration(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  year: number,
  body: DeclarationPut,
  now: Date,
): Promise<FundingDeclaration> {
  const s = await ownSchool(tx, access);
  const fields = declarationProblems(
    policy,
    { year, appropriationYuan: body.appropriationYuan, students: body.students },
    Number(todayOf(now).slice(0, 4)),
  );
  if (Object.keys(fields).length) throw validationFailed(fields);
  const per = perStudentYuan(body.appropriationYuan, body.students);
  const values = {
    appropriationYuan: Math.round(body.appropriationYuan),
    students: body.students,
    perStudentYuan: per,
    note: body.note ?? null,
  };
  const [before] = await rows<{ id: string; version: number; appropriationYuan: number; students: number; note: string | null }>(
    tx,
    sql`select id, version, appropriation_yuan::float8 as "appropriationYuan", students, note from funding_declarations
      where school_id = ${s.id} and year = ${year} for update`,
  );
  let id: string;
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await tx
      .insert(fundingDeclarations)
      .values({ schoolId: s.id, districtId: s.districtId, year, ...values, declaredBy: userId, createdAt: now, updatedAt: now })
      .returning({ id: fundingDeclarations.id });
    id = created!.id;
    await audit.record({ action: 'create', entityType: 'fundingDeclaration', entityId: id, after: { schoolId: s.id, year, ...values } });
  } else {
    if (body.version === undefined || body.version !== before.version) throw versionConflict();
    id = before.id;
    await tx.execute(sql`update funding_declarations set appropriation_yuan = ${values.appropriationYuan}, students = ${values.students},
      per_student_yuan = ${per}, note = ${values.note}, declared_by = ${userId}, version = version + 1, updated_at = ${now} where id = ${id}`);
    await audit.record({
      action: 'update',
      entityType: 'fundingDeclaration',
      entityId: id,
      before: { appropriationYuan: before.appropriationYuan, students: before.students, note: before.note },
      after: values,
    });
  }
  return getDeclaration(tx, access, id);
}

async function figures(db: Db | Tx): Promise<HighSchoolFigure[]> {
  return rows<HighSchoolFigure>(
    db,
    sql`select h.year, h.per_student_yuan as "perStudentYuan", o.name as "enteredByName", h.version,
      to_char(h.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt"
      from high_school_funding h join organisations o on o.id = h.organisation_id order by h.year desc`,
  );
}

/** The caller's organisation when it is the unit that enters the 普高 figure (funding.enteredBy), else null. */
async function enteringUnit(db: Db | Tx, access: Access): Promise<{ id: string } | null> {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  if (!ids.length) return null;
  const [unit] = await rows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'department' and code = ${policy.enteredBy} and status = 'active'
      and id in (${sql.join(
        ids.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`,
  );
  return unit ?? null;
}

const unitName = () => currentPlan.units.find((u) => u.code === policy.enteredBy)?.name ?? policy.enteredBy;

export async function listHighSchool(db: Db, enter: Access): Promise<HighSchoolFigures> {
  return { items: await figures(db), canEnter: (await enteringUnit(db, enter)) !== null, enteredBy: unitName() };
}

/** The 市财政局 enters (or corrects) the year's local 普通高中 figure; another department's account is refused. */
export async function putHighSchool(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  year: number,
  body: HighSchoolPut,
  now: Date,
): Promise<HighSchoolFigure> {
  const unit = await enteringUnit(tx, access);
  if (!unit) throw new AppError('FORBIDDEN', `当地普通高中生均财政拨款由${unitName()}录入`);
  const fields = highSchoolProblems(policy, { year, perStudentYuan: body.perStudentYuan }, Number(todayOf(now).slice(0, 4)));
  if (Object.keys(fields).length) throw validationFailed(fields);
  const [before] = await rows<{ version: number; perStudentYuan: number }>(
    tx,
    sql`select version, per_student_yuan as "perStudentYuan" from high_school_funding where year = ${year} for update`,
  );
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    await tx
      .insert(highSchoolFunding)
      .values({ year, perStudentYuan: body.perStudentYuan, organisationId: unit.id, enteredBy: userId, createdAt: now, updatedAt: now });
    await audit.record({
      action: 'create',
      entityType: 'highSchoolFunding',
      entityId: String(year),
      after: { year, perStudentYuan: body.perStudentYuan },
    });
  } else {
    if (body.version === undefined || body.version !== before.version) throw versionConflict();
    await tx.execute(sql`update high_school_funding set per_student_yuan = ${body.perStudentYuan}, organisation_id = ${unit.id},
      entered_by = ${userId}, version = version + 1, updated_at = ${now} where year = ${year}`);
    await audit.record({
      action: 'update',
      entityType: 'highSchoolFunding',
      entityId: String(year),
      before: { perStudentYuan: before.perStudentYuan },
      after: { perStudentYuan: body.perStudentYuan },
    });
  }
  return (await figures(tx)).find((h) => h.year === year)!;
}
