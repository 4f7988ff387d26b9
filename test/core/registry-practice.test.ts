import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, dayNumber, parseDate } from '../../core/registry/calendar.ts';
import {
  coveredDays,
  enterprisePracticeStanding,
  practiceWindow,
  requiredPracticeDays,
  type PracticeRule,
} from '../../core/registry/teacher-practice.ts';
import { currentPlan } from '../../policy/index.ts';

/** 1 year in every 5, as the policy file has it (checked below against the file itself). */
const rule: PracticeRule = { value: 1, unit: '年', per: { value: 5, unit: '年' }, article: '二 (三) 10' };
const standing = (periods: { start: string; end: string | null }[], asOf: string) => enterprisePracticeStanding(periods, asOf, rule);
const days = (periods: { start: string; end: string | null }[], asOf = '2025-06-30') => standing(periods, asOf).days;

test('the rule read from the policy file is 1 year in every 5 (365 days, a 5-year window)', () => {
  const r = currentPlan.rules.teacher_enterprise_practice;
  assert.equal(r?.kind, 'duration');
  if (r?.kind !== 'duration' || !r.per) return;
  const fromFile: PracticeRule = { value: r.value, unit: r.unit, per: r.per, article: r.source.article ?? '' };
  assert.equal(requiredPracticeDays(fromFile), 365);
  assert.deepEqual(practiceWindow('2025-06-30', fromFile.per), { start: '2020-07-01', end: '2025-06-30' });
  assert.match(fromFile.article, /二 \(三\) 10/);
});

test('calendar: real dates only, month arithmetic clamps to the month end', () => {
  assert.equal(parseDate('2023-02-29'), null);
  assert.deepEqual(parseDate('2024-02-29'), { y: 2024, m: 2, d: 29 });
  assert.equal(parseDate('1900-02-29'), null); // century, not a leap year
  assert.deepEqual(parseDate('2000-02-29'), { y: 2000, m: 2, d: 29 }); // every 400 years, a leap year
  assert.equal(parseDate('2024-13-01'), null);
  assert.equal(parseDate('2024-1-1'), null);
  assert.equal(addMonths('2024-02-29', -12), '2023-02-28');
  assert.equal(addMonths('2024-02-29', -48), '2020-02-29');
  assert.equal(addMonths('2019-08-31', 6), '2020-02-29');
  assert.equal(addMonths('2025-01-15', -60), '2020-01-15');
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.throws(() => dayNumber('2023-02-29'));
});

test('no periods: nothing accumulated, the whole year still missing', () => {
  const s = standing([], '2025-06-30');
  assert.deepEqual(s, {
    asOf: '2025-06-30',
    windowStart: '2020-07-01',
    windowEnd: '2025-06-30',
    days: 0,
    requiredDays: 365,
    remainingDays: 365,
    met: false,
    article: '二 (三) 10',
  });
});

test('both ends of a period count: a one-day period is one day', () => {
  assert.equal(days([{ start: '2024-05-06', end: '2024-05-06' }]), 1);
  assert.equal(days([{ start: '2024-05-06', end: '2024-05-07' }]), 2);
});

test('one continuous calendar year meets the rule, leap day or not', () => {
  const plain = standing([{ start: '2021-03-01', end: '2022-02-28' }], '2025-06-30');
  assert.equal(plain.days, 365);
  assert.equal(plain.met, true);
  const leap = standing([{ start: '2023-03-01', end: '2024-02-29' }], '2025-06-30');
  assert.equal(leap.days, 366);
  assert.equal(leap.met, true);
  // A day short of a year that contains 29 February: 365 days, still met; two days short: 364, not met.
  assert.equal(days([{ start: '2023-03-02', end: '2024-02-29' }]), 365);
  const short = standing([{ start: '2023-03-03', end: '2024-02-29' }], '2025-06-30');
  assert.equal(short.days, 364);
  assert.equal(short.met, false);
  assert.equal(short.remainingDays, 1);
});

test('overlapping, nested, duplicated and touching periods count each day once', () => {
  const a = { start: '2022-01-01', end: '2022-06-30' }; // 181 days
  const b = { start: '2022-04-01', end: '2022-09-30' }; // overlaps a from April
  assert.equal(days([a]), 181);
  assert.equal(days([a, b]), 273); // 2022-01-01 … 2022-09-30
  assert.equal(days([b, a]), 273); // order does not matter
  assert.equal(days([a, a, a]), 181); // the same placement entered three times
  assert.equal(days([a, { start: '2022-02-01', end: '2022-02-10' }]), 181); // nested
  assert.equal(
    days([
      { start: '2022-01-01', end: '2022-01-31' },
      { start: '2022-02-01', end: '2022-02-28' },
    ]),
    59,
  ); // touching
  assert.equal(
    days([
      { start: '2022-01-01', end: '2022-01-10' },
      { start: '2022-01-20', end: '2022-01-29' },
    ]),
    20,
  ); // gap
});

