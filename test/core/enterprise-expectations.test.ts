import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enterpriseExpectations, type ExpectationRules } from '../../core/registry/enterprise-expectations.ts';
import { currentPlan } from '../../policy/index.ts';

/** The rules as the server reads them from the policy file, so these tests follow the file. */
function rulesFromPlan(): ExpectationRules {
  const range = (code: string) => {
    const r = currentPlan.rules[code];
    assert.equal(r?.kind, 'shareRange', code);
    return r.kind === 'shareRange' ? { min: r.min, max: r.max, article: r.source.article ?? '' } : { min: 0, max: 0, article: '' };
  };
  const share = currentPlan.rules.training_fund_frontline_share;
  assert.equal(share?.kind, 'share');
  return {
    internshipPosts: range('internship_posts_share'),
    trainingFund: range('training_fund_share'),
    trainingFundFrontline: { value: share.kind === 'share' ? share.value : 0, article: share.source.article ?? '' },
  };
}

const fixed: ExpectationRules = {
  internshipPosts: { min: 0.02, max: 0.03, article: 'A' },
  trainingFund: { min: 0.015, max: 0.025, article: 'B' },
  trainingFundFrontline: { value: 0.6, article: 'B' },
};

test('internship posts: whole posts between the shares, exact on round figures (no float creep)', () => {
  const e = enterpriseExpectations({ staffCount: 350, payrollYuan: null, aboveDesignatedSize: true }, fixed);
  assert.equal(e.internshipPosts.minPosts, 7); // 350 × 2% = 7, not 7.000000000000001 rounded up to 8
  assert.equal(e.internshipPosts.maxPosts, 10); // 350 × 3% = 10.5 → 10
  assert.equal(e.internshipPosts.applies, true);
  const small = enterpriseExpectations({ staffCount: 30, payrollYuan: null, aboveDesignatedSize: false }, fixed);
  assert.deepEqual([small.internshipPosts.minPosts, small.internshipPosts.maxPosts], [1, 1]); // 0.6–0.9 → at least one post
  assert.equal(small.internshipPosts.applies, false); // the plan asks it of enterprises above designated size
  const none = enterpriseExpectations({ staffCount: 0, payrollYuan: null, aboveDesignatedSize: true }, fixed);
  assert.deepEqual([none.internshipPosts.minPosts, none.internshipPosts.maxPosts], [0, 0]);
});

test('training fund: the payroll range and the front-line share; unknown payroll gives no figures', () => {
  const e = enterpriseExpectations({ staffCount: 100, payrollYuan: 28_000_000, aboveDesignatedSize: true }, fixed);
  assert.equal(e.trainingFund.minYuan, 420_000);
  assert.equal(e.trainingFund.maxYuan, 700_000);
  assert.equal(e.trainingFund.frontlineMinYuan, 252_000);
  const unknown = enterpriseExpectations({ staffCount: 100, payrollYuan: null, aboveDesignatedSize: true }, fixed);
  assert.equal(unknown.trainingFund.minYuan, null);
  assert.equal(unknown.trainingFund.frontlineMinYuan, null);
});

test('the figures come from the policy file with their articles', () => {
  const rules = rulesFromPlan();
  const e = enterpriseExpectations({ staffCount: 1000, payrollYuan: 10_000_000, aboveDesignatedSize: true }, rules);
  assert.equal(e.internshipPosts.minShare, rules.internshipPosts.min);
  assert.equal(e.internshipPosts.minPosts, Math.round(1000 * rules.internshipPosts.min));
  assert.equal(e.internshipPosts.maxPosts, Math.round(1000 * rules.internshipPosts.max));
  assert.equal(e.trainingFund.minYuan, Math.round(10_000_000 * rules.trainingFund.min));
  assert.match(e.internshipPosts.article, /二 \(二\) 5/);
  assert.match(e.trainingFund.article, /二 \(二\) 5/);
});
