import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, checkPlacement, internCaps, studyYearOn } from '../../core/internships/placement-check.ts';
import { checkPost, type PostTerms } from '../../core/internships/post-check.ts';
import { internshipRules } from '../../core/internships/rules.ts';
import { currentPlan } from '../../policy/index.ts';

const rules = internshipRules(currentPlan);
const lawful: PostTerms = {
  kind: 'placement',
  places: 5,
  monthlyPayYuan: 3200,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  nightShift: false,
  holidayWork: false,
  overtime: false,
  workplaceKind: null,
  tasks: [],
  highRiskFiled: false,
  fees: [],
  insurance: 'enterprise',
  viaIntermediary: false,
  startDate: '2026-12-01',
  endDate: '2027-05-31',
};
const codes = (v: { rule: { code: string } }[]) => v.map((x) => x.rule.code);

test('the regulation figures come from the policy file', () => {
  assert.equal(rules.enterpriseCap, 0.1);
  assert.equal(rules.positionCap, 0.2);
  assert.equal(rules.payFloor, 0.8);
  assert.equal(rules.minAge, 16);
});

test('a lawful post passes', () => {
  assert.deepEqual(checkPost(lawful, rules, '2026-11-29'), []);
});

test('pay under 80% of the same post is refused, naming the rule and its article', () => {
  const v = checkPost({ ...lawful, monthlyPayYuan: 3199 }, rules, '2026-11-29');
  assert.deepEqual(codes(v), ['intern_pay_floor']);
  assert.equal(v[0]!.field, 'monthlyPayYuan');
  assert.match(v[0]!.message, /第十八条/);
  assert.deepEqual(checkPost({ ...lawful, kind: 'observation', monthlyPayYuan: 0 }, rules, '2026-11-29'), []);
});

test('hours, night shifts, holidays, overtime, forbidden places, tasks and fees are each refused', () => {
  const v = checkPost(
    {
      ...lawful,
      dailyHours: 9,
      weeklyHours: 44,
      nightShift: true,
      holidayWork: true,
      overtime: true,
      workplaceKind: 'karaoke',
      tasks: ['high_risk'],
      fees: ['deposit'],
    },
    rules,
    '2026-11-29',
  );
  assert.deepEqual(codes(v), [
    'work_hours_daily',
    'work_hours_weekly',
    'forbidden_tasks',
    'forbidden_tasks',
    'forbidden_tasks',
    'forbidden_tasks',
    'forbidden_workplaces',
    'forbidden_fees',
  ]);
});

test('a high-risk post filed for a special major is allowed', () => {
  assert.deepEqual(checkPost({ ...lawful, tasks: ['high_risk'], highRiskFiled: true }, rules, '2026-11-29'), []);
});

test('no insurance, intermediaries, zero places, past or inverted dates are refused', () => {
  const v = checkPost(
    { ...lawful, insurance: 'none', viaIntermediary: true, places: 0, startDate: '2026-11-01', endDate: '2026-10-01' },
    rules,
    '2026-11-29',
  );
  assert.deepEqual(codes(v).sort(), ['dates', 'dates', 'insurance', 'intermediary', 'places']);
});

test('age and study year are computed on the start date', () => {
  assert.equal(ageOn('2010-12-02', '2026-12-01'), 15);
  assert.equal(ageOn('2010-12-01', '2026-12-01'), 16);
  assert.equal(studyYearOn(2026, '2026-12-01'), 1);
  assert.equal(studyYearOn(2025, '2026-12-01'), 2);
  assert.equal(studyYearOn(2025, '2026-08-31'), 1);
});

test('under-16s and first-year students may not take a placement; minors no night shift', () => {
  const young = { birthDate: '2011-01-01', cohort: 2025, sex: 'male' as const };
  assert.deepEqual(codes(checkPlacement(young, { kind: 'placement', startDate: '2026-12-01', nightShift: false, tasks: [] }, rules)), [
    'intern_min_age',
  ]);
  const firstYear = { birthDate: '2008-01-01', cohort: 2026, sex: 'female' as const };
  assert.deepEqual(codes(checkPlacement(firstYear, { kind: 'placement', startDate: '2026-12-01', nightShift: false, tasks: [] }, rules)), [
    'placement_min_study_year',
  ]);
  assert.deepEqual(checkPlacement(firstYear, { kind: 'observation', startDate: '2026-12-01', nightShift: false, tasks: [] }, rules), []);
  const minor = { birthDate: '2009-06-01', cohort: 2024, sex: 'female' as const };
  assert.deepEqual(
    codes(checkPlacement(minor, { kind: 'placement', startDate: '2026-12-01', nightShift: true, tasks: ['female_prohibited'] }, rules)),
    ['forbidden_tasks', 'forbidden_tasks'],
  );
});

test('caps round down so they are never exceeded', () => {
  assert.deepEqual(internCaps(59, 9, rules), { enterprise: 5, position: 1 });
  assert.deepEqual(internCaps(60, 10, rules), { enterprise: 6, position: 2 });
});
