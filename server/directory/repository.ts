import { and, asc, eq, ilike, inArray, isNull, like, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PUBLIC_CARRIER_STATUSES } from '../../core/registry/carrier-kinds.ts';
import { notFound } from '../../core/errors.ts';
import { CERTIFIED_STATUSES } from '../../contracts/enterprises.ts';
import type { z } from 'zod';
import type {
  directoryCarrierQuery,
  directoryEnterpriseQuery,
  directoryProgramQuery,
  directorySchoolQuery,
} from '../../contracts/directory.ts';
import type { Db } from '../platform/db/engine.ts';
import {
  carrierPartners,
  carriers,
  catalogueEditions,
  enterprises,
  industries,
  industryClusters,
  majors,
  organisations,
  programs,
  schools,
} from '../platform/db/schema/index.ts';
import { INDUSTRY_EDITION, industryNameSql } from '../catalogues/index.ts';
import { escapeLike } from '../platform/registry-guards.ts';
import { countOf } from '../platform/db/paging.ts';
import { syncNameSort } from '../registry/index.ts';

/**
 * The public directory. Anonymous callers see only what an organisation publishes about itself: active
 * schools and their programs, certified enterprises, working carriers. The selects name their columns one
 * by one so that nothing personal or confidential (staff counts, payroll, accounts) can slip in.
 */
const district = alias(organisations, 'district');
const lead = alias(organisations, 'lead');
const contains = (col: Parameters<typeof ilike>[0], q: string) => ilike(col, `%${escapeLike(q)}%`);
const page = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

const programCount = sql<number>`(select count(*)::int from programs p where p.school_id = ${organisations.id} and p.status = 'active')`;

function selectSchools(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      code: organisations.code,
      level: schools.level,
      ownership: schools.ownership,
      enterpriseRun: schools.enterpriseRun,
      districtId: organisations.districtId,
      districtName: district.name,
      programCount,
    })
    .from(organisations)
    .innerJoin(schools, eq(schools.organisationId, organisations.id))
    .leftJoin(district, eq(district.id, organisations.districtId));
}

export async function directorySchools(db: Db, q: z.infer<typeof directorySchoolQuery>) {
  await syncNameSort(db, 'organisations');
  const where = and(
    eq(organisations.status, 'active'),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.level ? eq(schools.level, q.level) : undefined,
    q.q ? contains(organisations.name, q.q) : undefined,
  );
  const [items, total] = await Promise.all([
    selectSchools(db)
      .where(where)
      .orderBy(asc(organisations.nameSort), asc(organisations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(organisations)
        .innerJoin(schools, eq(schools.organisationId, organisations.id))
        .where(where),
    ),
  ]);
  return page(items, total, q);
}

export async function directorySchool(db: Db, id: string) {
  const [school] = await selectSchools(db).where(and(eq(organisations.id, id), eq(organisations.status, 'active')));
  if (!school) throw notFound('学校');
  const { items } = await directoryPrograms(db, { schoolId: id, page: 1, pageSize: 200 });
  return { ...school, programs: items };
}

export async function directoryPrograms(db: Db, q: z.infer<typeof directoryProgramQuery>) {
  await syncNameSort(db, 'organisations');
  const where = and(
    eq(programs.status, 'active'),
    eq(organisations.status, 'active'),
    q.schoolId ? eq(programs.schoolId, q.schoolId) : undefined,
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.majorCode ? eq(majors.code, q.majorCode) : undefined,
    q.q ? or(contains(majors.name, q.q), contains(organisations.name, q.q)) : undefined,
  );
  const [items, total] = await Promise.all([
    db
      .select({
        id: programs.id,
        schoolId: programs.schoolId,
        schoolName: organisations.name,
        majorCode: majors.code,
        majorName: majors.name,
        majorLevel: majors.level,
        startYear: programs.startYear,
        districtName: district.name,
      })
      .from(programs)
      .innerJoin(organisations, eq(organisations.id, programs.schoolId))
      .innerJoin(majors, eq(majors.id, programs.majorId))
      .leftJoin(district, eq(district.id, organisations.districtId))
      .where(where)
      .orderBy(asc(organisations.nameSort), asc(majors.code), asc(programs.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(programs)
        .innerJoin(organisations, eq(organisations.id, programs.schoolId))
        .innerJoin(majors, eq(majors.id, programs.majorId))
        .where(where),
    ),
  ]);
  return page(items, total, q);
}

export async function directoryEnterprises(db: Db, q: z.infer<typeof directoryEnterpriseQuery>) {
  await syncNameSort(db, 'organisations');
  const where = and(
    eq(organisations.status, 'active'),
    q.integrationStatus
      ? eq(enterprises.integrationStatus, q.integrationStatus)
      : inArray(enterprises.integrationStatus, [...CERTIFIED_STATUSES]),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
    q.clusterCode ? eq(enterprises.clusterCode, q.clusterCode) : undefined,
    q.industryCode ? like(enterprises.industryCode, `${q.industryCode}%`) : undefined,
    q.q ? or(contains(organisations.name, q.q), eq(organisations.code, q.q.toUpperCase())) : undefined,
  );
  const [items, total] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        uscc: organisations.code,
        size: enterprises.size,
        districtId: organisations.districtId,
        districtName: district.name,
        industryCode: enterprises.industryCode,
        industryName: industryNameSql(enterprises.industryCode),
        clusterCode: enterprises.clusterCode,
        clusterName: industryClusters.name,
        integrationStatus: sql<(typeof CERTIFIED_STATUSES)[number]>`${enterprises.integrationStatus}`,
      })
      .from(organisations)
      .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
      .leftJoin(district, eq(district.id, organisations.districtId))
      .leftJoin(industryClusters, eq(industryClusters.code, enterprises.clusterCode))
      .where(where)
      .orderBy(asc(organisations.nameSort), asc(organisations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(organisations)
        .innerJoin(enterprises, eq(enterprises.organisationId, organisations.id))
        .where(where),
    ),
  ]);
  return page(items, total, q);
}

