import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studyYearOn } from '../../core/internships/placement-check.ts';
import {
  eligibilityDate,
  newestEligibleCohort,
  orderPlacementRows,
  placementRate,
  yearSpan,
} from '../../core/internships/placement-rate.ts';
import { byUrgency, ragOf, rollUp, rollUpBy, shareStanding } from '../../core/internships/post-share.ts';
import type { PostTerms } from '../../core/internships/post-check.ts';
import { internshipRules } from '../../core/internships/rules.ts';
import { enterpriseCapViolation, positionCapViolation, runningPostViolations } from '../../core/internships/violation-scan.ts';
import { currentPlan } from '../../policy/index.ts';

const rules = internshipRules(currentPlan);
const rule = currentPlan.rules.internship_posts_share;
if (rule?.kind !== 'shareRange') throw new Error('policy file: internship_posts_share is not a range');
const range = { min: rule.min, max: rule.max, article: rule.source.article ?? '' };

test('the 2%–3% range comes from the policy file with its article', () => {
  assert.deepEqual([range.min, range.max], [0.02, 0.03]);
  assert.match(range.article, /二 \(二\) 5/);
});

test('an enterprise above designated size is green at 2% of its staff, amber below, red with nothing offered', () => {
  const at = (places: number) =>
    shareStanding({ staffCount: 350, aboveDesignatedSize: true, placesOffered: places, internsAccepted: 0 }, range);
  // 350 × 2% = 7 posts exactly (no floating-point 7.000000000000001 rounding up to 8).
  assert.equal(at(7).minPosts, 7);
  assert.equal(at(7).maxPosts, 10);
  assert.equal(at(7).placesStatus, 'green');
  assert.equal(at(6).placesStatus, 'amber');
  assert.equal(at(0).placesStatus, 'red');
  assert.equal(at(7).placesShare, 0.02);
  assert.equal(at(10).aboveMax, false);
  assert.equal(at(11).aboveMax, true);
  assert.equal(at(11).placesStatus, 'green', 'more than 3% is not a failure');
  assert.equal(at(7).internsStatus, 'red', 'interns accepted are judged separately');
});

test('a small staff still needs a whole post; the rule does not bind below designated size or without staff', () => {
  const small = shareStanding({ staffCount: 10, aboveDesignatedSize: true, placesOffered: 1, internsAccepted: 1 }, range);
  assert.equal(small.minPosts, 1);
  assert.equal(small.placesStatus, 'green');
  assert.equal(small.internsShare, 0.1);
  const notBound = shareStanding({ staffCount: 1000, aboveDesignatedSize: false, placesOffered: 0, internsAccepted: 0 }, range);
  assert.deepEqual([notBound.applies, notBound.placesStatus, notBound.placesShare], [false, 'na', null]);
  assert.equal(shareStanding({ staffCount: 0, aboveDesignatedSize: true, placesOffered: 3, internsAccepted: 0 }, range).placesStatus, 'na');
});

test('ragOf compares whole counts', () => {
  assert.equal(ragOf(0, 0), 'red');
  assert.equal(ragOf(2, 3), 'amber');
  assert.equal(ragOf(3, 3), 'green');
});

test('a roll-up sums only the enterprises the rule binds and colours the sums against the range', () => {
  const items = [
    { staffCount: 1000, aboveDesignatedSize: true, placesOffered: 25, internsAccepted: 10, placesStatus: 'green' as const },
    { staffCount: 500, aboveDesignatedSize: true, placesOffered: 0, internsAccepted: 0, placesStatus: 'red' as const },
    { staffCount: 90000, aboveDesignatedSize: false, placesOffered: 0, internsAccepted: 0, placesStatus: 'na' as const },
  ];
  const r = rollUp('d1', '一区', items, range);
  assert.deepEqual([r.enterprises, r.applicable, r.staffCount, r.placesOffered, r.internsAccepted], [3, 2, 1500, 25, 10]);
  assert.equal(r.placesStatus, 'amber', '25 places for 1,500 staff is under the 30 that 2% asks');
  assert.deepEqual(r.statusCounts, { green: 1, amber: 0, red: 1, na: 1 });
  const none = rollUp(null, '空', [items[2]!], range);
  assert.deepEqual([none.placesStatus, none.placesShare], ['na', null]);
});

