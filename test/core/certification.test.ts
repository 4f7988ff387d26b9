import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEligibility } from '../../core/certification/criteria.ts';
import { declarationProblems, declarationStanding, fundRulesOf } from '../../core/certification/declaration.ts';
import {
  addMonths,
  checkMayApply,
  deadlinesOf,
  integrationStatusOf,
  newCase,
  transition,
  type CaseState,
  type Transition,
} from '../../core/certification/lifecycle.ts';
import { parseCertificationPolicy } from '../../core/certification/policy.ts';
import { AppError } from '../../core/errors.ts';
import { certificationPolicy, currentPlan } from '../../policy/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };

const rules = certificationPolicy.lifecycle;
const fund = fundRulesOf(currentPlan.rules);
const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError);
    return (e.details as { rule: string }).rule;
  }
  assert.fail('expected a refusal');
};

test('policy: the deadlines and the ban come from the policy file (590号: 3 months, 1 year, end of January, 5 years)', () => {
  assert.equal(rules.planDueMonths, 3);
  assert.equal(rules.cultivationMinYears, 1);
  assert.equal(rules.annualReportDue, '01-31');
  assert.equal(rules.banYears, 5);
  assert.ok(certificationPolicy.criteria.every((c) => c.source.document && c.source.article));
  assert.ok(certificationPolicy.criteria.some((c) => c.group === 'oneOf'));
});

test('policy: the expert-review stage has its rubric, panel size and pass score in the policy file, with its source', () => {
  const r = certificationPolicy.review;
  assert.ok(r.source.document && r.source.article && r.note);
  assert.ok(r.expertsPerCase >= 1);
  const top = r.rubric.reduce((sum, x) => sum + x.max, 0);
  assert.ok(r.passScore > 0 && r.passScore <= top, 'a pass score the rubric can reach');
  const broken = structuredClone(plan.certification) as { review: { passScore: number; rubric: unknown[] } };
  broken.review.passScore = top * 3;
  broken.review.rubric = [...broken.review.rubric, broken.review.rubric[0]];
  assert.throws(() => parseCertificationPolicy(broken), /passScore[\s\S]*repeat|repeat[\s\S]*passScore/);
});

test('declaration: spent above drawn and a front-line share above 100% name their fields; standing against 1.5%–2.5% and 60%', () => {
  const d = { payrollYuan: 1_000_000, fundDrawnYuan: 15_000, fundSpentYuan: 15_001, frontlineSharePct: 100.01, peopleTrained: 3 };
  assert.deepEqual(Object.keys(declarationProblems(d)).sort(), ['frontlineSharePct', 'fundSpentYuan']);
  assert.deepEqual(declarationProblems({ ...d, fundSpentYuan: 15_000, frontlineSharePct: 100 }), {});
  const s = declarationStanding({ ...d, frontlineSharePct: 60 }, fund);
  assert.equal(s.drawn, 'within', 'exactly 1.5% is within');
  assert.equal(s.frontlineMeets, true, 'exactly 60% meets');
  assert.equal(declarationStanding({ ...d, fundDrawnYuan: 25_001 }, fund).drawn, 'above');
  assert.equal(declarationStanding({ ...d, fundDrawnYuan: 14_999 }, fund).drawn, 'below');
  assert.equal(declarationStanding({ ...d, frontlineSharePct: 59.99 }, fund).frontlineMeets, false);
});

test('eligibility: data criteria checked from the facts, evidence criteria wait for files; a basic one unmet blocks', () => {
  const facts = { aboveDesignatedSize: true, trainingFundDrawnPct: 1.8, trainingFundMinPct: 1.5, educationGroupsLed: 0 };
  const ok = checkEligibility(certificationPolicy.criteria, facts);
  assert.equal(ok.criteria.find((c) => c.code === 'training_fund_drawn')!.status, 'met');
  assert.equal(ok.criteria.find((c) => c.code === 'skill_linked_pay')!.status, 'evidence');
  assert.equal(ok.mayApply, true);
  const low = checkEligibility(certificationPolicy.criteria, { ...facts, trainingFundDrawnPct: 1.2 });
  assert.deepEqual(low.missing, ['training_fund_drawn']);
  assert.equal(low.mayApply, false);
  assert.match(low.criteria.find((c) => c.code === 'training_fund_drawn')!.found!, /1\.2%/);
  const none = checkEligibility(certificationPolicy.criteria, { ...facts, trainingFundDrawnPct: null });
  assert.equal(none.criteria.find((c) => c.code === 'training_fund_drawn')!.status, 'missing');
  const small = checkEligibility(certificationPolicy.criteria, { ...facts, aboveDesignatedSize: false });
  assert.equal(small.criteria.find((c) => c.code === 'above_designated_size')!.status, 'evidence', 'an industry leader proves it by files');
  assert.equal(
    checkEligibility(certificationPolicy.criteria, { ...facts, educationGroupsLed: 2 }).criteria.find(
      (c) => c.code === 'leads_education_group',
    )!.status,
    'met',
  );
});

