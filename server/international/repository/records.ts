import { sql, type SQL } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import {
  COMPETITION_ROLE_LABELS,
  editProblem,
  EXCHANGE_DIRECTION_LABELS,
  EXCHANGE_PARTICIPANT_LABELS,
  INTERNATIONAL_KIND_LABELS,
  INTERNATIONAL_STATUS_LABELS,
  recordProblems,
  verifyProblem,
} from '../../../core/international/index.ts';
import type {
  InternationalListQuery,
  InternationalPage,
  InternationalRecord,
  InternationalRecordInput,
  InternationalRecordUpdate,
  InternationalReview,
} from '../../../contracts/international.ts';
import { internationalPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { internationalRecords } from '../../platform/db/schema/index.ts';

/**
 * 国际交流与合作 records: the owner (a school's or an enterprise's account) enters and corrects its own, the bureau
 * verifies or returns them, and every read is filtered by the caller's scope — another organisation's record is
 * simply not found (404).
 */
type Row = Omit<InternationalRecord, 'kindLabel' | 'statusLabel' | 'detail'>;

const scopeSql = (access: Access): SQL => scopeSqlOn(access, { districtId: 'r.district_id', organisationId: 'r.organisation_id' });

const SELECT = sql`select r.id, r.organisation_id as "organisationId", o.name as "organisationName", d.name as "districtName", r.kind,
  r.title, r.country, r.partner, r.started_on::text as "startedOn", r.ended_on::text as "endedOn", r.year, r.direction, r.participant,
  r.people, r.role, r.awards, r.qualification, r.status, r.return_reason as "returnReason",
  to_char(r.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "verifiedAt",
  (select count(*)::int from evidence_files e where e.owner_kind = 'internationalRecord' and e.owner_id = r.id) as "evidenceCount",
  r.version, to_char(r.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt"
  from international_records r join organisations o on o.id = r.organisation_id left join organisations d on d.id = r.district_id`;

/** What the record is about in one line, by kind. */
function detailOf(r: Row): string {
  if (r.kind === 'exchange' && r.direction && r.participant)
    return `${EXCHANGE_DIRECTION_LABELS[r.direction]}${EXCHANGE_PARTICIPANT_LABELS[r.participant]} ${r.people ?? 0} 人`;
  if (r.kind === 'competition' && r.role)
    return `${COMPETITION_ROLE_LABELS[r.role]}${r.people ? `，参赛 ${r.people} 人` : ''}${r.awards ? `，获奖 ${r.awards} 项` : ''}`;
  if (r.kind === 'recognition') return `互认：${r.qualification ?? ''}`;
  return `合作国家：${r.country}`;
}

const toRecord = (r: Row): InternationalRecord => ({
  ...r,
  kindLabel: INTERNATIONAL_KIND_LABELS[r.kind],
  statusLabel: INTERNATIONAL_STATUS_LABELS[r.status],
  detail: detailOf(r),
});

export async function listRecords(
  db: Db,
  access: Access,
  q: InternationalListQuery,
  can: { enter: boolean; review: boolean },
): Promise<InternationalPage> {
  const filters: SQL[] = [scopeSql(access)];
  if (q.year !== undefined) filters.push(sql`r.year = ${q.year}`);
  if (q.kind) filters.push(sql`r.kind = ${q.kind}`);
  const where = sql.join(filters, sql` and `);
  const statusWhere = q.status ? sql`${where} and r.status = ${q.status}` : where;
  const [counts, [total], items] = await Promise.all([
    rows<{ status: InternationalRecord['status']; n: number }>(
      db,
      sql`select r.status, count(*)::int as n from international_records r where ${where} group by 1`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from international_records r where ${statusWhere}`),
    // Awaiting the bureau first, then the newest.
    rows<Row>(
      db,
      sql`${SELECT} where ${statusWhere} order by (r.status = 'submitted') desc, r.started_on desc, r.id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
  ]);
  const byStatus = { submitted: 0, verified: 0, returned: 0 };
  for (const c of counts) byStatus[c.status] = c.n;
  return {
    items: items.map(toRecord),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    byStatus,
    canEnter: can.enter,
    canReview: can.review,
  };
}

export async function getRecord(db: Db | Tx, access: Access, id: string, lock = false): Promise<InternationalRecord> {
  const [r] = await rows<Row>(db, sql`${SELECT} where r.id = ${id} and ${scopeSql(access)}${lock ? sql` for update of r` : sql``}`);
  if (!r) throw notFound('国际交流合作记录');
  return toRecord(r);
}

/** The caller's own school or enterprise: the organisation that owns the facts it enters. */
async function ownOrganisation(db: Db | Tx, access: Access) {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [o] = ids.length
    ? await rows<{ id: string; districtId: string | null }>(
        db,
        sql`select o.id, o.district_id as "districtId" from organisations o where o.id in (${sql.join(
          ids.map((x) => sql`${x}::uuid`),
          sql`, `,
        )}) and o.kind in ('school', 'enterprise') and o.status = 'active' order by o.name limit 1`,
      )
    : [];
  if (!o) throw notFound('登记单位');
  return o;
}

function checked(input: InternationalRecordInput, now: Date) {
  const fields = recordProblems(policy, input, todayOf(now));
  if (Object.keys(fields).length) throw validationFailed(fields);
  return {
    kind: input.kind,
    title: input.title,
    country: input.country,
    partner: input.partner,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    year: Number(input.startedOn.slice(0, 4)),
    direction: input.direction ?? null,
    participant: input.participant ?? null,
    people: input.people ?? null,
    role: input.role ?? null,
    awards: input.awards ?? null,
    qualification: input.qualification || null,
  };
}

export async function createRecord(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  input: InternationalRecordInput,
  now: Date,
) {
  const owner = await ownOrganisation(tx, access);
  const values = checked(input, now);
  const [created] = await tx
    .insert(internationalRecords)
    .values({ ...values, organisationId: owner.id, districtId: owner.districtId, enteredBy: userId, createdAt: now, updatedAt: now })
    .returning({ id: internationalRecords.id });
  await audit.record({
    action: 'create',
    entityType: 'internationalRecord',
    entityId: created!.id,
    after: { organisationId: owner.id, ...values },
  });
  return getRecord(tx, access, created!.id);
}

/** The owner corrects a record not yet verified; a returned record goes back to the bureau. */
export async function updateRecord(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  id: string,
  input: InternationalRecordUpdate,
  now: Date,
) {
  const before = await getRecord(tx, access, id, true);
  const problem = editProblem(before.status);
  if (problem) throw new AppError('CONFLICT', problem);
  if (before.version !== input.version) throw versionConflict();
  const { version: _v, ...rest } = input;
  const values = checked(rest, now);
  await tx.execute(sql`update international_records set kind = ${values.kind}, title = ${values.title}, country = ${values.country},
    partner = ${values.partner}, started_on = ${values.startedOn}, ended_on = ${values.endedOn}, year = ${values.year},
    direction = ${values.direction}, participant = ${values.participant}, people = ${values.people}, role = ${values.role},
    awards = ${values.awards}, qualification = ${values.qualification}, status = 'submitted', return_reason = null,
    entered_by = ${userId}, version = version + 1, updated_at = ${now} where id = ${id}`);
  const {
    id: _id,
    organisationName: _n,
    districtName: _d,
    kindLabel: _k,
    statusLabel: _s,
    detail: _dt,
    evidenceCount: _e,
    updatedAt: _u,
    ...was
  } = before;
  await audit.record({
    action: 'update',
    entityType: 'internationalRecord',
    entityId: id,
    before: was,
    after: { ...values, status: 'submitted' },
  });
  return getRecord(tx, access, id);
}

/** The bureau verifies (only with evidence) or returns a record awaiting review. */
export async function reviewRecord(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  id: string,
  body: InternationalReview,
  now: Date,
) {
  const before = await getRecord(tx, access, id, true);
  if (before.version !== body.version) throw versionConflict();
  if (body.decision === 'verify') {
    const problem = verifyProblem(before.status, before.evidenceCount);
    if (problem) throw new AppError('CONFLICT', problem, before.evidenceCount < 1 ? { details: { rule: 'evidenceRequired' } } : {});
    await tx.execute(sql`update international_records set status = 'verified', verified_by = ${userId}, verified_at = ${now},
      return_reason = null, version = version + 1, updated_at = ${now} where id = ${id}`);
  } else {
    if (before.status !== 'submitted') throw new AppError('CONFLICT', `只有待核验的记录可以退回（当前：${before.statusLabel}）`);
    if (!body.reason) throw validationFailed({ reason: '请填写退回原因' });
    await tx.execute(sql`update international_records set status = 'returned', return_reason = ${body.reason},
      version = version + 1, updated_at = ${now} where id = ${id}`);
  }
  await audit.record({
    action: body.decision === 'verify' ? 'verify' : 'return',
    entityType: 'internationalRecord',
    entityId: id,
    before: { status: before.status },
    after: { status: body.decision === 'verify' ? 'verified' : 'returned', ...(body.reason && { reason: body.reason }) },
  });
  return getRecord(tx, access, id);
}
