import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, type Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldErrors } from '../../../core/errors.ts';
import { carrierProblems, operatingVerifyProblem, touchesCertification, type CarrierFacts } from '../../../core/registry/carrier-rules.ts';
import type { Carrier, CarrierCreate, CarrierListQuery, CarrierUpdate } from '../../../contracts/carriers.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { carrierPartners, carriers, industryClusters, organisations } from '../../platform/db/schema/index.ts';
import { reindexEntity } from '../../search/index.ts';
import { carrierReadScope, carrierWriteScope } from './carrier-scope.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { countOf } from '../../platform/db/paging.ts';
import { syncNameSort } from './name-sort.ts';

const lead = alias(organisations, 'lead');
const district = alias(organisations, 'district');

function selectCarriers(db: Db | Tx) {
  return db
    .select({
      id: carriers.id,
      kind: carriers.kind,
      name: carriers.name,
      level: carriers.level,
      leadId: lead.id,
      leadName: lead.name,
      leadKind: lead.kind,
      districtId: carriers.districtId,
      districtName: district.name,
      clusterCode: carriers.clusterCode,
      clusterName: industryClusters.name,
      legalPerson: carriers.legalPerson,
      country: carriers.country,
      startDate: carriers.startDate,
      endDate: carriers.endDate,
      status: carriers.status,
      certifiedAt: carriers.certifiedAt,
      certifyingBody: carriers.certifyingBody,
      operatingVerifiedAt: sql<string | null>`to_char(${carriers.operatingVerifiedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
      archivedAt: carriers.archivedAt,
      isDemo: carriers.isDemo,
      version: carriers.version,
    })
    .from(carriers)
    .innerJoin(lead, eq(lead.id, carriers.leadOrganisationId))
    .leftJoin(district, eq(district.id, carriers.districtId))
    .leftJoin(industryClusters, eq(industryClusters.code, carriers.clusterCode));
}
type Row = Awaited<ReturnType<typeof selectCarriers>>[number];

/** Partners of the given carriers, in one query for a whole page. */
async function partnersOf(db: Db | Tx, ids: string[]) {
  const byCarrier = new Map<string, Carrier['partners']>();
  if (!ids.length) return byCarrier;
  const rows = await db
    .select({ carrierId: carrierPartners.carrierId, id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(carrierPartners)
    .innerJoin(organisations, eq(organisations.id, carrierPartners.organisationId))
    .where(inArray(carrierPartners.carrierId, ids))
    .orderBy(asc(organisations.nameSort));
  for (const { carrierId, ...org } of rows) byCarrier.set(carrierId, [...(byCarrier.get(carrierId) ?? []), org]);
  return byCarrier;
}

async function withPartners(db: Db | Tx, rows: Row[]): Promise<Carrier[]> {
  const partners = await partnersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ leadId, leadName, leadKind, archivedAt, ...r }) => ({
    ...r,
    lead: { id: leadId, name: leadName, kind: leadKind },
    partners: partners.get(r.id) ?? [],
    archived: archivedAt !== null,
  }));
}

const SORTS: Record<CarrierListQuery['sort'], SQL> = {
  name: asc(carriers.nameSort),
  '-name': desc(carriers.nameSort),
  startDate: asc(carriers.startDate),
  '-startDate': desc(carriers.startDate),
  updated: asc(carriers.updatedAt),
  '-updated': desc(carriers.updatedAt),
};

export async function listCarriers(db: Db, access: Access, q: CarrierListQuery) {
  await syncNameSort(db, 'carriers');
  const where = and(
    carrierReadScope(access, lead.districtId),
    q.includeArchived ? undefined : isNull(carriers.archivedAt),
    q.kind ? eq(carriers.kind, q.kind) : undefined,
    q.level ? eq(carriers.level, q.level) : undefined,
    q.status ? eq(carriers.status, q.status) : undefined,
    q.districtId ? eq(carriers.districtId, q.districtId) : undefined,
    q.clusterCode ? eq(carriers.clusterCode, q.clusterCode) : undefined,
    q.organisationId
      ? or(
          eq(carriers.leadOrganisationId, q.organisationId),
          sql`exists (select 1 from carrier_partners cp where cp.carrier_id = ${carriers.id} and cp.organisation_id = ${q.organisationId})`,
        )
      : undefined,
    q.q ? ilike(carriers.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const [rows, total] = await Promise.all([
    selectCarriers(db)
      .where(where)
      .orderBy(SORTS[q.sort], asc(carriers.id))
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
  return { items: await withPartners(db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function getCarrier(db: Db | Tx, access: Access, id: string): Promise<Carrier> {
  const [row] = await selectCarriers(db).where(and(eq(carriers.id, id), carrierReadScope(access, lead.districtId)));
  if (!row) throw notFound('载体');
  return (await withPartners(db, [row]))[0]!;
}

/**
 * The carrier for an edit: NOT_FOUND when the caller cannot see it at all, FORBIDDEN when they see it as a
 * partner (or a partner's district) but it is the lead's side that keeps it.
 */
async function carrierForWrite(tx: Tx, access: Access, id: string): Promise<Carrier> {
  const [row] = await selectCarriers(tx).where(and(eq(carriers.id, id), carrierWriteScope(access, lead.districtId)));
  if (row) return (await withPartners(tx, [row]))[0]!;
  await getCarrier(tx, access, id);
  throw new AppError('FORBIDDEN', '只有牵头单位、所在区县或市教育局可以修改该载体');
}

/** How far the caller reaches for recording a certification (carrier.certify). */
export interface CarrierPowers {
  certify: Access;
}

export async function createCarrier(
  tx: Tx,
  audit: Auditor,
  access: Access,
  powers: CarrierPowers,
  input: CarrierCreate,
  now: Date,
): Promise<Carrier> {
  const leadOrg = await findOrganisation(tx, input.leadOrganisationId);
  if (!leadOrg) throw validationFailed({ leadOrganisationId: '牵头单位不存在' });
  const districtId = input.districtId ?? (leadOrg.kind === 'district' ? leadOrg.id : leadOrg.districtId);
  if (!inScope(access, { organisationId: leadOrg.id, districtId })) {
    throw validationFailed({ leadOrganisationId: '牵头单位或所在区县不在您的管理范围内' });
  }
  const partnerIds = await checkedPartners(tx, input.partnerIds ?? [], leadOrg.id);
  await checkRefs(tx, { districtId: input.districtId, clusterCode: input.clusterCode });
  const facts = factsOf(input, null);
  checkFacts(facts);
  if (touchesCertification(null, input) && !inScope(powers.certify, { organisationId: leadOrg.id, districtId })) throw certifyForbidden();
  const [row] = await tx
    .insert(carriers)
    .values({
      kind: input.kind,
      name: input.name,
      level: input.level,
      leadOrganisationId: leadOrg.id,
      districtId,
      clusterCode: input.clusterCode ?? null,
      legalPerson: facts.legalPerson,
      country: facts.country,
      startDate: facts.startDate,
      endDate: facts.endDate,
      status: facts.status,
      certifiedAt: facts.certifiedAt,
      certifyingBody: facts.certifyingBody,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: carriers.id });
  if (partnerIds.length)
    await tx.insert(carrierPartners).values(partnerIds.map((organisationId) => ({ carrierId: row!.id, organisationId })));
  await reindexEntity(tx, 'carrier', row!.id);
  const after = await getCarrier(tx, { kind: 'city' }, row!.id);
  await audit.record({ action: 'create', entityType: 'carrier', entityId: row!.id, after: auditable(after) });
  return after;
}

export async function updateCarrier(
  tx: Tx,
  audit: Auditor,
  access: Access,
  powers: CarrierPowers,
  id: string,
  change: CarrierUpdate,
  now: Date,
): Promise<Carrier> {
  const before = await carrierForWrite(tx, access, id);
  if (before.archived) throw new AppError('CONFLICT', '载体已归档，请先恢复后再修改');
  const { version, partnerIds: newPartners, ...fields } = change;
  let leadId = before.lead.id;
  if (fields.leadOrganisationId !== undefined && fields.leadOrganisationId !== before.lead.id) {
    const leadOrg = await findOrganisation(tx, fields.leadOrganisationId);
    if (!leadOrg) throw validationFailed({ leadOrganisationId: '牵头单位不存在' });
    if (!inScope(access, { organisationId: leadOrg.id, districtId: fields.districtId ?? before.districtId })) {
      throw validationFailed({ leadOrganisationId: '新的牵头单位不在您的管理范围内' });
    }
    leadId = leadOrg.id;
  }
  if (
    fields.districtId != null &&
    fields.districtId !== before.districtId &&
    !inScope(access, { organisationId: leadId, districtId: fields.districtId })
  ) {
    throw validationFailed({ districtId: '所选区县(市)/开发区不在您的管理范围内' });
  }
  await checkRefs(tx, { districtId: fields.districtId, clusterCode: fields.clusterCode });
  checkFacts(factsOf(fields, before));
  if (touchesCertification(before, fields) && !inScope(powers.certify, { organisationId: leadId, districtId: before.districtId }))
    throw certifyForbidden();
  const partnerIds = newPartners === undefined ? undefined : await checkedPartners(tx, newPartners, leadId);

  // A change of status undoes the check that the carrier runs: it is verified again, on evidence, before it counts.
  const statusChanged = fields.status !== undefined && fields.status !== before.status;
  const bumped = await tx
    .update(carriers)
    .set({
      ...fields,
      ...(statusChanged && { operatingVerifiedAt: null, operatingVerifiedBy: null }),
      version: sql`${carriers.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(carriers.id, id), eq(carriers.version, version)))
    .returning({ id: carriers.id });
  if (!bumped.length) throw versionConflict();
  if (partnerIds) {
    await tx.delete(carrierPartners).where(eq(carrierPartners.carrierId, id));
    if (partnerIds.length) await tx.insert(carrierPartners).values(partnerIds.map((organisationId) => ({ carrierId: id, organisationId })));
  } else if (leadId !== before.lead.id) {
    // A partner that becomes the lead is no longer also a partner.
    await tx.delete(carrierPartners).where(and(eq(carrierPartners.carrierId, id), eq(carrierPartners.organisationId, leadId)));
  }
  await reindexEntity(tx, 'carrier', id);
  const after = await getCarrier(tx, { kind: 'city' }, id);
  const touched = Object.keys(change).filter((k) => k !== 'version');
  await audit.record({
    action: 'update',
    entityType: 'carrier',
    entityId: id,
    before: pick(auditable(before), touched),
    after: pick(auditable(after), touched),
  });
  return after;
}

/** Archive (hide from lists, never delete: targets and reports count it) or restore. */
export async function setCarrierArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
): Promise<Carrier> {
  const before = await carrierForWrite(tx, access, id);
  if (before.archived === archived) throw new AppError('CONFLICT', archived ? '载体已归档' : '载体未归档');
  const bumped = await tx
    .update(carriers)
    .set({ archivedAt: archived ? now : null, version: sql`${carriers.version} + 1`, updatedAt: now })
    .where(and(eq(carriers.id, id), eq(carriers.version, version)))
    .returning({ id: carriers.id });
  if (!bumped.length) throw versionConflict();
  await reindexEntity(tx, 'carrier', id);
  const after = await getCarrier(tx, { kind: 'city' }, id);
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'carrier',
    entityId: id,
    before: { archived: before.archived },
    after: { archived },
  });
  return after;
}