test('rollUpBy groups by key, sorts by name and puts the group without a key last', () => {
  const mk = (key: string | null, places: number) => ({
    key,
    staffCount: 100,
    aboveDesignatedSize: true,
    placesOffered: places,
    internsAccepted: 0,
    placesStatus: ragOf(places, 2),
  });
  const names: Record<string, string> = { a: '乙区', b: '甲区' };
  const rows = rollUpBy(
    [mk('a', 2), mk(null, 0), mk('b', 1), mk('a', 0)],
    (e) => e.key,
    (k) => (k ? names[k]! : '未登记'),
    range,
  );
  // Chinese collation (pinyin): 甲 (jiǎ) before 乙 (yǐ).
  assert.deepEqual(
    rows.map((r) => [r.key, r.enterprises, r.placesOffered]),
    [
      ['b', 1, 1],
      ['a', 2, 2],
      [null, 1, 0],
    ],
  );
  assert.equal(rows.at(-1)!.key, null);
});

test('enterprises furthest from the target come first', () => {
  const e = (name: string, placesStatus: 'green' | 'amber' | 'red' | 'na', placesShare: number | null) => ({
    enterpriseName: name,
    placesStatus,
    placesShare,
  });
  const sorted = [e('甲', 'green', 0.02), e('乙', 'na', null), e('丙', 'amber', 0.015), e('丁', 'amber', 0.01), e('戊', 'red', 0)].sort(
    byUrgency,
  );
  assert.deepEqual(
    sorted.map((x) => x.enterpriseName),
    ['戊', '丁', '丙', '甲', '乙'],
  );
});

test('eligible cohorts: the newest cohort in its second study year on the day, consistent with studyYearOn', () => {
  const min = rules.placementMinStudyYear;
  assert.equal(min, 2);
  for (const date of ['2026-03-15', '2026-08-31', '2026-09-01', '2026-12-31']) {
    const c = newestEligibleCohort(date, min);
    assert.ok(studyYearOn(c, date) >= min, `${date}: cohort ${c} is old enough`);
    assert.ok(studyYearOn(c + 1, date) < min, `${date}: cohort ${c + 1} is not`);
  }
  assert.equal(newestEligibleCohort('2026-03-15', min), 2024);
  assert.equal(newestEligibleCohort('2026-09-01', min), 2025);
});

test('the eligibility day: today in the current year, the last day of a past one, the first of a future one', () => {
  assert.equal(eligibilityDate(2026, '2026-05-20'), '2026-05-20');
  assert.equal(eligibilityDate(2025, '2026-05-20'), '2025-12-31');
  assert.equal(eligibilityDate(2027, '2026-05-20'), '2027-01-01');
  assert.deepEqual(yearSpan(2026), { from: '2026-01-01', to: '2026-12-31' });
});

test('a placement rate is null, not 0%, when nobody is eligible', () => {
  assert.equal(placementRate(0, 0), null);
  assert.equal(placementRate(3, 4), 0.75);
});

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
  startDate: '2020-03-01',
  endDate: '2020-08-31',
};

test('a running post is checked again without the publishing-day date rule; a broken term names its rule', () => {
  assert.deepEqual(runningPostViolations(lawful, rules), [], 'a post that started in the past is not a violation for that');
  const v = runningPostViolations({ ...lawful, monthlyPayYuan: 3000, weeklyHours: 48 }, rules);
  assert.deepEqual(
    v.map((x) => x.rule.code),
    ['intern_pay_floor', 'work_hours_weekly'],
  );
  assert.match(v[0]!.message, /职业学校学生实习管理规定/);
});

test('the 20% position cap and the 10% enterprise cap flag only counts above the cap', () => {
  assert.equal(positionCapViolation(20, 4, rules), null);
  const pos = positionCapViolation(20, 5, rules);
  assert.equal(pos?.rule.code, 'intern_position_cap');
  assert.match(pos!.message, /上限 4 人/);
  assert.equal(enterpriseCapViolation(50, 5, rules), null);
  const ent = enterpriseCapViolation(50, 6, rules);
  assert.equal(ent?.rule.code, 'intern_enterprise_cap');
  assert.match(ent!.message, /6人.*上限 5 人/);
});

test('placement rows in the order asked: by rate (no rate last) or by students placed, ties broken by the other figure', () => {
  const rows = [
    { name: '甲校', eligible: 100, placed: 10, rate: 0.1 },
    { name: '乙校', eligible: 0, placed: 0, rate: null },
    { name: '丙校', eligible: 10, placed: 5, rate: 0.5 },
    { name: '丁校', eligible: 20, placed: 10, rate: 0.5 },
    { name: '戊校', eligible: 40, placed: 0, rate: 0 },
  ];
  assert.deepEqual(
    orderPlacementRows(rows, 'rate').map((r) => r.name),
    ['丁校', '丙校', '甲校', '戊校', '乙校'],
  );
  assert.deepEqual(
    orderPlacementRows(rows, 'placed').map((r) => r.name),
    ['丁校', '甲校', '丙校', '戊校', '乙校'],
  );
  assert.equal(rows[0]!.name, '甲校', 'the rows given are left as they were');
});