test('several short placements add up to the year', () => {
  const periods = [
    { start: '2021-07-01', end: '2021-08-31' }, // 62
    { start: '2022-07-01', end: '2022-08-31' }, // 62
    { start: '2023-01-09', end: '2023-06-30' }, // 173
    { start: '2024-07-01', end: '2024-09-06' }, // 68
  ];
  const s = standing(periods, '2025-06-30');
  assert.equal(s.days, 365);
  assert.equal(s.met, true);
  const less = standing(
    periods.map((p, i) => (i === 3 ? { ...p, end: '2024-09-05' } : p)),
    '2025-06-30',
  );
  assert.equal(less.days, 364);
  assert.equal(less.met, false);
});

test('the window: the 5 years ending on the reference date, both ends included', () => {
  // 2020-07-01 … 2025-06-30 holds one 29 February (2024): 5 × 365 + 1 days.
  assert.equal(days([{ start: '2000-01-01', end: '2030-12-31' }]), 1826);
  assert.equal(days([{ start: '2019-01-01', end: '2020-06-30' }]), 0); // ended the day before the window
  assert.equal(days([{ start: '2020-06-30', end: '2020-07-01' }]), 1); // only its last day is inside
  assert.equal(days([{ start: '2025-06-30', end: '2025-12-31' }]), 1); // starts on the reference date
  assert.equal(days([{ start: '2025-07-01', end: '2025-12-31' }]), 0); // planned, not yet done
  // Practice done 5 years and a day ago no longer counts: the standing changes with the reference date.
  const p = [{ start: '2020-01-01', end: '2020-12-31' }];
  assert.equal(standing(p, '2025-01-01').met, true); // window 2020-01-02 …: 365 days of 2020 (leap year: 366 − 1)
  assert.equal(standing(p, '2025-01-01').days, 365);
  assert.equal(standing(p, '2025-01-02').days, 364);
  assert.equal(standing(p, '2025-01-02').met, false);
});

test('a 29 February reference date looks back to 1 March', () => {
  assert.deepEqual(practiceWindow('2024-02-29', rule.per), { start: '2019-03-01', end: '2024-02-29' });
  assert.equal(days([{ start: '2019-02-28', end: '2019-03-01' }], '2024-02-29'), 1);
  assert.deepEqual(practiceWindow('2025-03-01', rule.per), { start: '2020-03-02', end: '2025-03-01' });
  // A window over two 29 Februaries (2020 and 2024).
  assert.equal(days([{ start: '2000-01-01', end: '2030-01-01' }], '2024-02-29'), 1827);
});

test('an open period runs to the reference date', () => {
  assert.equal(days([{ start: '2025-06-21', end: null }]), 10);
  assert.equal(days([{ start: '2024-06-30', end: null }], '2025-06-29'), 365);
  assert.equal(standing([{ start: '2024-07-01', end: null }], '2025-06-30').met, true);
  assert.equal(days([{ start: '2025-07-01', end: null }]), 0); // starts after the reference date
  assert.equal(
    days(
      [
        { start: '2024-01-01', end: null },
        { start: '2024-03-01', end: '2024-04-01' },
      ],
      '2024-01-31',
    ),
    31,
  );
});

test('a period ending before it starts, or an impossible date, is refused (callers validate input)', () => {
  assert.throws(() => days([{ start: '2024-05-06', end: '2024-05-05' }]), /早于开始日期/);
  assert.throws(() => days([{ start: '2023-02-29', end: '2023-03-01' }]), /不是有效日期/);
  assert.throws(() => standing([], '2025-02-30'), /不是有效日期/);
  assert.throws(() => requiredPracticeDays({ ...rule, unit: 'fortnight' }), /无法换算/);
  assert.throws(() => practiceWindow('2025-01-01', { value: 5, unit: '周' }), /无法换算/);
});

test('coveredDays counts only inside the given bounds', () => {
  const from = dayNumber('2024-01-01');
  const to = dayNumber('2024-12-31');
  assert.equal(coveredDays([{ start: '2023-12-01', end: '2025-01-31' }], from, to), 366);
  assert.equal(coveredDays([], from, to), 0);
});
