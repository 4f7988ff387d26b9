import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { assessmentProblems, standardResult, type StandardItem } from '../../../core/digital/index.ts';
import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentPut,
  type AssessmentReview,
  type SmartCampusAssessment,
  type SmartCampusStandard,
} from '../../../contracts/digital.ts';
import { digitalPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { smartCampusAssessments, smartCampusStandards } from '../../platform/db/schema/index.ts';
import { ownSchool } from './own-school.ts';

/**
 * The smart-campus standard (二 (四) 11 "出台职业教育智慧校园建设标准"): the bureau publishes the policy file's items
 * as an edition; schools assess themselves item by item against the edition in force; the bureau accepts or
 * returns each self-assessment. Accepted and meeting the standard is what smart_campus_share counts.
 */
interface Published {
  id: string;
  title: string;
  items: StandardItem[];
  passItems: number;
  publishedAt: string;
}

/** The edition in force: the latest the bureau published, or null before the first. */
export async function standardInForce(db: Db | Tx): Promise<Published | null> {
  const [s] = await rows<Published>(
    db,
    sql`select id, title, items, pass_items as "passItems", to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "publishedAt"
      from smart_campus_standards order by published_at desc, id desc limit 1`,
  );
  return s ?? null;
}

const policyStandard = () => ({
  title: policy.smartCampus.title,
  article: policy.smartCampus.article,
  items: policy.smartCampus.items,
  passItems: policy.smartCampus.passItems,
});

const sameAsPolicy = (p: Published) =>
  p.title === policy.smartCampus.title &&
  p.passItems === policy.smartCampus.passItems &&
  JSON.stringify(p.items) === JSON.stringify(policy.smartCampus.items);

export async function getStandard(db: Db | Tx): Promise<SmartCampusStandard> {
  const published = await standardInForce(db);
  return { published, policy: policyStandard(), policyChanged: published ? !sameAsPolicy(published) : true };
}

/** The bureau publishes the policy file's standard as the edition in force (a new edition only when it changed). */
export async function publishStandard(tx: Tx, audit: Auditor, userId: string | null, now: Date): Promise<SmartCampusStandard> {
  await tx.execute(sql`lock table smart_campus_standards in exclusive mode`);
  const before = await standardInForce(tx);
  if (before && sameAsPolicy(before)) throw new AppError('CONFLICT', '现行智慧校园建设标准与政策文件一致，无需重新发布');
  const [created] = await tx
    .insert(smartCampusStandards)
    .values({
      title: policy.smartCampus.title,
      items: policy.smartCampus.items,
      passItems: policy.smartCampus.passItems,
      publishedBy: userId,
      publishedAt: now,
    })
    .returning({ id: smartCampusStandards.id });
  await audit.record({
    action: 'create',
    entityType: 'smartCampusStandard',
    entityId: created!.id,
    after: { title: policy.smartCampus.title, items: policy.smartCampus.items.map((i) => i.code), passItems: policy.smartCampus.passItems },
  });
  return getStandard(tx);
}

type Row = {
  id: string;
  schoolId: string;
  schoolName: string;
  districtName: string | null;
  standardId: string;
  standardItems: StandardItem[];
  standardPass: number;
  items: Array<{ code: string; met: boolean; note: string | null }>;
  metItems: number;
  meets: boolean;
  status: SmartCampusAssessment['status'];
  reviewNote: string | null;
  reviewedAt: string | null;
  submittedAt: string;
  version: number;
};

const scope = (access: Access): SQL => scopeSqlOn(access, { organisationId: 'a.school_id', districtId: 'a.district_id' });

const SELECT = sql`select a.id, a.school_id as "schoolId", o.name as "schoolName", dist.name as "districtName", a.standard_id as "standardId",
  st.items as "standardItems", st.pass_items as "standardPass", a.items, a.met_items as "metItems", a.meets, a.status,
  a.review_note as "reviewNote", to_char(a.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "reviewedAt",
  to_char(a.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "submittedAt", a.version
  from smart_campus_assessments a join smart_campus_standards st on st.id = a.standard_id join organisations o on o.id = a.school_id
  left join organisations dist on dist.id = a.district_id`;

function toAssessment(r: Row, inForce: string | null): SmartCampusAssessment {
  const answers = new Map(r.items.map((i) => [i.code, i]));
  return {
    id: r.id,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    districtName: r.districtName,
    standardId: r.standardId,
    current: r.standardId === inForce,
    items: r.standardItems.map((s) => ({
      code: s.code,
      name: s.name,
      required: s.required,
      met: answers.get(s.code)?.met ?? false,
      note: answers.get(s.code)?.note ?? null,
    })),
    metItems: r.metItems,
    totalItems: r.standardItems.length,
    passItems: r.standardPass,
    meets: r.meets,
    status: r.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[r.status],
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt,
    submittedAt: r.submittedAt,
    version: r.version,
  };
}

/** 职业学校 (policy digital.vocationalLevels) that are active, over organisations `o` and schools `s`. */
export const vocationalSchool = sql`o.status = 'active' and s.level in (${sql.join(
  policy.vocationalLevels.map((l) => sql`${l}`),
  sql`, `,
)})`;

/** The self-assessments against the edition in force in scope (to be reviewed first), with the share that meets. */
export async function listAssessments(db: Db, access: Access, q: { status?: string | undefined; page: number; pageSize: number }) {
  const inForce = await standardInForce(db);
  const where = sql`a.standard_id = ${inForce?.id ?? null} and o.status = 'active' and ${scope(access)}
    and ${q.status ? sql`a.status = ${q.status}` : sql`true`}`;
  const [found, [count], [tally]] = await Promise.all([
    rows<Row>(
      db,
      sql`${SELECT} where ${where} order by case a.status when 'submitted' then 0 when 'returned' then 1 else 2 end, a.submitted_at desc, a.id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from smart_campus_assessments a join organisations o on o.id = a.school_id where ${where}`,
    ),
    rows<{ schools: number; meeting: number }>(
      db,
      sql`select count(*)::int as schools, (count(*) filter (where a.id is not null))::int as meeting
        from schools s join organisations o on o.id = s.organisation_id
        left join smart_campus_assessments a on a.school_id = o.id and a.standard_id = ${inForce?.id ?? null} and a.status = 'accepted' and a.meets
        where ${vocationalSchool} and ${scopeSqlOn(access, { organisationId: 'o.id', districtId: 'o.district_id' })}`,
    ),
  ]);
  return {
    items: found.map((r) => toAssessment(r, inForce?.id ?? null)),
    total: count!.n,
    page: q.page,
    pageSize: q.pageSize,
    schools: tally!.schools,
    meeting: tally!.meeting,
  };
}

export async function getAssessment(db: Db | Tx, access: Access, id: string): Promise<SmartCampusAssessment> {
  const [r] = await rows<Row>(db, sql`${SELECT} where a.id = ${id} and ${scope(access)}`);
  if (!r) throw notFound('智慧校园自评');
  return toAssessment(r, (await standardInForce(db))?.id ?? null);
}

/** The school's self-assessment against the edition in force, or null. */
export async function currentAssessmentOf(db: Db | Tx, schoolId: string): Promise<SmartCampusAssessment | null> {
  const inForce = await standardInForce(db);
  if (!inForce) return null;
  const [r] = await rows<Row>(db, sql`${SELECT} where a.school_id = ${schoolId} and a.standard_id = ${inForce.id}`);
  return r ? toAssessment(r, inForce.id) : null;
}

/**
 * The school submits (or, while not yet accepted, corrects and submits again) its self-assessment against the
 * edition in force: every item answered once, none outside the standard, each met item with what shows it.
 */
export async function putMyAssessment(tx: Tx, audit: Auditor, access: Access, userId: string | null, body: AssessmentPut, now: Date) {
  const s = await ownSchool(tx, access);
  const inForce = await standardInForce(tx);
  if (!inForce) throw new AppError('INVALID_STATE', '市教育局尚未发布智慧校园建设标准，暂不能自评');
  const items = body.items.map((i) => ({ code: i.code, met: i.met, note: i.note?.trim() || null }));
  const fields = assessmentProblems(inForce.items, items);
  if (Object.keys(fields).length) throw validationFailed(fields, `自评须逐条对照已发布的${inForce.title}填写`);
  const result = standardResult(inForce.items, inForce.passItems, items);
  const [before] = await rows<{ id: string; status: string; version: number; metItems: number; meets: boolean }>(
    tx,
    sql`select id, status, version, met_items as "metItems", meets from smart_campus_assessments
      where school_id = ${s.id} and standard_id = ${inForce.id} for update`,
  );
  const after = { items, metItems: result.met, meets: result.meets, status: 'submitted' };
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await tx
      .insert(smartCampusAssessments)
      .values({
        schoolId: s.id,
        districtId: s.districtId,
        standardId: inForce.id,
        items,
        metItems: result.met,
        meets: result.meets,
        submittedBy: userId,
        submittedAt: now,
      })
      .returning({ id: smartCampusAssessments.id });
    await audit.record({
      action: 'create',
      entityType: 'smartCampusAssessment',
      entityId: created!.id,
      after: { schoolId: s.id, ...after },
    });
    return getAssessment(tx, access, created!.id);
  }
  if (body.version === undefined || body.version !== before.version) throw versionConflict();
  if (before.status === 'accepted')
    throw new AppError('INVALID_STATE', '自评已经市教育局审核通过，不能再修改', { fields: { status: '审核通过' } });
  await tx.execute(sql`update smart_campus_assessments set items = ${JSON.stringify(items)}::jsonb, met_items = ${result.met},
    meets = ${result.meets}, status = 'submitted', review_note = null, reviewed_by = null, reviewed_at = null, submitted_by = ${userId},
    submitted_at = ${now}, version = version + 1 where id = ${before.id}`);
  await audit.record({
    action: 'update',
    entityType: 'smartCampusAssessment',
    entityId: before.id,
    before: { metItems: before.metItems, meets: before.meets, status: before.status },
    after: { metItems: result.met, meets: result.meets, status: 'submitted' },
  });
  return getAssessment(tx, access, before.id);
}

