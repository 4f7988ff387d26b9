import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { aggregate, assignExperts, noConflictData, rank, totalOf, type RubricItem } from '../../core/expert-review/index.ts';
import { addDays } from '../../core/internships/dates.ts';
import { callsPolicy, expertReviewPolicy } from '../../policy/index.ts';
import type { Db } from '../platform/db/engine.ts';
import {
  callApplicationPartners,
  callApplications,
  callObjections,
  calls,
  experts,
  memberships,
  organisations,
  reviewAssignments,
  reviewRounds,
  reviewSubjects,
  schools,
  users,
} from '../platform/db/schema/index.ts';
import { createRng } from './prng.ts';

/**
 * Demo data for project calls and expert review, so `npm start` shows each stage: last year's 协同育人 call decided
 * and published (its funded projects count toward the cockpit's target), this year's 教学创新团队 call under expert
 * review (teacher1 and enterprise1 among the experts, some sheets still to score), and a 双师型 training-base call
 * open for applications with school1's draft. The experts are demo staff accounts put in the pool. Deterministic.
 */
export async function seedCallsDemo(db: Db, opts: { now: Date }) {
  const rng = createRng(1505);
  const today = todayOf(opts.now);
  const [bureau] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'bureau')).limit(1);
  if (!bureau) return null;
  const schoolRows = await db
    .select({ id: organisations.id, name: organisations.name, districtId: organisations.districtId, level: schools.level })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.organisationId))
    .where(and(eq(organisations.status, 'active'), eq(organisations.isDemo, true)))
    .orderBy(asc(organisations.code))
    .limit(24);
  const entRows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'enterprise'), eq(organisations.status, 'active'), eq(organisations.isDemo, true)))
    .orderBy(asc(organisations.code))
    .limit(40);
  if (schoolRows.length < 4 || entRows.length < 4) return null;

  // The pool: twelve teachers and twelve enterprise administrators of the demo city (teacher1 and enterprise1 among them).
  const staff = await db
    .select({ userId: users.id, username: users.username, organisationId: memberships.organisationId, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.isDemo, true), inArray(memberships.role, ['teacher', 'enterprise_admin'])))
    .orderBy(sql`length(${users.username})`, asc(users.username));
  const pick = (role: string) => staff.filter((s) => s.role === role).slice(0, 12);
  const poolRows = [...pick('teacher'), ...pick('enterprise_admin')];
  if (poolRows.length < 6) return null;
  const fieldsOf = ['equipment', 'ai', 'auto', 'food', 'newMaterials', 'biomed'];
  const pool = await db
    .insert(experts)
    .values(
      poolRows.map((s, i) => ({
        userId: s.userId,
        organisationId: s.organisationId,
        title: i % 3 ? '高级工程师' : '教授',
        fields: [fieldsOf[i % fieldsOf.length]!],
        isDemo: true,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: experts.id, organisationId: experts.organisationId, fields: experts.fields });

  const kind = (code: string) => callsPolicy.kinds.find((k) => k.code === code)!;
  const nameOf = new Map(schoolRows.map((s) => [s.id, s.name]));
  const section = (title: string) =>
    `围绕${title}，学校与合作企业共同制定人才培养方案，共建实训场所，企业技术骨干参与教学，每年培养学生不少于200人，开展员工培训不少于500人次。`;

  async function makeCall(
    code: string,
    title: string,
    opensOn: string,
    closesOn: string,
    budgetYuan: number,
    status: 'open' | 'reviewing' | 'published',
    applicants: typeof schoolRows,
  ) {
    const k = kind(code);
    const [call] = await db
      .insert(calls)
      .values({
        kind: code,
        title,
        description: `${k.name}（${k.article}）。`,
        organisationId: bureau!.id,
        opensOn,
        closesOn,
        budgetYuan,
        status,
        isDemo: true,
      })
      .returning({ id: calls.id });
    const apps = await db
      .insert(callApplications)
      .values(
        applicants.map((s, i) => ({
          callId: call!.id,
          applicantOrganisationId: s.id,
          districtId: s.districtId,
          title: `${['智能制造', '数字商贸', '现代护理', '汽车服务', '软件技术', '食品检测'][i % 6]}${k.name.replace(/^“双师型”/, '')}`,
          field: fieldsOf[i % fieldsOf.length],
          requestedYuan: 300_000 + rng.int(0, 4) * 50_000,
          sections: Object.fromEntries(k.evidence.map((e) => [e.code, section(e.label)])),
          status: status === 'open' && i === 0 ? ('draft' as const) : ('submitted' as const),
          submittedAt: status === 'open' && i === 0 ? null : new Date(`${closesOn}T02:00:00Z`),
          isDemo: true,
        })),
      )
      .returning({
        id: callApplications.id,
        applicantOrganisationId: callApplications.applicantOrganisationId,
        title: callApplications.title,
        field: callApplications.field,
        requestedYuan: callApplications.requestedYuan,
      });
    await db.insert(callApplicationPartners).values(
      apps.map((a, i) => ({
        applicationId: a.id,
        organisationId: entRows[i % entRows.length]!.id,
        part: '提供实训岗位、兼职教师和真实项目',
        confirmedAt: new Date(`${opensOn}T04:00:00Z`),
      })),
    );
    if (k.rules.some((r) => r.code === 'min_team_members'))
      // A team's members: the school's own teachers in the register, dual-qualified first.
      await db.execute(sql`insert into call_application_members (application_id, teacher_id)
        select a.id, t.id from call_applications a cross join lateral (
          select id from teachers where school_id = a.applicant_organisation_id and status = 'active' order by dual_qualified desc, id limit 6) t
        where a.call_id = ${call!.id}`);
    return { id: call!.id, apps, kind: k };
  }

  async function review(c: Awaited<ReturnType<typeof makeCall>>, heldOn: string, scoredShare: number) {
    const [round] = await db
      .insert(reviewRounds)
      .values({
        ownerKind: 'call',
        ownerId: c.id,
        organisationId: bureau!.id,
        title: c.kind.name,
        rubric: c.kind.rubric,
        aggregation: c.kind.aggregation,
        expertsPerSubject: c.kind.expertsPerApplication,
        blind: c.kind.blind,
        status: scoredShare >= 1 ? 'closed' : 'assigned',
        heldOn,
      })
      .returning({ id: reviewRounds.id });
    const partnerOf = (i: number) => entRows[i % entRows.length]!.id;
    const subjects = await db
      .insert(reviewSubjects)
      .values(
        c.apps.map((a, i) => ({
          roundId: round!.id,
          subjectKind: 'call_application',
          subjectId: a.id,
          title: a.title,
          summary: [
            `申请金额：${a.requestedYuan} 元`,
            ...c.kind.evidence.map((e) => `【${e.label}】\n${section(e.label)}`),
            '【合作单位】\n合作单位1：提供实训岗位、兼职教师和真实项目',
          ].join('\n\n'),
          field: a.field,
          applicantOrganisationIds: [a.applicantOrganisationId, partnerOf(i)],
          applicantNames: [nameOf.get(a.applicantOrganisationId) ?? '', '合作企业'].join('、'),
        })),
      )
      .returning({
        id: reviewSubjects.id,
        subjectId: reviewSubjects.subjectId,
        applicants: reviewSubjects.applicantOrganisationIds,
        field: reviewSubjects.field,
      });
    const assigned = assignExperts({
      subjects: subjects.map((s) => ({
        ref: { kind: 'call_application', id: s.id },
        applicantOrganisationIds: s.applicants,
        field: s.field,
      })),
      experts: pool.map((e) => ({ id: e.id, organisationId: e.organisationId, fields: e.fields })),
      perSubject: c.kind.expertsPerApplication,
      conflicts: noConflictData(),
    });
    if (!assigned.ok) return null;
    const rubric = c.kind.rubric as RubricItem[];
    const rows = assigned.pairs.map((p) => {
      const scored = rng.next() < scoredShare;
      const scores = Object.fromEntries(rubric.map((it) => [it.code, Math.round(it.max * (0.6 + rng.next() * 0.35) * 2) / 2]));
      return {
        roundId: round!.id,
        reviewSubjectId: subjects[p.subjectIndex]!.id,
        expertId: pool[p.expertIndex]!.id,
        scores: scored ? scores : null,
        total: scored ? totalOf(rubric, scores) : null,
        comment: scored ? '方案目标明确，校企合作基础较好，建议加强成效评价。' : null,
        submittedAt: scored ? new Date(`${heldOn}T06:00:00Z`) : null,
      };
    });
    if (rows.length) await db.insert(reviewAssignments).values(rows);
    await db.update(calls).set({ reviewRoundId: round!.id }).where(eq(calls.id, c.id));
    const totals = subjects.map((s) => rows.filter((r) => r.reviewSubjectId === s.id && r.total !== null).map((r) => r.total!));
    return subjects.map((s, i) => ({
      applicationId: s.subjectId,
      score: aggregate(totals[i]!, c.kind.aggregation, expertReviewPolicy.trimmedMeanDrop),
    }));
  }

  // 1. Last year's collaborative projects: reviewed, decided within the budget, published.
  const lastOpens = addDays(today, -300);
  const past = await makeCall(
    'collaborative_project',
    `${Number(today.slice(0, 4)) - 1}年政产学研用协同育人项目`,
    lastOpens,
    addDays(lastOpens, 45),
    3_000_000,
    'published',
    schoolRows.slice(0, 10),
  );
  const pastScores = (await review(past, addDays(lastOpens, 45), 1)) ?? [];
  const ranked = rank(
    pastScores,
    (s) => s.score,
    (s) => s.applicationId,
  );
  let budget = 3_000_000;
  let funded = 0;
  let notFunded: (typeof past.apps)[number] | undefined;
  for (const r of ranked) {
    const app = past.apps.find((a) => a.id === r.item.applicationId)!;
    const award = funded < 6 && app.requestedYuan <= budget ? app.requestedYuan : null;
    if (award) {
      budget -= award;
      funded++;
    } else notFunded ??= app;
    await db
      .update(callApplications)
      .set({ score: r.item.score, rank: r.rank, decision: award ? 'funded' : 'not_funded', awardYuan: award })
      .where(eq(callApplications.id, app.id));
  }
  const publishedOn = addDays(lastOpens, 75);
  await db
    .update(calls)
    .set({
      publishedOn,
      objectionEndsOn: addDays(publishedOn, callsPolicy.objectionDays),
      decidedAt: new Date(`${addDays(publishedOn, -3)}T02:00:00Z`),
    })
    .where(eq(calls.id, past.id));
  // One applicant not funded objected during 公示 and the bureau answered: the result stands (final).
  if (notFunded)
    await db.insert(callObjections).values({
      callId: past.id,
      applicationId: notFunded.id,
      applicantOrganisationId: notFunded.applicantOrganisationId,
      reasons: '本校申报的实训基地共建成效材料较完整，请复核“合作基础”一项评分。',
      raisedAt: new Date(`${addDays(publishedOn, 2)}T02:00:00Z`),
      status: 'answered',
      outcome: 'dismissed',
      answer: '经组织专家复核，评分符合评分细则，维持原评审结果。',
      answeredAt: new Date(`${addDays(publishedOn, 5)}T02:00:00Z`),
      version: 2,
    });

  // 2. This year's teaching innovation teams: deadline passed, experts scoring.
  const teamOpens = addDays(today, -40);
  const teams = await makeCall(
    'teaching_innovation_team',
    `${today.slice(0, 4)}年职业教育教师教学创新团队`,
    teamOpens,
    addDays(today, -3),
    2_000_000,
    'reviewing',
    [...schoolRows].reverse().slice(0, 8),
  );
  await review(teams, addDays(today, -3), 0.6);

  // 3. A training-base call open now, with school1's draft.
  const higher = schoolRows.filter((s) => s.level !== 'secondary').slice(0, 3);
  const bases = await makeCall(
    'dual_qualified_training_base',
    `${today.slice(0, 4)}年“双师型”教师培养培训基地`,
    addDays(today, -5),
    addDays(today, 25),
    1_500_000,
    'open',
    higher.length ? higher : schoolRows.slice(0, 2),
  );
  return { experts: pool.length, calls: 3, applications: past.apps.length + teams.apps.length + bases.apps.length, funded };
}
