import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodsOf, remindersDue, reportIndex, reportSlots } from '../../core/supervision/index.ts';
import { currentPlan } from '../../policy/index.ts';

const orgs = [
  { id: 'edu1', unit: 'edu', districtId: null },
  { id: 'd1', unit: 'districts', districtId: 'd1' },
];
const tasks = [
  { no: 1, leadUnit: 'edu', coUnits: ['districts'] },
  { no: 3, leadUnit: 'edu', coUnits: [] },
];
const slots = reportSlots(tasks, orgs);
// 2024Q1 due 2024-04-15, 2024Q2 due 2024-07-15.
const periods = periodsOf('2024-01-01', '2024-06-30', 'quarterly', 15);
const rule = { daysBefore: 7, overdueEveryDays: 7 };

test('a report due within daysBefore and not yet made gives one digest per organisation and period', () => {
  const index = reportIndex([{ taskNo: 1, period: '2024Q2', organisationId: 'd1', late: false, status: 'submitted', score: null }]);
  const r = remindersDue(slots, periods.slice(1), index, '2024-07-10', rule);
  assert.deepEqual(
    r.map((x) => [x.organisationId, x.kind, x.dedupeKey, x.items.map((i) => i.taskNo)]),
    [['edu1', 'report_due', 'report_due:2024Q2', [1, 3]]],
  );
  assert.equal(r[0]!.title, '2024年第二季度任务进展报告将于2024-07-15截止');
  assert.match(r[0]!.body, /第1、3项任务/);
  assert.deepEqual(remindersDue(slots, periods.slice(1), index, '2024-07-07', rule), [], 'eight days before: not yet');
  assert.equal(
    remindersDue(slots, periods.slice(1), index, '2024-07-15', rule)[0]!.kind,
    'report_due',
    'the due day itself is still on time',
  );
});

test('overdue reports make one digest per organisation, sent again only in the next cycle', () => {
  const index = reportIndex([{ taskNo: 1, period: '2024Q1', organisationId: 'edu1', late: false, status: 'rated', score: 90 }]);
  const day1 = remindersDue(slots, periods, index, '2024-08-01', rule);
  assert.deepEqual(
    day1.map((x) => [x.organisationId, x.kind, x.items.map((i) => `${i.taskNo}@${i.period}`)]),
    [
      ['d1', 'report_overdue', ['1@2024Q1', '1@2024Q2']],
      ['edu1', 'report_overdue', ['3@2024Q1', '1@2024Q2', '3@2024Q2']],
    ],
  );
  assert.equal(day1[1]!.title, '有3份任务进展报告逾期未报送');
  // 2024-08-01 is day 19936 since 1970, a multiple of 7: its cycle runs to 2024-08-07.
  const keys = (date: string) => remindersDue(slots, periods, index, date, rule).map((x) => x.dedupeKey);
  assert.deepEqual(keys('2024-08-07'), keys('2024-08-01'));
  assert.equal(
    keys('2024-08-08').some((k) => keys('2024-08-01').includes(k)),
    false,
  );
});

test('nothing owed, nothing sent; a period not begun is not reminded', () => {
  const all = reportIndex(
    slots.flatMap((s) =>
      periods.map((p) => ({
        taskNo: s.taskNo,
        period: p.key,
        organisationId: s.organisationId,
        late: false,
        status: 'submitted' as const,
        score: null,
      })),
    ),
  );
  assert.deepEqual(remindersDue(slots, periods, all, '2024-09-01', rule), []);
  const future = periodsOf('2030-01-01', '2030-03-31', 'quarterly', 0);
  assert.deepEqual(remindersDue(slots, future, reportIndex([]), '2029-12-28', { daysBefore: 200, overdueEveryDays: 7 }), []);
});

test('the reminder rhythm is data in the policy file', () => {
  const r = currentPlan.supervision.reminders;
  assert.ok(Number.isInteger(r.daysBefore) && r.daysBefore >= 0);
  assert.ok(Number.isInteger(r.overdueEveryDays) && r.overdueEveryDays >= 1);
});