/** The bureau accepts a submitted self-assessment against the edition in force, or returns it with its reasons. */
export async function reviewAssessment(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  id: string,
  body: AssessmentReview,
  now: Date,
) {
  const [before] = await rows<{ status: string; version: number; standardId: string }>(
    tx,
    sql`select a.status, a.version, a.standard_id as "standardId" from smart_campus_assessments a where a.id = ${id} and ${scope(access)} for update`,
  );
  if (!before) throw notFound('智慧校园自评');
  if (body.version !== before.version) throw versionConflict();
  if (before.status !== 'submitted') throw new AppError('INVALID_STATE', '只有待审核的自评可以审核');
  if (before.standardId !== (await standardInForce(tx))?.id)
    throw new AppError('INVALID_STATE', '该自评依据的标准已被新版本替代，请学校按现行标准重新自评');
  if (body.decision === 'returned' && !body.note?.trim()) throw validationFailed({ note: '退回须说明需要修改之处' });
  await tx.execute(sql`update smart_campus_assessments set status = ${body.decision}, review_note = ${body.note ?? null},
    reviewed_by = ${userId}, reviewed_at = ${now}, version = version + 1 where id = ${id}`);
  await audit.record({
    action: 'update',
    entityType: 'smartCampusAssessment',
    entityId: id,
    before: { status: before.status },
    after: { status: body.decision, reviewNote: body.note ?? null },
  });
  return getAssessment(tx, access, id);
}
