import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import type { QualityCommissionCreate, QualityCommissionList, QualityFindingPut } from '../../../contracts/quality.ts';
import { qualityPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { rescoreSchool } from './evaluate.ts';
import { systemOrNotFound } from './system.ts';

/**
 * 第三方评价: the bureau commissions an evaluation organisation for a year and a set of schools; the organisation
 * reads those schools' results and evidence (scope.ts) and enters its findings, per school and dimension, with an
 * adjustment of the dimension's score within the policy's limit (quality.maxAdjustment).
 */

const stamp = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`);
const orgIds = (access: Access) => (access.kind === 'limited' ? access.organisationIds : []);

/** The caller's commission covering the school that year (an evaluator's), or null. */
export async function commissionedFor(db: Db | Tx, access: Access, year: number, schoolId: string): Promise<{ id: string } | null> {
  const ids = orgIds(access);
  if (!ids.length) return null;
  const [c] = await rows<{ id: string }>(
    db,
    sql`select c.id from quality_commissions c join quality_commission_schools s on s.commission_id = c.id
      where c.year = ${year} and s.school_id = ${schoolId} and c.evaluator_id in (${sql.join(
        ids.map((x) => sql`${x}::uuid`),
        sql`, `,
      )}) limit 1`,
  );
  return c ?? null;
}

export async function listCommissions(db: Db | Tx, access: Access): Promise<QualityCommissionList> {
  const where =
    access.kind === 'city'
      ? sql`true`
      : orgIds(access).length
        ? sql`c.evaluator_id in (${sql.join(
            orgIds(access).map((x) => sql`${x}::uuid`),
            sql`, `,
          )})`
        : sql`false`;
  const items = await rows<QualityCommissionList['items'][number]>(
    db,
    sql`select c.id, c.year, c.evaluator_id as "evaluatorId", e.name as "evaluatorName", c.note, ${stamp('c.created_at')} as "createdAt",
        coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name_sort, o.id)
          from quality_commission_schools s join organisations o on o.id = s.school_id where s.commission_id = c.id), '[]'::json) as schools
      from quality_commissions c join organisations e on e.id = c.evaluator_id where ${where} order by c.year desc, e.name_sort, c.id`,
  );
  const evaluators =
    access.kind === 'city'
      ? await rows<{ id: string; name: string }>(
          db,
          sql`select id, name from organisations where kind = 'evaluator' and status = 'active' order by name_sort, id`,
        )
      : [];
  return { items, evaluators };
}

/** The bureau commissions an evaluator for a year (one commission per evaluator and year; a second names more schools). */
export async function createCommission(tx: Tx, audit: Auditor, userId: string | null, body: QualityCommissionCreate, now: Date) {
  systemOrNotFound(body.year);
  const [evaluator] = await rows<{ id: string }>(
    tx,
    sql`select id from organisations where id = ${body.evaluatorId} and kind = 'evaluator' and status = 'active'`,
  );
  if (!evaluator) throw validationFailed({ evaluatorId: '请选择已登记的第三方评价机构' });
  const schoolIds = [...new Set(body.schoolIds)];
  const found = await rows<{ id: string }>(
    tx,
    sql`select o.id from organisations o join schools s on s.organisation_id = o.id where o.status = 'active' and o.id in (${sql.join(
      schoolIds.map((x) => sql`${x}::uuid`),
      sql`, `,
    )})`,
  );
  if (found.length !== schoolIds.length) throw validationFailed({ schoolIds: '所选学校中有不存在或已停用的学校' });
  const [existing] = await rows<{ id: string }>(
    tx,
    sql`select id from quality_commissions where evaluator_id = ${body.evaluatorId} and year = ${body.year} for update`,
  );
  if (existing)
    throw new AppError('CONFLICT', '该评价机构本年度已有委托，请在原委托上补充学校', { fields: { evaluatorId: '本年度已委托' } });
  const [c] = await rows<{ id: string }>(
    tx,
    sql`insert into quality_commissions (year, evaluator_id, note, created_by, created_at, updated_at)
      values (${body.year}, ${body.evaluatorId}, ${body.note ?? null}, ${userId}, ${now}, ${now}) returning id`,
  );
  await tx.execute(sql`insert into quality_commission_schools (commission_id, school_id)
    select ${c!.id}::uuid, unnest(array[${sql.join(
      schoolIds.map((x) => sql`${x}::uuid`),
      sql`, `,
    )}])`);
  await audit.record({
    action: 'create',
    entityType: 'qualityCommission',
    entityId: c!.id,
    after: { year: body.year, evaluatorId: body.evaluatorId, schoolIds, note: body.note ?? null },
  });
  const list = await listCommissions(tx, { kind: 'city' });
  return list.items.find((x) => x.id === c!.id)!;
}

/**
 * A commissioned evaluator's finding on one dimension of a school (create, or correct naming the version read);
 * the school's stored evaluation is re-scored with it. Another school: 404; an adjustment over the limit: 422.
 */
export async function putFinding(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  p: { year: number; schoolId: string; dimension: string },
  body: QualityFindingPut,
  now: Date,
) {
  const commission = await commissionedFor(tx, access, p.year, p.schoolId);
  if (!commission) throw notFound('学校');
  const system = systemOrNotFound(p.year);
  if (Math.abs(body.adjustment) > policy.maxAdjustment)
    throw validationFailed({ adjustment: `调整分值应在 ±${policy.maxAdjustment} 分以内（${policy.article}）` });
  const [before] = await rows<{ id: string; version: number; text: string; adjustment: number }>(
    tx,
    sql`select id, version, text, adjustment::float8 as adjustment from quality_findings
      where commission_id = ${commission.id} and school_id = ${p.schoolId} and dimension = ${p.dimension} for update`,
  );
  const after = { text: body.text, adjustment: body.adjustment };
  let id: string;
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await rows<{ id: string }>(
      tx,
      sql`insert into quality_findings (commission_id, school_id, dimension, text, adjustment, author_id, created_at, updated_at)
        values (${commission.id}, ${p.schoolId}, ${p.dimension}, ${body.text}, ${body.adjustment}, ${userId}, ${now}, ${now}) returning id`,
    );
    id = created!.id;
    await audit.record({ action: 'create', entityType: 'qualityFinding', entityId: id, after: { ...p, ...after } });
  } else {
    if (body.version !== before.version) throw versionConflict();
    id = before.id;
    await tx.execute(sql`update quality_findings set text = ${body.text}, adjustment = ${body.adjustment}, author_id = ${userId},
      version = version + 1, updated_at = ${now} where id = ${id}`);
    await audit.record({
      action: 'update',
      entityType: 'qualityFinding',
      entityId: id,
      before: { text: before.text, adjustment: before.adjustment },
      after,
    });
  }
  await rescoreSchool(tx, p.year, p.schoolId, system);
  const [out] = await rows<{
    dimension: string;
    text: string;
    adjustment: number;
    evaluatorName: string;
    version: number;
    updatedAt: string;
  }>(
    tx,
    sql`select f.dimension, f.text, f.adjustment::float8 as adjustment, e.name as "evaluatorName", f.version, ${stamp('f.updated_at')} as "updatedAt"
      from quality_findings f join quality_commissions c on c.id = f.commission_id join organisations e on e.id = c.evaluator_id where f.id = ${id}`,
  );
  return out!;
}
