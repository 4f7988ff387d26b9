import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { SASAC_LEVELS } from '../../contracts/certification.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import {
  addDays,
  annualReportDueOn,
  integrationStatusOf,
  newCase,
  transition,
  type CaseState,
  type Transition,
} from '../../core/certification/lifecycle.ts';
import { aggregate, assignExperts, noConflictData, totalOf } from '../../core/expert-review/index.ts';
import { certificationPolicy, expertReviewPolicy } from '../../policy/index.ts';
import {
  certificationAnnualReports,
  certificationCases,
  enterpriseDeclarations,
  evidenceFiles,
  experts,
  reviewAssignments,
  reviewRounds,
  reviewSubjects,
} from '../platform/db/schema/index.ts';
import { declarationYearOn } from '../certification/index.ts';
import { createRng } from './prng.ts';

/**
 * Last year's declarations of the demo city's enterprises above designated size (issue 14 item 3), so the
 * cockpit's training-fund targets and their drill-down have figures: about nine in ten have declared; most
 * draw 1.5%–2.5% of payroll, some less (a few more), and spend most of it, 45%–85% on front-line staff; about
 * one in twelve is state-owned, most under the city's 国资委. Payroll is the register's, give or take a tenth.
 */
export async function seedDeclarationsDemo(db: Db, opts: { now: Date; seed?: number }): Promise<{ declared: number; stateOwned: number }> {
  const rng = createRng(opts.seed ?? 20240115);
  const year = declarationYearOn(todayOf(opts.now));
  const found = await rows<{ id: string; payroll: string | null; staff: number }>(
    db,
    sql`select o.id, e.payroll_yuan as payroll, e.staff_count as staff
      from enterprises e join organisations o on o.id = e.organisation_id
      where e.above_designated_size and o.status = 'active' order by o.code`,
  );
  const values = [];
  for (const e of found) {
    if (!rng.chance(0.9)) continue;
    const registerPayroll = Number(e.payroll ?? 0) || e.staff * 90_000;
    const payrollYuan = Math.round(registerPayroll * (0.95 + rng.next() * 0.15));
    const band = rng.next();
    const drawnShare = band < 0.15 ? 0.006 + rng.next() * 0.008 : band < 0.2 ? 0.026 + rng.next() * 0.006 : 0.015 + rng.next() * 0.01;
    const fundDrawnYuan = Math.round(payrollYuan * drawnShare);
    const fundSpentYuan = Math.round(fundDrawnYuan * (0.7 + rng.next() * 0.3));
    const soe = rng.chance(0.08);
    values.push({
      enterpriseId: e.id,
      year,
      payrollYuan,
      fundDrawnYuan,
      fundSpentYuan,
      frontlineSharePct: Math.round((45 + rng.next() * 40) * 100) / 100,
      peopleTrained: Math.max(1, Math.round(e.staff * (0.2 + rng.next() * 0.8))),
      sasacLevel: soe ? (rng.chance(0.6) ? 'city' : rng.pick(SASAC_LEVELS)) : null,
      createdAt: opts.now,
      updatedAt: opts.now,
    } as const);
  }
  for (let i = 0; i < values.length; i += 1000)
    await db
      .insert(enterpriseDeclarations)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing();
  return { declared: values.length, stateOwned: values.filter((v) => v.sasacLevel).length };
}

const PDF = Buffer.from('%PDF-1.4\n% 专家评审意见（演示）\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A few enterprises in the 产教融合型企业 pipeline, stepped through the lifecycle's own state machine on past days
 * (so every date and deadline is what the rules give): two certified at city level (one has sent its annual
 * report, the other has not; both declared their investment in vocational education and their surcharges for
 * the surcharge credit), one in its objection period, one cultivating, one in the reserve whose plan is overdue, and three
 * waiting on the district, the bureau and the expert panel. Each expert review is a real review round of the shared
 * expert review: the policy's panel drawn from the demo expert pool (seeded with the project calls; an expert of
 * the applicant enterprise never on it), every sheet scored within the rubric, and the outcome the aggregate against
 * the policy's pass score; the case waiting on the panel has its round assigned with some sheets still to score.
 * Without a pool large enough, the cases stop before the expert review. enterprise1 stays out of it, so its
 * account can run the self-check and apply.
 */