export async function directoryCarriers(db: Db, q: z.infer<typeof directoryCarrierQuery>) {
  await syncNameSort(db, 'carriers');
  await syncNameSort(db, 'organisations');
  const where = and(
    isNull(carriers.archivedAt),
    // A carrier whose lead has been archived is not presented as working (the search index agrees).
    ne(lead.status, 'archived'),
    inArray(carriers.status, [...PUBLIC_CARRIER_STATUSES]),
    q.kind ? eq(carriers.kind, q.kind) : undefined,
    q.level ? eq(carriers.level, q.level) : undefined,
    q.districtId ? eq(carriers.districtId, q.districtId) : undefined,
    q.clusterCode ? eq(carriers.clusterCode, q.clusterCode) : undefined,
    q.q ? or(contains(carriers.name, q.q), contains(lead.name, q.q)) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({
        id: carriers.id,
        kind: carriers.kind,
        name: carriers.name,
        level: carriers.level,
        status: sql<(typeof PUBLIC_CARRIER_STATUSES)[number]>`${carriers.status}`,
        leadName: lead.name,
        districtId: carriers.districtId,
        districtName: district.name,
        clusterName: industryClusters.name,
        startDate: carriers.startDate,
        certifiedAt: carriers.certifiedAt,
        certifyingBody: carriers.certifyingBody,
      })
      .from(carriers)
      .innerJoin(lead, eq(lead.id, carriers.leadOrganisationId))
      .leftJoin(district, eq(district.id, carriers.districtId))
      .leftJoin(industryClusters, eq(industryClusters.code, carriers.clusterCode))
      .where(where)
      .orderBy(asc(carriers.nameSort), asc(carriers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(carriers)
        .innerJoin(lead, eq(lead.id, carriers.leadOrganisationId))
        .where(where),
    ),
  ]);
  const partners = rows.length
    ? await db
        .select({ carrierId: carrierPartners.carrierId, name: organisations.name })
        .from(carrierPartners)
        .innerJoin(organisations, eq(organisations.id, carrierPartners.organisationId))
        .where(
          inArray(
            carrierPartners.carrierId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(organisations.nameSort))
    : [];
  const items = rows.map((r) => ({ ...r, partnerNames: partners.filter((p) => p.carrierId === r.id).map((p) => p.name) }));
  return page(items, total, q);
}

/** The filters' choices: districts and the plan's clusters. */
export async function directoryOptions(db: Db) {
  const [districts, clusters] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name, code: organisations.code })
      .from(organisations)
      .where(and(eq(organisations.kind, 'district'), eq(organisations.status, 'active')))
      .orderBy(asc(organisations.code)),
    db.select({ code: industryClusters.code, name: industryClusters.name }).from(industryClusters).orderBy(asc(industryClusters.sortOrder)),
  ]);
  return { districts, clusters };
}

/** Industry look-up (current GB/T 4754 edition): code-prefix matches first, then by code, at most 20. */
export async function directoryIndustries(db: Db, q: string) {
  const codeFirst = sql`case when ${industries.code} like ${`${escapeLike(q)}%`} then 0 else 1 end`;
  const items = await db
    .select({ code: industries.code, name: industries.name, level: industries.level })
    .from(industries)
    .innerJoin(catalogueEditions, eq(catalogueEditions.id, industries.editionId))
    .where(
      and(
        eq(catalogueEditions.kind, 'industry'),
        eq(catalogueEditions.edition, INDUSTRY_EDITION),
        or(like(industries.code, `${escapeLike(q)}%`), contains(industries.name, q)),
      ),
    )
    .orderBy(codeFirst, asc(industries.code))
    .limit(20);
  return { items };
}