async function findOrganisation(db: Db | Tx, id: string) {
  const [org] = await db
    .select({ id: organisations.id, kind: organisations.kind, districtId: organisations.districtId, status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, id));
  return org && org.status !== 'archived' ? org : undefined;
}

/** Distinct partner organisations that exist, without the lead itself. */
async function checkedPartners(db: Db | Tx, ids: string[], leadId: string): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((x) => x !== leadId);
  if (!wanted.length) return [];
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, wanted), sql`${organisations.status} <> 'archived'`));
  if (found.length !== wanted.length) throw validationFailed({ partnerIds: '参与单位中有不存在或已归档的组织' });
  return wanted;
}

async function checkRefs(db: Db | Tx, refs: { districtId?: string | null; clusterCode?: string | null }) {
  const fields: FieldErrors = {};
  if (refs.districtId) {
    const [d] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, refs.districtId), eq(organisations.kind, 'district')));
    if (!d) fields.districtId = '所选区县(市)/开发区不存在';
  }
  if (refs.clusterCode) {
    const [c] = await db.select({ code: industryClusters.code }).from(industryClusters).where(eq(industryClusters.code, refs.clusterCode));
    if (!c) fields.clusterCode = `产业集群“${refs.clusterCode}”不是《实施方案》列出的产业集群`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

/** The record as it will be after the change: the stored values overlaid with the edited ones. */
function factsOf(change: Partial<CarrierCreate>, before: Carrier | null): CarrierFacts {
  const edited = <T>(value: T | undefined, stored: T): T => (value !== undefined ? value : stored);
  return {
    kind: change.kind ?? before!.kind,
    level: change.level ?? before!.level,
    status: change.status ?? before?.status ?? 'planned',
    startDate: edited(change.startDate, before?.startDate ?? null),
    endDate: edited(change.endDate, before?.endDate ?? null),
    certifiedAt: edited(change.certifiedAt, before?.certifiedAt ?? null),
    certifyingBody: edited(change.certifyingBody, before?.certifyingBody ?? null),
    legalPerson: edited(change.legalPerson, before?.legalPerson ?? null),
    country: edited(change.country, before?.country ?? null),
  };
}

function checkFacts(facts: CarrierFacts) {
  const problems = carrierProblems(facts);
  if (Object.keys(problems).length) throw validationFailed(problems);
}

const certifyForbidden = () =>
  new AppError('FORBIDDEN', '载体的认定（状态“已认定”、认定日期和认定单位）由市教育局登记', { fields: { status: '认定由市教育局登记' } });

function auditable(c: Carrier): Record<string, unknown> {
  const { lead: l, partners, districtName: _d, clusterName: _c, isDemo: _x, ...rest } = c;
  return { ...rest, leadOrganisationId: l.id, partnerIds: partners.map((p) => p.id) };
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/** The carrier a caller may attach evidence to: its lead's side (carrier.update's write scope), else 404 or 403. */
export const carrierForEvidence = (tx: Tx, access: Access, id: string) => carrierForWrite(tx, access, id);

/**
 * The bureau or the carrier's district checks, on its evidence files, that an operating carrier runs: from then on
 * it counts toward the targets (server/cockpit tallies). Audited; refused by name when the carrier is not operating,
 * already checked, or has no evidence.
 */
export async function verifyOperating(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string,
  id: string,
  version: number,
  evidenceFiles: number,
  now: Date,
): Promise<Carrier> {
  const before = await getCarrier(tx, access, id);
  if (!inScope(access, { districtId: before.districtId })) throw notFound('载体');
  const problem = operatingVerifyProblem(before, evidenceFiles);
  if (problem) throw new AppError('CONFLICT', problem, evidenceFiles < 1 ? { details: { rule: 'evidenceRequired' } } : {});
  const bumped = await tx
    .update(carriers)
    .set({ operatingVerifiedAt: now, operatingVerifiedBy: userId, version: sql`${carriers.version} + 1`, updatedAt: now })
    .where(and(eq(carriers.id, id), eq(carriers.version, version)))
    .returning({ id: carriers.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: 'verifyOperating',
    entityType: 'carrier',
    entityId: id,
    before: { status: before.status, operatingVerifiedAt: null },
    after: { status: before.status, operatingVerifiedAt: now.toISOString(), evidenceFiles },
  });
  return getCarrier(tx, access, id);
}