export async function seedCertificationDemo(db: Db, opts: { now: Date }): Promise<{ cases: number; reviewRounds: number }> {
  const rng = createRng(1414);
  // Its own stream, so the review scores drawn from `rng` stay what they were.
  const money = createRng(4614);
  const today = todayOf(opts.now);
  const rules = certificationPolicy.lifecycle;
  const review = certificationPolicy.review;
  const year = declarationYearOn(today);
  const candidates = await rows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from enterprise_declarations d join organisations o on o.id = d.enterprise_id join enterprises e on e.organisation_id = o.id
      where d.year = ${year} and e.above_designated_size and o.status = 'active' and e.integration_status = 'none'
        and d.fund_drawn_yuan * 1000 >= d.payroll_yuan * 15
        and not exists (select 1 from memberships m join users u on u.id = m.user_id where m.organisation_id = o.id and u.username = 'enterprise1')
      order by o.code limit 8`,
  );
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin' limit 1`);
  if (!admin) return { cases: 0, reviewRounds: 0 };
  const [bureau] = await rows<{ id: string }>(db, sql`select id from organisations where kind = 'bureau' order by code limit 1`);
  const pool = await db
    .select({ id: experts.id, organisationId: experts.organisationId, fields: experts.fields })
    .from(experts)
    .where(sql`${experts.active} and ${experts.isDemo}`)
    .orderBy(experts.id);
  const canReview = !!bureau && pool.length > review.expertsPerCase;
  const back = (days: number) => addDays(today, -days);
  // [applied days ago, the steps to take with their day offsets from the application]; the review is opened on day 30.
  type Step = Transition | { name: 'expertReview' };
  type Plan = Array<[Step, number]>;
  const full = (certifyAfter: number): Plan => [
    [{ name: 'districtReview', approve: true }, 10],
    [{ name: 'eligibilityCheck', approve: true }, 20],
    [{ name: 'expertReview' }, 40],
    [{ name: 'enterReserve' }, 50],
    [{ name: 'publishPlan' }, 100],
    [{ name: 'certify', level: 'city' }, certifyAfter],
  ];
  const plans: Array<{ appliedAgo: number; steps: Plan; report?: boolean; scoring?: boolean }> = [
    { appliedAgo: 900, steps: [...full(430), [{ name: 'closeNotice', objectionUpheld: false }, 445]], report: true },
    // Certified over a year ago and silent since: on the bureau's list of those who have not reported.
    { appliedAgo: 1000, steps: [...full(430), [{ name: 'closeNotice', objectionUpheld: false }, 445]] },
    { appliedAgo: 420, steps: full(417) },
    { appliedAgo: 300, steps: full(0).slice(0, 5) },
    { appliedAgo: 160, steps: full(0).slice(0, 4) },
    { appliedAgo: 40, steps: full(0).slice(0, 2), scoring: true },
    { appliedAgo: 20, steps: full(0).slice(0, 1) },
    { appliedAgo: 5, steps: [] },
  ];

  /** A review round of one case: the panel assigned as the assignment rule does, `share` of its sheets scored. */
  async function reviewRound(caseId: string, enterprise: { id: string; name: string }, heldOn: string, share: number, closed: boolean) {
    const [round] = await db
      .insert(reviewRounds)
      .values({
        ownerKind: 'certificationCase',
        ownerId: caseId,
        organisationId: bureau!.id,
        title: `产教融合型企业认定专家评审：${enterprise.name}`,
        rubric: review.rubric,
        aggregation: review.aggregation,
        expertsPerSubject: review.expertsPerCase,
        blind: false,
        status: closed ? 'closed' : 'assigned',
        heldOn,
      })
      .returning({ id: reviewRounds.id });
    const [subject] = await db
      .insert(reviewSubjects)
      .values({
        roundId: round!.id,
        subjectKind: 'certificationCase',
        subjectId: caseId,
        title: `${enterprise.name}（产教融合型企业申报）`,
        summary: `【企业申报说明】\n${STATEMENT}\n\n【评审通过分数】汇总分不低于 ${review.passScore} 分（${review.source.article}）`,
        field: null,
        applicantOrganisationIds: [enterprise.id],
        applicantNames: enterprise.name,
      })
      .returning({ id: reviewSubjects.id });
    const assigned = assignExperts({
      subjects: [{ ref: { kind: 'certificationCase', id: subject!.id }, applicantOrganisationIds: [enterprise.id], field: null }],
      experts: pool.map((e) => ({ id: e.id, organisationId: e.organisationId, fields: e.fields })),
      perSubject: review.expertsPerCase,
      conflicts: noConflictData(),
    });
    if (!assigned.ok) throw new Error('演示专家库不足以组成产教融合型企业评审专家组');
    const sheets = assigned.pairs.map((p, i) => {
      const scored = i < Math.round(share * assigned.pairs.length);
      const scores = Object.fromEntries(review.rubric.map((it) => [it.code, Math.round(it.max * (0.74 + rng.next() * 0.2) * 2) / 2]));
      return {
        roundId: round!.id,
        reviewSubjectId: subject!.id,
        expertId: pool[p.expertIndex]!.id,
        scores: scored ? scores : null,
        total: scored ? totalOf(review.rubric, scores) : null,
        comment: scored ? '校企合作基础扎实，实训投入到位，建议进一步扩大订单培养规模。' : null,
        submittedAt: scored ? new Date(`${heldOn}T06:00:00Z`) : null,
      };
    });
    await db.insert(reviewAssignments).values(sheets);
    const totals = sheets.filter((x) => x.total !== null).map((x) => x.total!);
    return {
      assigned: sheets.length,
      submitted: totals.length,
      score: totals.length ? aggregate(totals, review.aggregation, expertReviewPolicy.trimmedMeanDrop) : null,
    };
  }

  let made = 0;
  let rounds = 0;
  for (const [i, e] of candidates.entries()) {
    const p = plans[i]!;
    const appliedOn = back(p.appliedAgo);
    // Without an expert pool the case waits on the panel (eligible) rather than skip the review.
    const steps = canReview ? p.steps : p.steps.filter((_, k) => k < 2);
    const [c] = await db
      .insert(certificationCases)
      .values({
        enterpriseId: e.id,
        stage: 'applied',
        appliedOn,
        prefill: { demo: true },
        statement: STATEMENT,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: certificationCases.id });
    // The review round is opened on day 30 (after the eligibility check); its outcome is what the state machine reads.
    const reviewed = steps.some(([t]) => t.name === 'expertReview');
    const r =
      reviewed || (canReview && p.scoring) ? await reviewRound(c!.id, e, addDays(appliedOn, 30), reviewed ? 1 : 0.4, reviewed) : null;
    if (r) rounds++;
    let state: CaseState = newCase(appliedOn);
    for (const [t, after] of steps) {
      const day = addDays(appliedOn, after);
      state =
        t.name === 'expertReview'
          ? transition(state, { name: 'recordExpertReview', ...r!, passScore: review.passScore }, day, rules)
          : transition(state, t, day, rules);
      if (state.stage === 'rejected') break;
    }
    if (reviewed)
      await db
        .update(certificationCases)
        .set({ expertReviewScore: r!.score })
        .where(sql`${certificationCases.id} = ${c!.id}`);
    await db
      .update(certificationCases)
      .set({
        stage: state.stage,
        reserveOn: state.reserveOn,
        planDueOn: state.planDueOn,
        planPublishedOn: state.planPublishedOn,
        planTitle: state.planPublishedOn ? '产教融合型企业三年建设规划' : null,
        planUrl: state.planPublishedOn ? 'https://www.zhengzhou.gov.cn/' : null,
        level: state.level,
        documentNo: state.level ? `郑教〔${state.certifiedOn!.slice(0, 4)}〕${20 + i}号` : null,
        certifiedOn: state.certifiedOn,
        objectionUntil: state.objectionUntil,
        validUntil: state.validUntil,
      })
      .where(sql`${certificationCases.id} = ${c!.id}`);
    if (reviewed) {
      // The panel's signed opinion, kept as evidence beside the scores it summarises.
      const [f] = await db
        .insert(evidenceFiles)
        .values({
          ownerKind: 'certificationCase',
          ownerId: c!.id,
          fileName: '专家评审意见.pdf',
          type: 'pdf',
          mediaType: 'application/pdf',
          byteSize: PDF.length,
          sha256: crypto.createHash('sha256').update(PDF).digest('hex'),
          data: PDF,
          uploadedBy: admin.id,
        })
        .returning({ id: evidenceFiles.id });
      await db
        .update(certificationCases)
        .set({ expertReviewFileId: f!.id })
        .where(sql`${certificationCases.id} = ${c!.id}`);
    }
    if (p.report && state.certifiedOn && Number(state.certifiedOn.slice(0, 4)) < Number(today.slice(0, 4))) {
      const y = Number(state.certifiedOn.slice(0, 4));
      await db.insert(certificationAnnualReports).values({
        caseId: c!.id,
        year: y,
        submittedOn: annualReportDueOn(y, rules),
        dueOn: annualReportDueOn(y, rules),
        figures: {},
        narrative: '全年接收职业院校学生岗位实习，与合作院校共建专业，开展职工技能培训。',
        createdAt: opts.now,
      });
    }
    if (state.stage === 'certified')
      await db.execute(
        sql`update enterprise_declarations set vocational_investment_yuan = ${50_000 * (10 + Math.floor(money.next() * 50))},
          education_surcharges_yuan = ${10_000 * (10 + Math.floor(money.next() * 50))} where enterprise_id = ${e.id} and year = ${year}`,
      );
    await db.execute(sql`update enterprises set integration_status = ${integrationStatusOf(state, today)} where organisation_id = ${e.id}`);
    made++;
  }
  return { cases: made, reviewRounds: rounds };
}

const STATEMENT = '本企业与本市职业院校开展订单培养、共建实训基地，接收学生岗位实习，设有校企合作办公室。';
