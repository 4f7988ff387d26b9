import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dualQualifiedStanding, partTimeStanding, practiceShareStanding, type ShareRule } from '../../core/registry/shares.ts';
import { currentPlan } from '../../policy/index.ts';

/** A share rule as the server reads it from the policy file. */
function fromPlan(code: string): ShareRule {
  const r = currentPlan.rules[code];
  assert.equal(r?.kind, 'share', code);
  if (r?.kind !== 'share') throw new Error(code);
  return { comparator: r.comparator, value: r.value, article: r.source.article ?? '' };
}

const practice = fromPlan('practice_teaching_share');
const partTime = fromPlan('part_time_teacher_quota');
const dual = fromPlan('dual_qualified_share');

test('the policy file gives ≥ 50% practice, ≤ 30% part-time, ≥ 70% dual-qualified, each with its article', () => {
  assert.deepEqual([practice.comparator, practice.value], ['>=', 0.5]);
  assert.deepEqual([partTime.comparator, partTime.value], ['<=', 0.3]);
  assert.deepEqual([dual.comparator, dual.value], ['>=', 0.7]);
  assert.match(practice.article, /二 \(三\) 8/);
  assert.match(partTime.article, /二 \(三\) 10/);
  assert.match(dual.article, /任务清单 13/);
});

test('practice-teaching share: exactly the threshold meets it, a thousandth below does not, unknown is unknown', () => {
  assert.equal(practiceShareStanding(0.5, practice).met, true);
  assert.equal(practiceShareStanding(0.499, practice).met, false);
  assert.equal(practiceShareStanding(0.62, practice).met, true);
  assert.equal(practiceShareStanding(1, practice).met, true);
  assert.equal(practiceShareStanding(0, practice).met, false);
  const unknown = practiceShareStanding(null, practice);
  assert.deepEqual([unknown.share, unknown.met, unknown.limit], [null, null, 0.5]);
  assert.equal(practiceShareStanding(0.62, practice).share, 0.62);
});

test('part-time teachers against the staffing quota: filled to 30% (聘足配齐), never above, whole teachers', () => {
  const at = partTimeStanding(30, 100, partTime);
  assert.deepEqual([at.met, at.fill, at.maxPartTime, at.share, at.shortfall], [true, 'full', 30, 0.3, 0]);
  assert.deepEqual([partTimeStanding(31, 100, partTime).met, partTimeStanding(31, 100, partTime).fill], [false, 'over']);
  const none = partTimeStanding(0, 100, partTime);
  assert.deepEqual([none.met, none.fill, none.shortfall], [false, 'short', 30], 'no part-time teachers is a shortfall, not green');
  assert.deepEqual([partTimeStanding(29, 100, partTime).fill, partTimeStanding(29, 100, partTime).shortfall], ['short', 1]);
  assert.equal(partTimeStanding(2, 7, partTime).maxPartTime, 2); // 7 × 30% = 2.1 → 2
  assert.equal(partTimeStanding(2, 7, partTime).met, true);
  assert.equal(partTimeStanding(3, 7, partTime).met, false);
  assert.equal(partTimeStanding(3, 10, partTime).met, true); // 3 / 10 is 0.30000000000000004 in floating point
  const noQuota = partTimeStanding(5, null, partTime);
  assert.deepEqual([noQuota.share, noQuota.met, noQuota.maxPartTime, noQuota.fill], [null, null, null, null]);
  const zero = partTimeStanding(0, 0, partTime);
  assert.deepEqual([zero.share, zero.met, zero.maxPartTime, zero.fill], [null, null, 0, null]);
});

test('dual-qualified share of specialty teachers: 7 of 10 meets 70%, with the shortfall otherwise', () => {
  const seven = dualQualifiedStanding(7, 10, dual);
  assert.deepEqual([seven.met, seven.shortfall], [true, 0]);
  const below = dualQualifiedStanding(69, 100, dual);
  assert.deepEqual([below.met, below.shortfall], [false, 1]);
  assert.equal(dualQualifiedStanding(2, 3, dual).shortfall, 1); // 3 × 70% = 2.1 → 3 needed
  assert.equal(dualQualifiedStanding(3, 3, dual).met, true);
  const none = dualQualifiedStanding(0, 0, dual);
  assert.deepEqual([none.share, none.met, none.shortfall], [null, null, 0]);
  assert.equal(dualQualifiedStanding(0, 5, dual).shortfall, 4); // 3.5 → 4
});

test('a changed policy value changes the outcome: nothing is hard-coded', () => {
  const stricter = { ...dual, value: 0.8 };
  assert.equal(dualQualifiedStanding(7, 10, stricter).met, false);
  assert.equal(practiceShareStanding(0.55, { ...practice, value: 0.6 }).met, false);
  assert.equal(partTimeStanding(40, 100, { ...partTime, value: 0.4 }).met, true);
});
