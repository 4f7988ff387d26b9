import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import { demoApplicationProblem } from '../../../core/digital/index.ts';
import {
  ASSESSMENT_STATUS_LABELS,
  DEMO_STATUS_LABELS,
  type DemoApplication,
  type DemoApplicationPut,
  type DemoDecision,
} from '../../../contracts/digital.ts';
import { digitalPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { smartDemoApplications } from '../../platform/db/schema/index.ts';
import { ownSchool } from './own-school.ts';
import { currentAssessmentOf, standardInForce } from './smart-campus.ts';

/**
 * 智慧职教示范校 (二 (四) 11): a school whose smart-campus self-assessment the bureau accepted as meeting the
 * standard applies; the bureau approves (counted toward smart_demo_schools) or rejects with reasons, and a
 * rejected school may apply again. One application per school.
 */
type Row = Omit<DemoApplication, 'statusLabel' | 'smartCampus'>;

const scope = (access: Access): SQL => scopeSqlOn(access, { organisationId: 'd.school_id', districtId: 'd.district_id' });

const SELECT = sql`select d.id, d.school_id as "schoolId", o.name as "schoolName", dist.name as "districtName", d.statement, d.status,
  d.decision_note as "decisionNote", to_char(d.decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "decidedAt",
  to_char(d.applied_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "appliedAt", d.version
  from smart_demo_applications d join organisations o on o.id = d.school_id left join organisations dist on dist.id = d.district_id`;

/** Each applicant's self-assessment against the edition in force, as the bureau decides with it (one query). */
async function withCampus(db: Db | Tx, found: Row[]): Promise<DemoApplication[]> {
  const inForce = await standardInForce(db);
  const assessed =
    inForce && found.length
      ? await rows<{ schoolId: string; status: keyof typeof ASSESSMENT_STATUS_LABELS; metItems: number; meets: boolean }>(
          db,
          sql`select school_id as "schoolId", status, met_items as "metItems", meets from smart_campus_assessments
            where standard_id = ${inForce.id} and school_id in (${sql.join(
              found.map((r) => sql`${r.schoolId}::uuid`),
              sql`, `,
            )})`,
        )
      : [];
  const label = (schoolId: string) => {
    const a = assessed.find((x) => x.schoolId === schoolId);
    if (!a || !inForce) return '未按现行标准自评';
    const verdict = a.status === 'accepted' ? (a.meets ? '，达标' : '，未达标') : '';
    return `${ASSESSMENT_STATUS_LABELS[a.status]}：达到 ${a.metItems}/${inForce.items.length} 条${verdict}`;
  };
  return found.map((r) => ({ ...r, statusLabel: DEMO_STATUS_LABELS[r.status], smartCampus: label(r.schoolId) }));
}

export async function listDemoApplications(db: Db, access: Access, q: { status?: string | undefined; page: number; pageSize: number }) {
  const where = sql`o.status = 'active' and ${scope(access)} and ${q.status ? sql`d.status = ${q.status}` : sql`true`}`;
  const [found, [count]] = await Promise.all([
    rows<Row>(
      db,
      sql`${SELECT} where ${where} order by case d.status when 'submitted' then 0 when 'approved' then 1 else 2 end, d.applied_at desc, d.id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from smart_demo_applications d join organisations o on o.id = d.school_id where ${where}`,
    ),
  ]);
  return { items: await withCampus(db, found), total: count!.n, page: q.page, pageSize: q.pageSize };
}

export async function getDemoApplication(db: Db | Tx, access: Access, id: string): Promise<DemoApplication> {
  const [r] = await rows<Row>(db, sql`${SELECT} where d.id = ${id} and ${scope(access)}`);
  if (!r) throw notFound('示范校申报');
  return (await withCampus(db, [r]))[0]!;
}

/** The caller's school: its self-assessment in force, its application, and why it may not apply yet. */
export async function mySmartCampus(db: Db, access: Access) {
  const s = await ownSchool(db, access);
  const assessment = await currentAssessmentOf(db, s.id);
  const [app] = await rows<Row>(db, sql`${SELECT} where d.school_id = ${s.id}`);
  return {
    schoolName: s.name,
    assessment,
    application: app ? (await withCampus(db, [app]))[0]! : null,
    applyProblem: demoApplicationProblem(policy, assessment),
  };
}

/** The school applies (or applies again after a rejection); the smart-campus rule of the policy is checked first. */
export async function applyDemo(tx: Tx, audit: Auditor, access: Access, userId: string | null, body: DemoApplicationPut, now: Date) {
  const s = await ownSchool(tx, access);
  const problem = demoApplicationProblem(policy, await currentAssessmentOf(tx, s.id));
  if (problem) throw new AppError('RULE_VIOLATION', problem, { details: { rule: policy.demoSchools.article } });
  const [before] = await rows<{ id: string; status: string; version: number }>(
    tx,
    sql`select id, status, version from smart_demo_applications where school_id = ${s.id} for update`,
  );
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await tx
      .insert(smartDemoApplications)
      .values({ schoolId: s.id, districtId: s.districtId, statement: body.statement, appliedBy: userId, appliedAt: now })
      .returning({ id: smartDemoApplications.id });
    await audit.record({ action: 'create', entityType: 'smartDemoApplication', entityId: created!.id, after: { schoolId: s.id } });
    return getDemoApplication(tx, access, created!.id);
  }
  if (body.version === undefined || body.version !== before.version) throw versionConflict();
  if (before.status === 'approved') throw new AppError('INVALID_STATE', '本校已认定为智慧职教示范校');
  await tx.execute(sql`update smart_demo_applications set statement = ${body.statement}, status = 'submitted', decision_note = null,
    decided_by = null, decided_at = null, applied_by = ${userId}, applied_at = ${now}, version = version + 1 where id = ${before.id}`);
  await audit.record({
    action: 'update',
    entityType: 'smartDemoApplication',
    entityId: before.id,
    before: { status: before.status },
    after: { status: 'submitted' },
  });
  return getDemoApplication(tx, access, before.id);
}

/** The bureau approves (the school must still meet the standard) or rejects an application with its reasons. */
export async function decideDemo(tx: Tx, audit: Auditor, access: Access, userId: string | null, id: string, body: DemoDecision, now: Date) {
  const [before] = await rows<{ schoolId: string; status: string; version: number }>(
    tx,
    sql`select d.school_id as "schoolId", d.status, d.version from smart_demo_applications d where d.id = ${id} and ${scope(access)} for update`,
  );
  if (!before) throw notFound('示范校申报');
  if (body.version !== before.version) throw versionConflict();
  if (before.status !== 'submitted') throw new AppError('INVALID_STATE', '只有待认定的申报可以认定');
  if (body.decision === 'rejected' && !body.note?.trim())
    throw new AppError('VALIDATION_FAILED', '不予认定须说明理由', { fields: { note: '不予认定须说明理由' } });
  if (body.decision === 'approved') {
    const problem = demoApplicationProblem(policy, await currentAssessmentOf(tx, before.schoolId));
    if (problem) throw new AppError('RULE_VIOLATION', problem, { details: { rule: policy.demoSchools.article } });
  }
  await tx.execute(sql`update smart_demo_applications set status = ${body.decision}, decision_note = ${body.note ?? null},
    decided_by = ${userId}, decided_at = ${now}, version = version + 1 where id = ${id}`);
  await audit.record({
    action: 'update',
    entityType: 'smartDemoApplication',
    entityId: id,
    before: { status: before.status },
    after: { status: body.decision, decisionNote: body.note ?? null },
  });
  return getDemoApplication(tx, access, id);
}