test('lifecycle: each stage in order, deadlines from the policy; skipping a stage is refused naming the rule', () => {
  const step = (s: CaseState, t: Transition, day: string) => transition(s, t, day, rules);
  let s = newCase('2024-01-10');
  assert.equal(
    ruleOf(() => step(s, { name: 'enterReserve' }, '2024-01-11')),
    'stageOrder',
  );
  assert.equal(
    ruleOf(() => step(s, { name: 'certify', level: 'city' }, '2024-01-11')),
    'stageOrder',
  );
  s = step(s, { name: 'districtReview', approve: true }, '2024-01-15');
  s = step(s, { name: 'eligibilityCheck', approve: true }, '2024-01-20');
  // The panel's outcome comes from its sheets: none assigned, or one still out, is refused naming the rule.
  const pass = certificationPolicy.review.passScore;
  const review = (assigned: number, submitted: number, score: number | null) =>
    ({ name: 'recordExpertReview', assigned, submitted, score, passScore: pass }) as const;
  assert.equal(
    ruleOf(() => step(s, review(0, 0, null), '2024-02-01')),
    'expertReviewAssigned',
  );
  assert.equal(
    ruleOf(() => step(s, review(5, 4, 80), '2024-02-01')),
    'expertReviewComplete',
  );
  assert.equal(step(s, review(5, 5, pass - 0.1), '2024-02-01').stage, 'rejected', 'below the pass score the case ends');
  s = step(s, review(5, 5, pass), '2024-02-01');
  assert.equal(s.stage, 'expertReviewed', 'the pass score itself passes');
  s = step(s, { name: 'enterReserve' }, '2024-02-29');
  assert.equal(s.planDueOn, '2024-05-29');
  assert.equal(integrationStatusOf(s, '2024-03-01'), 'reserve');
  assert.equal(deadlinesOf(s, '2024-05-30', rules).planOverdue, true, 'overdue is flagged');
  assert.equal(
    ruleOf(() => step(s, { name: 'publishPlan' }, '2024-05-30')),
    'planDeadline',
  );
  s = step(s, { name: 'publishPlan' }, '2024-05-29');
  assert.equal(
    ruleOf(() => step(s, { name: 'certify', level: 'city' }, '2025-02-27')),
    'cultivationPeriod',
  );
  s = step(s, { name: 'certify', level: 'city' }, '2025-03-01');
  assert.equal(s.stage, 'publicNotice');
  assert.equal(
    ruleOf(() => step(s, { name: 'closeNotice', objectionUpheld: false }, s.objectionUntil!)),
    'objectionPeriod',
  );
  s = step(s, { name: 'closeNotice', objectionUpheld: false }, '2025-03-20');
  assert.equal(s.stage, 'certified');
  assert.equal(s.validUntil, '2028-03-01');
  assert.equal(integrationStatusOf(s, '2025-03-20'), 'certified_city');
  assert.equal(integrationStatusOf(s, '2028-03-02'), 'none', 'past its validity');
  assert.deepEqual(deadlinesOf(s, '2026-01-15', rules).reportDue, { year: 2025, dueOn: '2026-01-31' });
  assert.deepEqual(deadlinesOf(s, '2026-02-01', rules).reportsOverdue, [2025]);
  assert.equal(
    ruleOf(() => step(s, { name: 'annualReport', year: 2026 }, '2026-02-01')),
    'annualReportYear',
  );
  s = step(s, { name: 'annualReport', year: 2025 }, '2026-02-01');
  assert.deepEqual(deadlinesOf(s, '2026-02-01', rules).reportsOverdue, []);
  s = step(s, { name: 'revoke', reason: 'fraud' }, '2026-06-30');
  assert.equal(s.bannedUntil, '2031-06-30');
  assert.equal(integrationStatusOf(s, '2026-07-01'), 'none');
  assert.equal(
    ruleOf(() => checkMayApply([s], '2031-06-30')),
    'banAfterRevocation',
  );
  assert.doesNotThrow(() => checkMayApply([s], '2031-07-01'));
  assert.equal(
    ruleOf(() => checkMayApply([newCase('2026-01-01')], '2026-02-01')),
    'oneOpenCase',
  );
});

test('lifecycle: a refusal at a review ends the case; month arithmetic clamps to the month end', () => {
  assert.equal(transition(newCase('2024-01-01'), { name: 'districtReview', approve: false }, '2024-01-02', rules).stage, 'rejected');
  assert.equal(addMonths('2023-11-30', 3), '2024-02-29');
  assert.equal(addMonths('2023-10-31', 3), '2024-01-31');
});
