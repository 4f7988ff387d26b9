import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { checkEligibility } from '../../../core/certification/criteria.ts';
import {
  annualReportDueOn,
  checkMayApply,
  deadlinesOf,
  integrationStatusOf,
  newCase,
  transition,
  type CaseState,
  type Transition,
} from '../../../core/certification/lifecycle.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type {
  AnnualReportCreate,
  CaseApply,
  CaseDecision,
  CaseListQuery,
  CertificationCase,
  DistrictReview,
  Eligibility,
  PlanPublish,
} from '../../../contracts/certification.ts';
import { certificationPolicy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { certificationAnnualReports, certificationCases } from '../../platform/db/schema/index.ts';
import { offeredPlaces } from '../../internships/index.ts';
import { closeRound, openRound, roundOfOwner, roundResults, roundsOfOwners } from '../../expert-review/index.ts';
import { declarationYearOn, fundRules } from './declarations.ts';

const RULES = certificationPolicy.lifecycle;
const REVIEW = certificationPolicy.review;
/** The owner kind of a certification case's review round (and of its one subject). */
const REVIEW_OWNER = 'certificationCase';
const pct = (fraction: number) => Math.round(fraction * 10_000) / 100;

/** The caller's scope over an enterprise's records (alias o = the enterprise's organisation). */
export const scopeOfEnterprise = (access: Access): SQL => scopeSqlOn(access, { districtId: 'o.district_id', organisationId: 'o.id' });

interface Facts {
  id: string;
  name: string;
  status: string;
  districtId: string | null;
  size: string;
  staffCount: number;
  payrollYuan: number | null;
  aboveDesignatedSize: boolean;
  declaredYear: number | null;
  drawnPct: number | null;
  educationGroupsLed: number;
  carriersLed: number;
  internshipPlaces: number;
  internshipsHosted: number;
}

/** What the register and the declarations know of an enterprise: the pre-fill of an application and the self-check's facts. */
async function enterpriseFacts(db: Db | Tx, access: Access, enterpriseId: string, today: string): Promise<Facts> {
  const year = declarationYearOn(today);
  const [f] = await rows<Facts>(
    db,
    sql`select o.id, o.name, o.status, o.district_id as "districtId", e.size, e.staff_count as "staffCount", e.payroll_yuan::float8 as "payrollYuan",
      e.above_designated_size as "aboveDesignatedSize", d.year as "declaredYear",
      round(d.fund_drawn_yuan * 100.0 / nullif(d.payroll_yuan, 0), 2)::float8 as "drawnPct",
      (select count(*)::int from carriers k where k.lead_organisation_id = o.id and k.kind = 'educationGroup' and k.status in ('operating', 'certified') and k.archived_at is null) as "educationGroupsLed",
      (select count(*)::int from carriers k where k.lead_organisation_id = o.id and k.archived_at is null) as "carriersLed",
      coalesce((select places from ${offeredPlaces(year)} where offered.enterprise_id = o.id), 0)::int as "internshipPlaces",
      (select count(*)::int from internships i where i.enterprise_id = o.id) as "internshipsHosted"
    from enterprises e join organisations o on o.id = e.organisation_id
    left join enterprise_declarations d on d.enterprise_id = o.id and d.year = ${year}
    where o.id = ${enterpriseId} and ${scopeOfEnterprise(access)}`,
  );
  if (!f) throw notFound('企业');
  return f;
}

interface CaseRow extends Omit<CertificationCase, 'deadlines' | 'reportedYears' | 'prefill' | 'reviewRound'> {
  prefill: Record<string, unknown>;
  reportedYears: number[] | null;
  enterpriseStatus: string;
}

const CASE_SELECT = sql`select c.id, c.enterprise_id as "enterpriseId", o.name as "enterpriseName", o.district_id as "districtId", dist.name as "districtName",
    o.status as "enterpriseStatus", c.stage, c.applied_on::text as "appliedOn", c.prefill, c.statement, c.reserve_on::text as "reserveOn",
    c.plan_due_on::text as "planDueOn", c.plan_published_on::text as "planPublishedOn", c.plan_title as "planTitle", c.plan_url as "planUrl",
    c.level, c.document_no as "documentNo", c.certified_on::text as "certifiedOn", c.objection_until::text as "objectionUntil",
    c.valid_until::text as "validUntil", c.expert_review_file_id as "expertReviewFileId", c.expert_review_score::float8 as "expertReviewScore",
    c.revoked_on::text as "revokedOn", c.revocation_reason as "revocationReason", c.banned_until::text as "bannedUntil",
    c.last_comment as "lastComment", c.version,
    (select array_agg(r.year order by r.year) from certification_annual_reports r where r.case_id = c.id) as "reportedYears"
  from certification_cases c join organisations o on o.id = c.enterprise_id left join organisations dist on dist.id = o.district_id`;

const stateOf = (r: CaseRow): CaseState => ({
  stage: r.stage,
  appliedOn: r.appliedOn,
  reserveOn: r.reserveOn,
  planDueOn: r.planDueOn,
  planPublishedOn: r.planPublishedOn,
  level: r.level,
  certifiedOn: r.certifiedOn,
  objectionUntil: r.objectionUntil,
  validUntil: r.validUntil,
  revokedOn: r.revokedOn,
  revocationReason: r.revocationReason,
  bannedUntil: r.bannedUntil,
  reportedYears: r.reportedYears ?? [],
});

type ReviewRoundRef = CertificationCase['reviewRound'];

function toCase(r: CaseRow, today: string, reviewRound: ReviewRoundRef): CertificationCase {
  const { enterpriseStatus: _s, ...rest } = r;
  const state = stateOf(r);
  return { ...rest, reportedYears: state.reportedYears, deadlines: deadlinesOf(state, today, RULES), reviewRound };
}

/** Each case's review round (expert review), or null before the bureau opened one. */
async function withRounds(db: Db | Tx, list: CaseRow[], today: string) {
  const rounds = await roundsOfOwners(
    db,
    REVIEW_OWNER,
    list.map((r) => r.id),
  );
  return list.map((r) => {
    const round = rounds.get(r.id);
    return toCase(r, today, round ? { ...round, passScore: REVIEW.passScore } : null);
  });
}

export async function listCases(db: Db, access: Access, q: CaseListQuery, today: string) {
  const where = sql.join(
    [
      scopeOfEnterprise(access),
      q.stage ? sql`c.stage = ${q.stage}` : sql`true`,
      q.districtId ? sql`o.district_id = ${q.districtId}` : sql`true`,
      q.enterpriseId ? sql`c.enterprise_id = ${q.enterpriseId}` : sql`true`,
    ],
    sql` and `,
  );
  const [items, [n]] = await Promise.all([
    rows<CaseRow>(
      db,
      sql`${CASE_SELECT} where ${where} order by c.applied_on desc, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from certification_cases c join organisations o on o.id = c.enterprise_id where ${where}`,
    ),
  ]);
  return { items: await withRounds(db, items, today), total: n?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function caseRow(db: Db | Tx, access: Access, id: string, lock = false): Promise<CaseRow> {
  const [r] = await rows<CaseRow>(
    db,
    sql`${CASE_SELECT} where c.id = ${id} and ${scopeOfEnterprise(access)} ${lock ? sql`for update of c` : sql``}`,
  );
  if (!r) throw notFound('产教融合型企业申报');
  return r;
}

export const getCase = async (db: Db | Tx, access: Access, id: string, today: string) =>
  (await withRounds(db, [await caseRow(db, access, id)], today))[0]!;

/** Earlier cases of an enterprise (the ban and the one-open-case rule read them). */
async function casesOf(db: Db | Tx, enterpriseId: string) {
  return rows<Pick<CaseState, 'stage' | 'bannedUntil'>>(
    db,
    sql`select stage, banned_until::text as "bannedUntil" from certification_cases where enterprise_id = ${enterpriseId}`,
  );
}

export async function eligibilityOf(db: Db, access: Access, enterpriseId: string, today: string): Promise<Eligibility> {
  const f = await enterpriseFacts(db, access, enterpriseId, today);
  const e = checkEligibility(certificationPolicy.criteria, {
    aboveDesignatedSize: f.aboveDesignatedSize,
    trainingFundDrawnPct: f.drawnPct,
    trainingFundMinPct: pct(fundRules.drawnMin),
    educationGroupsLed: f.educationGroupsLed,
  });
  let blocked: string | null = null;
  try {
    checkMayApply(await casesOf(db, enterpriseId), today);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    blocked = err.message;
  }
  return { enterpriseId: f.id, enterpriseName: f.name, ...e, blocked };
}

/** The register's status follows from the enterprise's latest case: never set by hand once the enterprise has one. */
async function syncIntegrationStatus(tx: Tx, enterpriseId: string, state: CaseState, today: string) {
  await tx.execute(
    sql`update enterprises set integration_status = ${integrationStatusOf(state, today)}, updated_at = now() where organisation_id = ${enterpriseId}`,
  );
}

export async function applyForCertification(tx: Tx, audit: Auditor, access: Access, input: CaseApply, today: string, now: Date) {
  const f = await enterpriseFacts(tx, access, input.enterpriseId, today);
  if (f.status !== 'active') throw new AppError('INVALID_STATE', '企业不在册（待审核或已注销），不能申报');
  // One application at a time per enterprise: the enterprise row is locked while its cases are read.
  await tx.execute(sql`select 1 from enterprises where organisation_id = ${f.id} for update`);
  checkMayApply(await casesOf(tx, f.id), today);
  const e = checkEligibility(certificationPolicy.criteria, {
    aboveDesignatedSize: f.aboveDesignatedSize,
    trainingFundDrawnPct: f.drawnPct,
    trainingFundMinPct: pct(fundRules.drawnMin),
    educationGroupsLed: f.educationGroupsLed,
  });
  if (!e.mayApply)
    throw new AppError(
      'RULE_VIOLATION',
      `尚不满足基本条件：${e.criteria
        .filter((c) => e.missing.includes(c.code))
        .map((c) => c.name)
        .join('；')}`,
      {
        details: { rule: 'basicCriteria', missing: e.missing },
      },
    );
  const prefill = {
    size: f.size,
    staffCount: f.staffCount,
    payrollYuan: f.payrollYuan,
    aboveDesignatedSize: f.aboveDesignatedSize,
    declaredYear: f.declaredYear,
    trainingFundDrawnPct: f.drawnPct,
    internshipPlaces: f.internshipPlaces,
    internshipsHosted: f.internshipsHosted,
    carriersLed: f.carriersLed,
    educationGroupsLed: f.educationGroupsLed,
    criteria: Object.fromEntries(e.criteria.map((c) => [c.code, c.status])),
  };
  const state = newCase(today);
  const [row] = await tx
    .insert(certificationCases)
    .values({
      enterpriseId: f.id,
      stage: state.stage,
      appliedOn: today,
      prefill,
      statement: input.statement,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: certificationCases.id });
  await audit.record({
    action: 'certification.apply',
    entityType: 'certificationCase',
    entityId: row!.id,
    after: { enterpriseId: f.id, stage: state.stage, appliedOn: today },
  });
  await syncIntegrationStatus(tx, f.id, state, today);
  return getCase(tx, { kind: 'city' }, row!.id, today);
}

/** Runs one named transition on a case read at `version`, writes the new state, audits it under the transition's name. */
async function step(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  t: Transition,
  extra: Record<string, unknown>,
  today: string,
  now: Date,
) {
  const before = await caseRow(tx, access, id, true);
  if (before.version !== version) throw versionConflict();
  const next = transition(stateOf(before), t, today, RULES);
  const set = {
    stage: next.stage,
    reserveOn: next.reserveOn,
    planDueOn: next.planDueOn,
    planPublishedOn: next.planPublishedOn,
    level: next.level,
    certifiedOn: next.certifiedOn,
    objectionUntil: next.objectionUntil,
    validUntil: next.validUntil,
    revokedOn: next.revokedOn,
    revocationReason: next.revocationReason,
    bannedUntil: next.bannedUntil,
    ...extra,
  };
  await tx
    .update(certificationCases)
    .set({ ...set, version: sql`${certificationCases.version} + 1`, updatedAt: now })
    .where(sql`${certificationCases.id} = ${id}`);
  const old = before as unknown as Record<string, unknown>;
  const changed = Object.keys(set).filter((k) => set[k as keyof typeof set] !== old[k]);
  await audit.record({
    action: `certification.${t.name}`,
    entityType: 'certificationCase',
    entityId: id,
    before: Object.fromEntries(changed.map((k) => [k, old[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, set[k as keyof typeof set]])),
  });
  await syncIntegrationStatus(tx, before.enterpriseId, next, today);
  return getCase(tx, { kind: 'city' }, id, today);
}

export function reviewInDistrict(tx: Tx, audit: Auditor, access: Access, id: string, b: DistrictReview, today: string, now: Date) {
  return step(
    tx,
    audit,
    access,
    id,
    b.version,
    { name: 'districtReview', approve: b.approve },
    { lastComment: b.comment ?? null },
    today,
    now,
  );
}

export async function decide(tx: Tx, audit: Auditor, access: Access, id: string, b: CaseDecision, today: string, now: Date) {
  const lastComment = b.comment ?? null;
  switch (b.transition) {
    case 'eligibilityCheck':
      return step(tx, audit, access, id, b.version, { name: 'eligibilityCheck', approve: b.approve }, { lastComment }, today, now);
    case 'recordExpertReview':
      return concludeExpertReview(tx, audit, access, id, b, today, now);
    case 'enterReserve':
      return step(tx, audit, access, id, b.version, { name: 'enterReserve' }, { lastComment }, today, now);
    case 'certify':
      return step(
        tx,
        audit,
        access,
        id,
        b.version,
        { name: 'certify', level: b.level },
        { documentNo: b.documentNo, lastComment },
        today,
        now,
      );
    case 'closeNotice':
      return step(
        tx,
        audit,
        access,
        id,
        b.version,
        { name: 'closeNotice', objectionUpheld: b.objectionUpheld },
        { lastComment },
        today,
        now,
      );
    case 'revoke':
      return step(tx, audit, access, id, b.version, { name: 'revoke', reason: b.reason }, { lastComment: b.comment }, today, now);
  }
}

// ——— the expert-review stage, on the shared expert review (server/expert-review) ———

/**
 * Opens the expert review of a case that passed the eligibility check: one review round, the case its only subject,
 * the applicant enterprise the party conflicts are checked against (an expert of the enterprise or of one of its
 * partners is never assigned), the rubric, aggregation and panel size from the policy file. The bureau then assigns
 * the experts on the round (POST /api/review-rounds/:id/assignment) and the experts score on /reviews.
 */
export async function openExpertReview(
  tx: Tx,
  audit: Auditor,
  access: Access,
  organisationId: string,
  id: string,
  version: number,
  today: string,
) {
  const c = await caseRow(tx, access, id, true);
  if (c.version !== version) throw versionConflict();
  if (c.stage !== 'eligible')
    throw new AppError('INVALID_STATE', '资格审查通过后（待专家评审阶段）方可发起专家评审', {
      details: { rule: 'stageOrder', stage: c.stage },
    });
  if (await roundOfOwner(tx, REVIEW_OWNER, id)) throw new AppError('CONFLICT', '该申报已发起专家评审', { details: { rule: 'oneRound' } });
  const p = c.prefill as Record<string, unknown>;
  const figure = (label: string, v: unknown, unit = '') => `${label}：${v === null || v === undefined ? '—' : `${String(v)}${unit}`}`;
  await openRound(
    tx,
    audit,
    {
      ownerKind: REVIEW_OWNER,
      ownerId: id,
      organisationId,
      title: `产教融合型企业认定专家评审：${c.enterpriseName}`,
      rubric: REVIEW.rubric,
      aggregation: REVIEW.aggregation,
      expertsPerSubject: REVIEW.expertsPerCase,
      // The enterprise is the subject of the review: its name cannot be hidden from the panel.
      blind: false,
      heldOn: today,
    },
    [
      {
        subjectKind: REVIEW_OWNER,
        subjectId: id,
        title: `${c.enterpriseName}（产教融合型企业申报）`,
        summary: [
          `申报日期：${c.appliedOn}${c.districtName ? `；所在区县：${c.districtName}` : ''}`,
          [
            '【登记与申报数据（申报时预填）】',
            figure('职工人数', p.staffCount, '人'),
            figure('职工教育培训经费提取比例', p.trainingFundDrawnPct, '%'),
            figure('提供实习岗位', p.internshipPlaces, '个'),
            figure('接收实习学生', p.internshipsHosted, '人次'),
            figure('牵头职教集团', p.educationGroupsLed, '个'),
            figure('牵头产教融合载体', p.carriersLed, '个'),
          ].join('\n'),
          `【企业申报说明】\n${c.statement}`,
          `【评审通过分数】汇总分不低于 ${REVIEW.passScore} 分（${REVIEW.source.article}）`,
        ].join('\n\n'),
        field: null,
        applicantOrganisationIds: [c.enterpriseId],
        applicantNames: c.enterpriseName,
      },
    ],
  );
  await audit.record({
    action: 'certification.openExpertReview',
    entityType: 'certificationCase',
    entityId: id,
    after: { stage: c.stage },
  });
  return getCase(tx, { kind: 'city' }, id, today);
}

/**
 * The stage's outcome from the finished round: every assigned sheet in (else refused naming the rule), the aggregate
 * against the policy's pass score. The bureau types no score; the review document it may upload is optional evidence.
 */
async function concludeExpertReview(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  b: Extract<CaseDecision, { transition: 'recordExpertReview' }>,
  today: string,
  now: Date,
) {
  let fileId: string | null = null;
  if (b.documentFileId) {
    const [file] = await rows<{ id: string }>(
      tx,
      sql`select id from evidence_files where id = ${b.documentFileId} and owner_kind = 'certificationCase' and owner_id = ${id}`,
    );
    if (!file)
      throw new AppError('VALIDATION_FAILED', '评审文件须是本申报已上传的材料', {
        fields: { documentFileId: '请先上传专家评审意见，或不附评审文件' },
      });
    fileId = file.id;
  }
  const round = await roundOfOwner(tx, REVIEW_OWNER, id);
  let assigned = 0;
  let submitted = 0;
  let score: number | null = null;
  if (round && round.status !== 'open') {
    const results = await roundResults(tx, { kind: 'city' }, round.id);
    const subject = results.subjects.find((x) => x.subjectId === id);
    assigned = subject?.sheets.length ?? 0;
    submitted = subject?.submitted ?? 0;
    score = subject?.score ?? null;
  }
  const transitionOf: Transition = { name: 'recordExpertReview', assigned, submitted, score, passScore: REVIEW.passScore };
  const done = await step(
    tx,
    audit,
    access,
    id,
    b.version,
    transitionOf,
    { expertReviewFileId: fileId, expertReviewScore: score, lastComment: b.comment ?? null },
    today,
    now,
  );
  if (!round || round.status === 'closed') return done;
  // Scoring ends with the decision: a sheet revised afterwards would no longer be what the case was decided on.
  await closeRound(tx, audit, round.id);
  return getCase(tx, { kind: 'city' }, id, today);
}

export function publishPlan(tx: Tx, audit: Auditor, access: Access, id: string, b: PlanPublish, today: string, now: Date) {
  return step(tx, audit, access, id, b.version, { name: 'publishPlan' }, { planTitle: b.title, planUrl: b.url }, today, now);
}

/** The annual integration report: the year's declaration and the register pre-fill its figures; the enterprise writes the narrative. */
export async function submitAnnualReport(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  b: AnnualReportCreate,
  userId: string,
  today: string,
  now: Date,
) {
  const before = await caseRow(tx, access, id, true);
  // The state machine checks the stage, the year and a second report of a year (the unique index backs it).
  transition(stateOf(before), { name: 'annualReport', year: b.year }, today, RULES);
  const [figures] = await rows<Record<string, unknown>>(
    tx,
    sql`select d.payroll_yuan::float8 as "payrollYuan", d.fund_drawn_yuan::float8 as "fundDrawnYuan", d.fund_spent_yuan::float8 as "fundSpentYuan",
      d.frontline_share_pct::float8 as "frontlineSharePct", d.people_trained as "peopleTrained",
      coalesce((select places from ${offeredPlaces(b.year)} where offered.enterprise_id = ${before.enterpriseId}), 0)::int as "internshipPlaces"
    from (select 1) one left join enterprise_declarations d on d.enterprise_id = ${before.enterpriseId} and d.year = ${b.year}`,
  );
  const dueOn = annualReportDueOn(b.year, RULES);
  const [row] = await tx
    .insert(certificationAnnualReports)
    .values({
      caseId: id,
      year: b.year,
      submittedOn: today,
      dueOn,
      figures: figures ?? {},
      narrative: b.narrative,
      submittedBy: userId,
      createdAt: now,
    })
    .returning({ id: certificationAnnualReports.id });
  await audit.record({
    action: 'certification.annualReport',
    entityType: 'certificationCase',
    entityId: id,
    after: { reportId: row!.id, year: b.year, submittedOn: today, late: today > dueOn },
  });
  return getCase(tx, { kind: 'city' }, id, today);
}

/** The public list: enterprises certified (or in their objection period) and within their validity. */
export async function certifiedEnterprises(db: Db, today: string) {
  const items = await rows<{
    enterpriseName: string;
    uscc: string;
    districtName: string | null;
    level: 'city' | 'province' | 'nation';
    documentNo: string | null;
    certifiedOn: string;
    validUntil: string | null;
    inNotice: boolean;
    objectionUntil: string | null;
  }>(
    db,
    sql`select o.name as "enterpriseName", o.code as uscc, dist.name as "districtName", c.level, c.document_no as "documentNo",
      c.certified_on::text as "certifiedOn", c.valid_until::text as "validUntil", c.stage = 'publicNotice' as "inNotice",
      c.objection_until::text as "objectionUntil"
    from certification_cases c join organisations o on o.id = c.enterprise_id left join organisations dist on dist.id = o.district_id
    where o.status = 'active' and (c.stage = 'publicNotice' or (c.stage = 'certified' and c.valid_until >= ${today}))
    order by case c.level when 'nation' then 0 when 'province' then 1 else 2 end, c.certified_on desc, o.code`,
  );
  return { items };
}

/** Certifications past their validity on `today`: the expiry job's work. */
export function lapsedCases(db: Db, today: string) {
  return rows<{ id: string; enterpriseId: string; enterpriseName: string; validUntil: string; version: number }>(
    db,
    sql`select c.id, c.enterprise_id as "enterpriseId", o.name as "enterpriseName", c.valid_until::text as "validUntil", c.version
    from certification_cases c join organisations o on o.id = c.enterprise_id
    where c.stage = 'certified' and c.valid_until < ${today} order by c.valid_until, c.id`,
  );
}

/** A certification lapses the day after its validity (the daily job): named, audited, the register's status follows. */
export function expireCase(tx: Tx, audit: Auditor, id: string, version: number, today: string, now: Date) {
  return step(tx, audit, { kind: 'city' }, id, version, { name: 'expire' }, {}, today, now);
}
