import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { logDue } from '../../core/internships/log-due.ts';

// 2026-12-07 is a Monday.
describe('weekly log due', () => {
  test('the week the internship started is owed, due by its Sunday', () => {
    assert.deepEqual(logDue('2026-12-09', '2027-03-31', [], '2026-12-10'), {
      weekStart: '2026-12-07',
      due: '2026-12-13',
      missing: 1,
      overdue: 0,
    });
  });
  test('a week past its Sunday without a log is overdue, and the earliest missing week comes first', () => {
    assert.deepEqual(logDue('2026-11-23', '2027-03-31', ['2026-11-30'], '2026-12-08'), {
      weekStart: '2026-11-23',
      due: '2026-11-29',
      missing: 2,
      overdue: 1,
    });
  });
  test('every week owed so far logged: nothing due', () => {
    assert.deepEqual(logDue('2026-11-30', '2027-03-31', ['2026-11-30', '2026-12-07'], '2026-12-07'), {
      weekStart: null,
      due: null,
      missing: 0,
      overdue: 0,
    });
  });
  test("no week after the internship's last is owed", () => {
    const r = logDue('2026-11-02', '2026-11-10', ['2026-11-02'], '2026-12-07');
    assert.deepEqual(r, { weekStart: '2026-11-09', due: '2026-11-15', missing: 1, overdue: 1 });
  });
});
